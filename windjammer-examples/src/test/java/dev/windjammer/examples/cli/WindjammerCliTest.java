package dev.windjammer.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.windjammer.testkit.Delays;
import dev.windjammer.testkit.TestThreads;
import java.awt.image.BufferedImage;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The {@code windjammer} command line, run in-process as the script runs it. */
class WindjammerCliTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return WindjammerCli.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
    }

    @Test
    void withoutACommandItSaysSoWithTheUsageAndExits2() {
        assertThat(run()).isEqualTo(2);

        assertThat(err.toString()).startsWith("no command given").contains("Usage: windjammer", "demo", "serve");
    }

    @Test
    void anUnknownCommandIsAUsageError() {
        assertThat(run("deploy")).isEqualTo(2);

        assertThat(err.toString().lines().findFirst().orElseThrow()).contains("deploy");
    }

    @Test
    void anUnknownFlagIsNamedOnOneLineWithTheUsage() {
        assertThat(run("serve", "--prot", "8080")).isEqualTo(2);

        List<String> lines = err.toString().lines().toList();
        assertThat(lines.getFirst()).isEqualTo("Unknown options: '--prot', '8080'");
        assertThat(lines.get(1)).startsWith("Usage: windjammer serve");
        assertThat(err.toString()).doesNotContain("Exception", "\tat ");
    }

    @Test
    void aBadValueIsNamedOnOneLine() {
        assertThat(run("serve", "--port", "eighty")).isEqualTo(2);

        assertThat(err.toString().lines().findFirst().orElseThrow()).contains("--port", "eighty");
    }

    @Test
    void aBadSizeOrTimeIsNamedOnOneLine() {
        assertThat(run("serve", "--max-download", "lots")).isEqualTo(2);
        assertThat(err.toString().lines().findFirst().orElseThrow()).contains("--max-download", "512KiB");

        err.getBuffer().setLength(0);
        assertThat(run("serve", "--download-timeout", "10")).isEqualTo(2);
        assertThat(err.toString().lines().findFirst().orElseThrow()).contains("--download-timeout", "10s");
    }

    @Test
    void inconsistentStoreOptionsAreUsageErrors() {
        assertThat(run("serve", "--store", "s3")).isEqualTo(2);
        assertThat(err.toString()).startsWith("--store s3 needs --s3-bucket");

        err.getBuffer().setLength(0);
        assertThat(run("serve", "--store", "ftp")).isEqualTo(2);
        assertThat(err.toString()).startsWith("--store must be fs or s3");

        err.getBuffer().setLength(0);
        assertThat(run("serve", "--s3-bucket", "images")).isEqualTo(2);
        assertThat(err.toString()).startsWith("--s3-bucket and --s3-endpoint need --store s3");
    }

    @Test
    void anOutOfRangeSettingIsAUsageError() {
        assertThat(run("serve", "--jpeg-quality", "3")).isEqualTo(2);
        assertThat(err.toString()).startsWith("invalid value for --jpeg-quality: ");

        err.getBuffer().setLength(0);
        assertThat(run("demo", "--images", "0")).isEqualTo(2);
        assertThat(err.toString()).startsWith("--images must be from 1 to 100, got 0");
    }

    @ParameterizedTest
    @ValueSource(strings = {"demo", "serve", "compute-demo"})
    void everyCommandHasHelp(String command) {
        assertThat(run(command, "--help")).isZero();

        assertThat(out.toString()).startsWith("Usage: windjammer " + command).contains("--version");
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void helpNamesEveryCommand() {
        assertThat(run("--help")).isZero();

        assertThat(out.toString()).contains("demo", "serve", "compute-demo", "help");
    }

    @Test
    void versionNamesTheProjectVersionAndTheJvm() {
        assertThat(run("--version")).isZero();

        assertThat(out.toString()).startsWith("windjammer 0.").contains("Java " + System.getProperty("java.version"));
    }

    @Test
    void demoProcessesTheSampleImagesAndReportsEachLayer(@TempDir Path directory) throws Exception {
        assertThat(run("demo", "--images", "3", "--out", directory.toString())).isZero();

        String printed = out.toString();
        assertThat(printed).contains("POST /process -> 202", "3/3 images (3 stored, 0 failed)",
                "results (3 stored, 0 failed) under " + directory.toAbsolutePath().normalize(),
                "time spent in each layer", "async", "compute", "thread");
        List<Path> results;
        try (Stream<Path> files = Files.walk(directory)) {
            results = files.filter(file -> file.toString().endsWith(".jpg")).toList();
        }
        assertThat(results).hasSize(3);
        for (Path result : results) {
            BufferedImage image = ImageIO.read(result.toFile());
            assertThat(image.getWidth()).isEqualTo(800);
            assertThat(image.getHeight()).isEqualTo(600);
            int rgb = image.getRGB(400, 300);
            assertThat((rgb >> 16) & 0xff).isGreaterThanOrEqualTo((rgb >> 8) & 0xff); // sepia: red >= green
            assertThat((rgb >> 8) & 0xff).isGreaterThanOrEqualTo(rgb & 0xff);         //        green >= blue
        }
        assertThat(err.toString()).doesNotContain("Exception");
    }

    @Test
    void serveRunsUntilInterruptedAndStopsGracefully(@TempDir Path directory) throws Exception {
        AtomicInteger exit = new AtomicInteger(-1);
        try (TestThreads threads = new TestThreads(); HttpClient http = HttpClient.newHttpClient()) {
            Thread serving = threads.start(() -> exit.set(run("serve", "--port", "0", "--store-dir", directory.toString())));
            URI health = URI.create(awaitListening() + "health");

            HttpResponse<String> response = http.send(HttpRequest.newBuilder(health).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).contains("\"status\":\"ok\"");

            serving.interrupt();
            TestThreads.awaitTermination(serving);
        }
        assertThat(exit.get()).as(err.toString()).isZero();
        assertThat(out.toString()).contains("store: directory " + directory.toAbsolutePath().normalize(),
                "windjammer serve: stopped");
    }

    private String awaitListening() {
        Pattern listening = Pattern.compile("listening on (http://127\\.0\\.0\\.1:\\d+/)");
        long deadline = System.nanoTime() + Delays.LONG.toNanos();
        while (true) {
            Matcher matcher = listening.matcher(out.toString());
            if (matcher.find()) {
                return matcher.group(1);
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("serve did not start: " + out + err);
            }
            Delays.sleep(Delays.SHORT);
        }
    }
}
