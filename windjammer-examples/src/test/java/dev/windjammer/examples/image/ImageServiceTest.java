package dev.windjammer.examples.image;

import static org.assertj.core.api.Assertions.assertThat;

import dev.windjammer.examples.image.fetch.AddressRange;
import dev.windjammer.examples.image.fetch.Downloader;
import dev.windjammer.examples.image.fetch.UrlPolicy;
import dev.windjammer.examples.image.job.JobStore;
import dev.windjammer.examples.image.store.ObjectStore;
import dev.windjammer.examples.image.store.S3Settings;
import dev.windjammer.testkit.Delays;
import java.awt.Color;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * End to end through the service's API: a real local origin serving generated images, a real
 * S3Proxy as the object store.
 */
class ImageServiceTest {

    private static final int MAX_BYTES = 1 << 20;

    private static S3ProxyServer s3;
    private static TestOrigin origin;

    private ObjectStore store;
    private ImageService service;

    @BeforeAll
    static void startOriginAndS3() throws IOException {
        s3 = S3ProxyServer.start();
        byte[] big = new byte[MAX_BYTES + 1];
        origin = TestOrigin.http()
                .serve("/photo.jpg", TestImages.picture(1600, 1200, "jpeg"), "image/jpeg")
                .serve("/drawing.png", TestImages.picture(1024, 768, "png"), "image/png")
                .serve("/portrait.gif", TestImages.picture(300, 500, "gif"), "image/gif")
                .serve("/grey.bmp", TestImages.solid(640, 480, new Color(100, 100, 100), "bmp"), "image/bmp")
                .serve("/page.html", "<!DOCTYPE html><html>not an image</html>".getBytes(StandardCharsets.UTF_8), "text/html")
                .serve("/bomb.png", TestImages.pngBomb(20_000), "image/png")
                .serve("/huge.png", big, "image/png")
                .redirect("/metadata", 302, "http://169.254.169.254/latest/meta-data/");
    }

    @AfterAll
    static void stopOriginAndS3() {
        if (origin != null) {
            origin.close();
        }
        if (s3 != null) {
            s3.close();
        }
    }

    @BeforeEach
    void startService() {
        store = ObjectStore.s3(S3Settings.compatible(s3.endpoint(), "us-east-1", "processed",
                new S3Settings.Credentials(S3ProxyServer.IDENTITY, S3ProxyServer.CREDENTIAL)));
        service = ImageService.builder().store(store).downloader(loopbackDownloader()).maxUrls(10).build();
    }

    @AfterEach
    void stopService() {
        if (service != null) {
            service.close();
        }
        if (store != null) {
            store.close();
        }
    }

    @Test
    void processesEveryImageToASepiaJpegOf800x600InS3() throws Exception {
        List<String> paths = List.of("/photo.jpg", "/drawing.png", "/portrait.gif", "/grey.bmp");

        String id = accepted(service.submit(urlList(paths)));
        JobReport job = awaitDone(service, id);

        assertThat(job.stored()).isEqualTo(4);
        for (int i = 0; i < paths.size(); i++) {
            JobReport.Image image = job.images().get(i);
            assertThat(image.status()).isEqualTo("stored");
            assertThat(image.key()).isEqualTo("jobs/" + id + "/" + i + ".jpg");
            assertThat(image.location()).isEqualTo("s3://processed/jobs/" + id + "/" + i + ".jpg");
            byte[] jpeg = store.get(image.key()).orElseThrow();
            assertThat(image.bytes()).isEqualTo(jpeg.length);
            TestImages.assertValidJpeg(jpeg, 800, 600);
            double[] mean = TestImages.meanRgb(TestImages.decode(jpeg));
            assertThat(mean[0]).isGreaterThan(mean[1]);
            assertThat(mean[1]).isGreaterThan(mean[2]);
        }
    }

    @Test
    void eachBadImageFailsAloneWithItsReason() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        String body = "[\"" + origin.url("/page.html") + "\", \"" + origin.url("/bomb.png") + "\", \""
                + origin.url("/huge.png") + "\", \"" + origin.url("/metadata") + "\", \"http://127.0.0.1:" + closedPort
                + "/x.png\", \"" + origin.url("/missing.png") + "\", \"" + origin.url("/photo.jpg") + "\"]";

        JobReport job = awaitDone(service, accepted(service.submit(body)));

        assertThat(job.images()).extracting(JobReport.Image::error).containsExactly(
                "not_an_image", "too_many_pixels", "too_large", "refused", "unreachable", "http_status", null);
        assertThat(job.images().get(6).status()).isEqualTo("stored");
        assertThat(job.images().get(3).message()).contains("169.254.169.254", "link-local");
        assertThat(job.failed()).isEqualTo(6);
    }

    @Test
    void loopbackIsRefusedUnlessConfigured() throws Exception {
        try (ImageService strict = ImageService.builder().store(store).build()) {
            JobReport job = awaitDone(strict, accepted(strict.submit(urlList(List.of("/photo.jpg")))));

            assertThat(job.images().get(0).error()).isEqualTo("refused");
            assertThat(job.images().get(0).message()).contains("loopback");
        }
    }

    @Test
    void invalidRequestsAreRefusedNamingTheProblem() {
        assertInvalid("not json", "not valid JSON");
        assertInvalid("{\"urls\": []}", "expected a JSON array");
        assertInvalid("[]", "empty");
        assertInvalid("[" + "\"http://a.example/x.png\",".repeat(10) + "\"http://a.example/y.png\"]", "too many image URLs");
        assertInvalid("[\"ftp://a.example/x.png\"]", "scheme \"ftp\"");
        assertInvalid("[42]", "url[0] is a number");
    }

    @Test
    void anUnknownJobHasNoReport() {
        assertThat(service.report("no-such-job")).isEmpty();
    }

    @Test
    void healthCountsJobsImagesAndTimePerLayer() throws Exception {
        awaitDone(service, accepted(service.submit(urlList(List.of("/photo.jpg", "/page.html")))));

        ImageService.Health health = service.health();

        assertThat(health.status()).isEqualTo("ok");
        assertThat(health.counters()).containsEntry("jobsAccepted", 1L).containsEntry("imagesStored", 1L)
                .containsEntry("imagesFailed", 1L).containsKeys("asyncDownloadMillis", "computeMillis", "threadUploadMillis");
    }

    @Test
    void aFullServiceSaysBusy() throws Exception {
        try (ScriptedServer silent = ScriptedServer.silent();
             ImageService tiny = ImageService.builder().store(store).downloader(loopbackDownloader())
                     .jobs(JobStore.builder().capacity(1).build()).build()) {
            String slow = "[\"" + silent.url("/slow.png") + "\"]";
            accepted(tiny.submit(slow));

            assertThat(tiny.submit(slow)).isInstanceOfSatisfying(ImageService.Submission.Busy.class,
                    busy -> assertThat(busy.message()).contains("busy"));
        }
    }

    @Test
    void closingCancelsRunningJobsAndRecordsTheirImagesAsCancelled() throws Exception {
        try (ScriptedServer silent = ScriptedServer.silent()) {
            ImageService closing = ImageService.builder().store(store).downloader(loopbackDownloader()).build();
            String id = accepted(closing.submit("[\"" + silent.url("/never.png") + "\"]"));
            silent.awaitConnection();

            closing.close();

            JobReport report = closing.report(id).orElseThrow();
            assertThat(report.status()).isEqualTo("done");
            assertThat(report.images().get(0).error()).isEqualTo("cancelled");
        }
    }

    @Test
    void closingRightAfterSubmitEndsEveryJobWhetherOrNotItStarted() throws Exception {
        try (ScriptedServer silent = ScriptedServer.silent()) {
            for (int round = 0; round < 20; round++) {
                ImageService closing = ImageService.builder().store(store).downloader(loopbackDownloader()).build();
                String id = accepted(closing.submit("[\"" + silent.url("/never.png") + "\"]"));

                closing.close();

                assertThat(closing.report(id).orElseThrow().images().get(0).error()).isEqualTo("cancelled");
            }
        }
    }

    @Test
    void storesIntoTheFilesystemStoreToo(@TempDir Path directory) throws Exception {
        try (ObjectStore files = ObjectStore.filesystem(directory);
             ImageService local = ImageService.builder().store(files).downloader(loopbackDownloader()).build()) {
            JobReport.Image image = awaitDone(local, accepted(local.submit(urlList(List.of("/drawing.png")))))
                    .images().get(0);

            Path file = Path.of(URI.create(image.location()));
            assertThat(file).startsWith(directory).isRegularFile();
            TestImages.assertValidJpeg(Files.readAllBytes(file), 800, 600);
        }
    }

    @Test
    void aStoreFailureFailsTheImageWithItsReason(@TempDir Path directory) throws Exception {
        Files.writeString(directory.resolve("jobs"), "a file where the store wants a directory");
        try (ObjectStore broken = ObjectStore.filesystem(directory);
             ImageService failing = ImageService.builder().store(broken).downloader(loopbackDownloader()).build()) {
            JobReport.Image image = awaitDone(failing, accepted(failing.submit(urlList(List.of("/photo.jpg")))))
                    .images().get(0);

            assertThat(image.error()).isEqualTo("store_failed");
            assertThat(image.message()).contains("cannot store");
        }
    }

    private static Downloader loopbackDownloader() {
        return Downloader.builder().policy(UrlPolicy.builder().allow(AddressRange.LOOPBACK).build())
                .maxBytes(MAX_BYTES).timeout(Delays.LONG).build();
    }

    private void assertInvalid(String body, String message) {
        assertThat(service.submit(body)).as(body).isInstanceOfSatisfying(ImageService.Submission.Invalid.class,
                invalid -> assertThat(invalid.message()).contains(message));
    }

    private static String accepted(ImageService.Submission submission) {
        assertThat(submission).isInstanceOf(ImageService.Submission.Accepted.class);
        return ((ImageService.Submission.Accepted) submission).jobId();
    }

    private static String urlList(List<String> paths) {
        return paths.stream().map(path -> "\"" + origin.url(path) + "\"").collect(Collectors.joining(",", "[", "]"));
    }

    private static JobReport awaitDone(ImageService on, String id) {
        long deadline = System.nanoTime() + 3 * Delays.LONG.toNanos();
        while (true) {
            JobReport job = on.report(id).orElseThrow();
            if (job.status().equals("done")) {
                return job;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("job " + id + " not done: " + job);
            }
            Delays.sleep(Delays.SHORT);
        }
    }
}
