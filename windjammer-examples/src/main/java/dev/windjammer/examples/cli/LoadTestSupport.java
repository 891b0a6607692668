package dev.windjammer.examples.cli;

import dev.windjammer.examples.image.imaging.ImageProcessor;
import dev.windjammer.examples.image.imaging.ProcessedImage;
import dev.windjammer.io.http.Http;
import dev.windjammer.io.http.HttpException;
import dev.windjammer.io.http.HttpServer;
import dev.windjammer.io.http.Response;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The two helpers of {@code scripts/bench-image-service}, on the demo's sample images
 * ({@link SampleImages}), so that the load test and its reference rate use the same images:
 *
 * <pre>
 * java ... LoadTestSupport origin           serve the samples on 127.0.0.1 until killed; prints their URLs
 * java ... LoadTestSupport rate SECONDS     the single-thread image rate: decode, resize, sepia, JPEG
 *                                           of the samples in turn on one thread; prints images/s
 * </pre>
 */
public final class LoadTestSupport {

    private static final int SAMPLES = 8;

    private LoadTestSupport() {
    }

    /**
     * Runs one of the helpers.
     *
     * @param args {@code origin} or {@code rate SECONDS}
     */
    public static void main(String[] args) {
        if (args.length == 1 && args[0].equals("origin")) {
            origin();
        } else if (args.length == 2 && args[0].equals("rate")) {
            System.out.printf("%.2f%n", singleThreadRate(Double.parseDouble(args[1])));
        } else {
            System.err.println("usage: LoadTestSupport origin | rate SECONDS");
            System.exit(2);
        }
    }

    private static void origin() {
        Map<String, SampleImages.Sample> samples = SampleImages.draw(SAMPLES).stream()
                .collect(Collectors.toMap(SampleImages.Sample::name, Function.identity()));
        HttpServer server = Http.server("127.0.0.1:0").maxConnections(256).get("/samples/{name}", request -> {
            SampleImages.Sample sample = Optional.ofNullable(samples.get(request.pathParam("name")))
                    .orElseThrow(() -> HttpException.notFound("no such sample"));
            return Response.of(200, sample.contentType(), sample.bytes());
        }).start();
        samples.keySet().stream().sorted().forEach(name -> System.out.println(server.url("/samples/" + name)));
        System.out.flush();
        server.run();
    }

    /** One thread, the samples in turn: a warm-up of a third of the time, then the measurement. */
    private static double singleThreadRate(double seconds) {
        List<SampleImages.Sample> samples = SampleImages.draw(SAMPLES);
        ImageProcessor processor = ImageProcessor.builder().build();
        run(processor, samples, (long) (seconds / 3 * 1e9));
        long start = System.nanoTime();
        long images = run(processor, samples, (long) (seconds * 1e9));
        return images / ((System.nanoTime() - start) / 1e9);
    }

    private static long run(ImageProcessor processor, List<SampleImages.Sample> samples, long nanos) {
        long deadline = System.nanoTime() + nanos;
        long images = 0;
        while (System.nanoTime() < deadline) {
            for (SampleImages.Sample sample : samples) {
                if (!(processor.process(sample.bytes()) instanceof ProcessedImage.Encoded)) {
                    throw new IllegalStateException("sample " + sample.name() + " was rejected");
                }
                images++;
            }
        }
        return images;
    }
}
