package dev.windjammer.examples.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.windjammer.examples.image.fetch.AddressRange;
import dev.windjammer.examples.image.fetch.Downloader;
import dev.windjammer.examples.image.fetch.UrlPolicy;
import dev.windjammer.examples.image.job.JobStore;
import dev.windjammer.examples.image.store.ObjectStore;
import dev.windjammer.examples.image.store.S3Settings;
import dev.windjammer.io.http.HttpServer;
import dev.windjammer.testkit.Delays;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * End to end over HTTP on 127.0.0.1: {@code POST /process}, {@code GET /jobs/{id}} and
 * {@code GET /health} of {@link ImageService#serve}, a real local origin serving generated
 * images and a real S3Proxy as the object store.
 */
class ImageServiceHttpTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int MAX_BYTES = 1 << 20;

    private static S3ProxyServer s3;
    private static TestOrigin origin;

    private ObjectStore store;
    private ImageService service;
    private HttpServer server;
    private HttpClient http;

    @BeforeAll
    static void startOriginAndS3() throws IOException {
        s3 = S3ProxyServer.start();
        origin = TestOrigin.http()
                .serve("/photo.jpg", TestImages.picture(1600, 1200, "jpeg"), "image/jpeg")
                .serve("/drawing.png", TestImages.picture(1024, 768, "png"), "image/png")
                .serve("/portrait.gif", TestImages.picture(300, 500, "gif"), "image/gif")
                .serve("/page.html", "<!DOCTYPE html><html>not an image</html>".getBytes(StandardCharsets.UTF_8), "text/html")
                .serve("/bomb.png", TestImages.pngBomb(20_000), "image/png")
                .serve("/huge.png", new byte[MAX_BYTES + 1], "image/png")
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
        service = ImageService.builder().store(store).downloader(loopbackDownloader()).maxUrls(10)
                .maxRequestBytes(4096).build();
        server = service.serve("127.0.0.1:0");
        http = HttpClient.newHttpClient();
    }

    @AfterEach
    void stopService() {
        if (http != null) {
            http.close();
        }
        if (service != null) {
            service.close();
        }
        if (store != null) {
            store.close();
        }
    }

    @Test
    void processAnswers202AtOnceAndTheJobEndsWithSepiaJpegsOf800x600InS3() throws Exception {
        List<String> paths = List.of("/photo.jpg", "/drawing.png", "/portrait.gif");

        HttpResponse<String> accepted = post(urlList(paths));

        assertThat(accepted.statusCode()).isEqualTo(202);
        JsonNode body = JSON.readTree(accepted.body());
        assertThat(body.get("status").asText()).isEqualTo("processing");
        String id = body.get("id").asText();
        assertThat(accepted.headers().firstValue("Location")).hasValue("/jobs/" + id);
        JsonNode job = awaitDone(id);
        assertThat(job.get("stored").asInt()).isEqualTo(3);
        for (int i = 0; i < paths.size(); i++) {
            JsonNode image = job.get("images").get(i);
            assertThat(image.get("status").asText()).isEqualTo("stored");
            assertThat(image.get("location").asText()).isEqualTo("s3://processed/jobs/" + id + "/" + i + ".jpg");
            byte[] jpeg = store.get(image.get("key").asText()).orElseThrow();
            assertThat(image.get("bytes").asLong()).isEqualTo(jpeg.length);
            TestImages.assertValidJpeg(jpeg, 800, 600);
            double[] mean = TestImages.meanRgb(TestImages.decode(jpeg));
            assertThat(mean[0]).isGreaterThan(mean[1]);
            assertThat(mean[1]).isGreaterThan(mean[2]);
        }
    }

    @Test
    void everyBadImageIsItsOwnFailureInTheJobReport() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        String body = "[\"" + origin.url("/page.html") + "\", \"" + origin.url("/bomb.png") + "\", \""
                + origin.url("/huge.png") + "\", \"" + origin.url("/metadata") + "\", \"http://127.0.0.1:" + closedPort
                + "/x.png\", \"http://no-such-host.invalid/x.png\", \"" + origin.url("/photo.jpg") + "\"]";

        JsonNode job = awaitDone(JSON.readTree(post(body).body()).get("id").asText());

        assertThat(job.get("images")).extracting(image -> image.path("error").asText()).containsExactly(
                "not_an_image", "too_many_pixels", "too_large", "refused", "unreachable", "unknown_host", "");
        assertThat(job.get("images").get(6).get("status").asText()).isEqualTo("stored");
        assertThat(job.get("images").get(3).get("message").asText()).contains("169.254.169.254", "link-local");
    }

    @Test
    void loopbackTargetsAreRefusedByTheDefaultPolicy() throws Exception {
        try (ImageService strict = ImageService.builder().store(store).build()) {
            HttpServer strictServer = strict.serve("127.0.0.1:0");
            String id = JSON.readTree(send(post(strictServer, urlList(List.of("/photo.jpg")), "application/json")).body())
                    .get("id").asText();

            JsonNode image = awaitDone(strictServer, id).get("images").get(0);

            assertThat(image.get("error").asText()).isEqualTo("refused");
            assertThat(image.get("message").asText()).contains("loopback");
        }
    }

    @Test
    void aMalformedBodyIs400NamingTheProblem() throws Exception {
        assertBadRequest("not json", "not valid JSON");
        assertBadRequest("{\"urls\": []}", "expected a JSON array");
        assertBadRequest("[]", "empty");
        assertBadRequest("[" + "\"http://a.example/x.png\",".repeat(10) + "\"http://a.example/y.png\"]", "too many image URLs");
        assertBadRequest("[\"ftp://a.example/x.png\"]", "scheme \"ftp\"");
        assertBadRequest("[42]", "url[0] is a number");
    }

    @Test
    void aBodyOverTheLimitIs413() throws Exception {
        HttpResponse<String> response = post("[\"http://a.example/" + "x".repeat(5000) + ".png\"]");

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(JSON.readTree(response.body()).get("error").asText()).contains("limit");
    }

    @Test
    void aNonJsonContentTypeIs415() throws Exception {
        HttpResponse<String> response = send(post(server, urlList(List.of("/photo.jpg")), "text/plain"));

        assertThat(response.statusCode()).isEqualTo(415);
        assertThat(JSON.readTree(response.body()).get("error").asText()).contains("Content-Type: text/plain");
    }

    @Test
    void anUnknownJobIs404() throws Exception {
        HttpResponse<String> response = get(server, "/jobs/no-such-job");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(JSON.readTree(response.body()).get("error").asText()).contains("no job \"no-such-job\"");
    }

    @Test
    void aFullServiceIs503WithRetryAfter() throws Exception {
        try (ScriptedServer silent = ScriptedServer.silent();
             ImageService tiny = ImageService.builder().store(store).downloader(loopbackDownloader())
                     .jobs(JobStore.builder().capacity(1).build()).build()) {
            HttpServer tinyServer = tiny.serve("127.0.0.1:0");
            String slow = "[\"" + silent.url("/slow.png") + "\"]";
            assertThat(send(post(tinyServer, slow, "application/json")).statusCode()).isEqualTo(202);

            HttpResponse<String> busy = send(post(tinyServer, slow, "application/json"));

            assertThat(busy.statusCode()).isEqualTo(503);
            assertThat(busy.headers().firstValue("Retry-After")).isPresent();
            assertThat(JSON.readTree(busy.body()).get("error").asText()).contains("busy");
        }
    }

    @Test
    void theJobReportAndHealthShowTheTimeSpentInEachLayer() throws Exception {
        String id = JSON.readTree(post(urlList(List.of("/photo.jpg", "/drawing.png"))).body()).get("id").asText();
        JsonNode layers = awaitDone(id).get("layers");

        assertThat(layers.get("asyncDownloadMillis").asDouble()).isPositive();
        assertThat(layers.get("computeMillis").asDouble()).isPositive();
        assertThat(layers.get("threadUploadMillis").asDouble()).isPositive();
        HttpResponse<String> health = get(server, "/health");
        assertThat(health.statusCode()).isEqualTo(200);
        JsonNode counters = JSON.readTree(health.body()).get("counters");
        assertThat(counters.get("imagesStored").asLong()).isEqualTo(2);
        // the job's figure is rounded to a tenth, the total truncated to a millisecond
        assertThat(counters.get("computeMillis").asLong()).isGreaterThanOrEqualTo(layers.get("computeMillis").asLong() - 1);
    }

    @Test
    void serveTwiceIsRefused() {
        assertThatIllegalStateException()
                .isThrownBy(() -> service.serve("127.0.0.1:0")).withMessageContaining("already serves");
    }

    private static Downloader loopbackDownloader() {
        return Downloader.builder().policy(UrlPolicy.builder().allow(AddressRange.LOOPBACK).build())
                .maxBytes(MAX_BYTES).timeout(Delays.LONG).build();
    }

    private void assertBadRequest(String body, String message) throws Exception {
        HttpResponse<String> response = post(body);
        assertThat(response.statusCode()).as(body).isEqualTo(400);
        assertThat(JSON.readTree(response.body()).get("error").asText()).as(body).contains(message);
    }

    private static String urlList(List<String> paths) {
        return paths.stream().map(path -> "\"" + origin.url(path) + "\"").collect(Collectors.joining(",", "[", "]"));
    }

    private HttpResponse<String> post(String body) throws Exception {
        return send(post(server, body, "application/json"));
    }

    private static HttpRequest post(HttpServer on, String body, String contentType) {
        return HttpRequest.newBuilder(URI.create(on.url("/process"))).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    private HttpResponse<String> get(HttpServer on, String path) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(on.url(path))).GET().build());
    }

    private HttpResponse<String> send(HttpRequest request) throws Exception {
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode awaitDone(String id) throws Exception {
        return awaitDone(server, id);
    }

    private JsonNode awaitDone(HttpServer on, String id) throws Exception {
        long deadline = System.nanoTime() + 3 * Delays.LONG.toNanos();
        while (true) {
            HttpResponse<String> response = get(on, "/jobs/" + id);
            assertThat(response.statusCode()).isEqualTo(200);
            JsonNode job = JSON.readTree(response.body());
            if (job.get("status").asText().equals("done")) {
                return job;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("job " + id + " not done: " + job);
            }
            Delays.sleep(Delays.SHORT);
        }
    }
}
