package dev.windjammer.examples.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.windjammer.examples.image.ImageService;
import dev.windjammer.examples.image.fetch.AddressRange;
import dev.windjammer.examples.image.fetch.Downloader;
import dev.windjammer.examples.image.fetch.UrlPolicy;
import dev.windjammer.examples.image.store.ObjectStore;
import dev.windjammer.io.http.Http;
import dev.windjammer.io.http.HttpClient;
import dev.windjammer.io.http.HttpException;
import dev.windjammer.io.http.HttpServer;
import dev.windjammer.io.http.Response;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code windjammer demo}: the image service end to end, on this machine only. It draws sample
 * images ({@link SampleImages}), serves them from a local origin on 127.0.0.1, starts the
 * service on 127.0.0.1 with the filesystem store, submits the images with
 * {@code POST /process}, shows a progress bar while it polls {@code GET /jobs/{id}}, and prints
 * where each result is and the time the job spent in each layer.
 *
 * <p>The service's URL policy allows loopback addresses, for the sample origin; everything
 * else is as {@code windjammer serve} runs it.
 */
@Command(name = "demo",
        mixinStandardHelpOptions = true,
        versionProvider = WindjammerCli.Version.class,
        description = "Run the image service end to end on generated sample images: async downloads from a local"
                + " origin, compute (decode, resize to 800x600, sepia, JPEG), background uploads to a directory;"
                + " print the results and the time spent in each layer.")
final class DemoCommand implements Callable<Integer> {

    private static final Duration POLL = Duration.ofMillis(50);
    private static final Duration GIVE_UP = Duration.ofSeconds(60);

    @Spec
    private CommandSpec spec;

    @Option(names = "--images", paramLabel = "N", defaultValue = "8",
            description = "how many sample images to process, 1 to 100 (default: ${DEFAULT-VALUE})")
    private int images;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "target/windjammer-demo",
            description = "directory the processed JPEGs are stored under (default: ${DEFAULT-VALUE})")
    private Path out;

    @Override
    public Integer call() throws IOException {
        if (images < 1 || images > 100) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--images must be from 1 to 100, got " + images);
        }
        PrintWriter print = spec.commandLine().getOut();
        Path directory = Files.createDirectories(out).toAbsolutePath().normalize();
        List<SampleImages.Sample> samples = SampleImages.draw(images);
        Map<String, SampleImages.Sample> byName = samples.stream()
                .collect(Collectors.toMap(SampleImages.Sample::name, Function.identity()));

        try (HttpServer origin = origin(byName);
             ObjectStore store = ObjectStore.filesystem(directory);
             ImageService service = ImageService.builder().store(store)
                     .downloader(Downloader.builder().policy(UrlPolicy.builder().allow(AddressRange.LOOPBACK).build()).build())
                     .build();
             HttpClient client = HttpClient.builder().build()) {
            HttpServer api = service.serve("127.0.0.1:0");
            print.printf("windjammer demo: the image service on %s, sample origin on %s (%d generated images)%n",
                    api.url("/"), origin.url("/"), samples.size());
            List<String> urls = samples.stream().map(sample -> origin.url("/samples/" + sample.name())).toList();

            long start = System.nanoTime();
            Response accepted = client.post(api.url("/process"), urls);
            if (accepted.status() != 202) {
                throw new IllegalStateException("POST /process answered " + accepted.status() + ": " + accepted.text());
            }
            String id = accepted.json(JsonNode.class).get("id").asText();
            print.printf("POST /process -> 202, job %s%n", id);

            JsonNode job = awaitDone(client, api.url("/jobs/" + id), new ProgressBar(print, samples.size(),
                    System.console() != null));
            long wallNanos = System.nanoTime() - start;
            report(print, directory, job, wallNanos);
            return job.get("failed").asInt() == 0 ? CommandLine.ExitCode.OK : CommandLine.ExitCode.SOFTWARE;
        }
    }

    private static HttpServer origin(Map<String, SampleImages.Sample> samples) {
        return Http.server("127.0.0.1:0").get("/samples/{name}", request -> {
            SampleImages.Sample sample = Optional.ofNullable(samples.get(request.pathParam("name")))
                    .orElseThrow(() -> HttpException.notFound("no such sample"));
            return Response.of(200, sample.contentType(), sample.bytes());
        }).start();
    }

    private static JsonNode awaitDone(HttpClient client, String jobUrl, ProgressBar progress) {
        long deadline = System.nanoTime() + GIVE_UP.toNanos();
        while (true) {
            JsonNode job = client.get(jobUrl).expectSuccess().json(JsonNode.class);
            progress.show(job.get("stored").asInt(), job.get("failed").asInt());
            if (job.get("status").asText().equals("done")) {
                progress.finish();
                return job;
            }
            if (System.nanoTime() > deadline) {
                progress.finish();
                throw new IllegalStateException("the job was not done after " + GIVE_UP.toSeconds() + " s: " + job);
            }
            try {
                Thread.sleep(POLL);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for the job");
            }
        }
    }

    private static void report(PrintWriter print, Path directory, JsonNode job, long wallNanos) {
        print.printf("%nresults (%d stored, %d failed) under %s:%n", job.get("stored").asInt(), job.get("failed").asInt(),
                directory);
        for (JsonNode image : job.get("images")) {
            String name = URI.create(image.get("url").asText()).getPath().replaceFirst(".*/", "");
            if (image.get("status").asText().equals("stored")) {
                Path file = Path.of(URI.create(image.get("location").asText()));
                print.printf("  %-14s -> %s (%.1f KiB, 800x600 sepia JPEG)%n", name, directory.relativize(file),
                        image.get("bytes").asLong() / 1024.0);
            } else {
                print.printf("  %-14s -> failed: %s (%s)%n", name, image.path("error").asText(), image.path("message").asText());
            }
        }
        JsonNode layers = job.get("layers");
        print.printf("%ntime spent in each layer:%n");
        print.printf("  async    downloads on virtual threads (Async.joinAll)          %8.1f ms%n",
                layers.get("asyncDownloadMillis").asDouble());
        print.printf("  compute  decode, resize, sepia, JPEG (Compute.parallel)       %8.1f ms%n",
                layers.get("computeMillis").asDouble());
        print.printf("  thread   uploads on background threads (Threads + Channel)    %8.1f ms (summed over images)%n",
                layers.get("threadUploadMillis").asDouble());
        print.printf("  total    POST /process to job done, as seen by this client   %8.1f ms%n", wallNanos / 1e6);
    }

    /** A text progress bar: redrawn in place on a terminal, one line per change otherwise. */
    private static final class ProgressBar {
        private static final int WIDTH = 30;
        private final PrintWriter print;
        private final int total;
        private final boolean inPlace;
        private int shown = -1;

        ProgressBar(PrintWriter print, int total, boolean inPlace) {
            this.print = print;
            this.total = total;
            this.inPlace = inPlace;
        }

        void show(int stored, int failed) {
            int done = stored + failed;
            if (done == shown) {
                return;
            }
            shown = done;
            int filled = done * WIDTH / total;
            String line = String.format("[%s%s] %d/%d images (%d stored, %d failed)", "#".repeat(filled),
                    "-".repeat(WIDTH - filled), done, total, stored, failed);
            if (inPlace) {
                print.print("\r" + line);
            } else {
                print.println(line);
            }
            print.flush();
        }

        void finish() {
            if (inPlace && shown >= 0) {
                print.println();
            }
        }
    }
}
