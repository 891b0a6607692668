package dev.windjammer.io.http;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.windjammer.testkit.Delays;
import dev.windjammer.testkit.TestThreads;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HttpServerTest {

    record Order(String item, int quantity) {
        Order {
            if (quantity <= 0) {
                throw new IllegalArgumentException("quantity must be positive, got " + quantity);
            }
        }
    }

    private static final int CONCURRENT_HANDLERS = 50;
    private static final CountDownLatch concurrentArrivals = new CountDownLatch(CONCURRENT_HANDLERS);

    private static HttpServer server;
    private static HttpClient client;

    @BeforeAll
    static void startServer() {
        server = Http.server("127.0.0.1:0")
                .maxRequestBytes(1024)
                .get("/hello", req -> Http.text("hello"))
                .get("/jobs/{id}", req -> Http.json(Map.of("id", req.pathParam("id"))))
                .get("/jobs/stats", req -> Http.json(Map.of("stats", true)))
                .delete("/jobs/{id}", req -> Response.status(204))
                .get("/pair/{a}/{b}", req -> Http.json(List.of(req.pathParam("a"), req.pathParam("b"))))
                .get("/users/{id}", req -> Http.json(Map.of("id", req.pathParamAsLong("id"))))
                .get("/search", req -> Http.json(Map.of("q", req.query("q").orElse("-"), "tags", req.queryAll("tag"))))
                .post("/orders", req -> Http.json(201, req.json(Order.class)))
                .post("/orders/batch", req -> Http.json(req.json(new TypeReference<List<Order>>() { }).size()))
                .post("/echo", req -> Http.text(req.text()))
                .get("/teapot", req -> {
                    throw new HttpException(418, "I am a teapot");
                })
                .get("/conflict", req -> {
                    throw HttpException.conflict("job 7 is already running");
                })
                .get("/bug", req -> {
                    throw new IllegalStateException("secret internal detail");
                })
                .get("/checked-bug", req -> {
                    throw new IOException("disk on fire");
                })
                .get("/null", req -> null)
                .get("/header", req -> Http.text(req.header("x-trace").orElse("none")).withHeader("X-Served-By", "windjammer"))
                .get("/concurrent", req -> {
                    concurrentArrivals.countDown();
                    if (!concurrentArrivals.await(Delays.LONG.toMillis(), TimeUnit.MILLISECONDS)) {
                        throw new IllegalStateException("the handlers did not all run at the same time");
                    }
                    return Http.text("together");
                })
                .start();
        client = HttpClient.builder().build();
    }

    @AfterAll
    static void stopServer() {
        client.close();
        server.close();
    }

    private static Response get(String path) {
        return client.get(server.url(path));
    }

    private static void assertJsonError(Response response, int status, String messagePart) {
        assertThat(response.status()).isEqualTo(status);
        assertThat(response.contentType()).hasValue("application/json");
        Map<String, Object> body = response.json(new TypeReference<>() { });
        assertThat(body).containsEntry("status", status);
        assertThat((String) body.get("error")).contains(messagePart);
    }

    @Test
    void servesARoute() {
        Response response = get("/hello");
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.text()).isEqualTo("hello");
        assertThat(response.contentType()).hasValue("text/plain; charset=UTF-8");
    }

    @Test
    void bindsPathParametersPercentDecoded() {
        assertThat(get("/jobs/42").json(Map.class)).isEqualTo(Map.of("id", "42"));
        assertThat(get("/pair/a%2Fb/caf%C3%A9").json(List.class)).containsExactly("a/b", "café");
    }

    @Test
    void literalSegmentBeatsParameter() {
        assertThat(get("/jobs/stats").json(Map.class)).isEqualTo(Map.of("stats", true));
    }

    @Test
    void parameterRouteTakesAMethodTheLiteralRouteLacks() {
        Response response = client.request("DELETE", server.url("/jobs/stats")).send();
        assertThat(response.status()).isEqualTo(204);
        assertThat(response.bodyLength()).isZero();
    }

    @Test
    void unknownPathIs404WithJson() {
        assertJsonError(get("/nowhere"), 404, "no route for GET /nowhere");
    }

    @Test
    void trailingSlashIsADifferentPath() {
        assertJsonError(get("/hello/"), 404, "/hello/");
    }

    @Test
    void wrongMethodIs405WithAllow() {
        Response response = client.post(server.url("/hello"), Map.of());
        assertJsonError(response, 405, "method POST is not allowed for /hello");
        assertThat(response.header("allow")).hasValue("GET, HEAD");
    }

    @Test
    void headIsServedByTheGetRouteWithoutABody() {
        String raw = RawHttp.exchange(server.port(), "HEAD /hello HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
        assertThat(RawHttp.status(raw)).isEqualTo(200);
        assertThat(raw).containsIgnoringCase("content-length: 5");
        assertThat(RawHttp.body(raw)).isEmpty();
    }

    @Test
    void queryParameters() {
        Map<String, Object> body = get("/search?q=sail%20boat&tag=a&tag=b").json(new TypeReference<>() { });
        assertThat(body).containsEntry("q", "sail boat").containsEntry("tags", List.of("a", "b"));
    }

    @Test
    void readsAndWritesJson() {
        Response response = client.post(server.url("/orders"), new Order("rope", 3));
        assertThat(response.status()).isEqualTo(201);
        assertThat(response.json(Order.class)).isEqualTo(new Order("rope", 3));
    }

    @Test
    void readsGenericJson() {
        Response response = client.post(server.url("/orders/batch"), List.of(new Order("a", 1), new Order("b", 2)));
        assertThat(response.json(Integer.class)).isEqualTo(2);
    }

    @Test
    void malformedJsonIs400NamingThePlace() {
        Response response = client.request("POST", server.url("/orders"))
                .body("application/json", "{\"item\": \"rope\", ".getBytes(StandardCharsets.UTF_8)).send();
        assertJsonError(response, 400, "malformed JSON");
        assertThat(get("/hello").status()).isEqualTo(200);
    }

    @Test
    void wrongShapeIs400NamingThePath() {
        Response response = client.request("POST", server.url("/orders"))
                .body("application/json", "{\"item\": \"rope\", \"quantity\": \"three\"}".getBytes(StandardCharsets.UTF_8))
                .send();
        assertJsonError(response, 400, "$.quantity");
    }

    @Test
    void missingPropertyIs400() {
        Response response = client.request("POST", server.url("/orders"))
                .body("application/json", "{\"item\": \"rope\"}".getBytes(StandardCharsets.UTF_8)).send();
        assertJsonError(response, 400, "missing required property");
    }

    @Test
    void unknownPropertyIs400() {
        Response response = client.request("POST", server.url("/orders"))
                .body("application/json", "{\"item\": \"rope\", \"quantity\": 1, \"colour\": \"red\"}"
                        .getBytes(StandardCharsets.UTF_8)).send();
        assertJsonError(response, 400, "unknown property \"colour\"");
    }

    @Test
    void recordValidationBecomes400WithItsMessage() {
        Response response = client.post(server.url("/orders"), Map.of("item", "rope", "quantity", 0));
        assertJsonError(response, 400, "quantity must be positive, got 0");
    }

    @Test
    void emptyJsonBodyIs400() {
        Response response = client.request("POST", server.url("/orders")).send();
        assertJsonError(response, 400, "request body is empty");
    }

    @Test
    void nonJsonContentTypeIs415() {
        Response response = client.request("POST", server.url("/orders")).text("item=rope").send();
        assertJsonError(response, 415, "expected a JSON body");
    }

    @Test
    void bodyOverTheLimitIs413AndTheServerKeepsServing() {
        Response response = client.request("POST", server.url("/echo")).text("x".repeat(2000)).send();
        assertJsonError(response, 413, "request body exceeds the limit of 1024 bytes");
        assertThat(get("/hello").status()).isEqualTo(200);
    }

    @Test
    void chunkedBodyOverTheLimitIs413() {
        String chunk = "x".repeat(600);
        String request = "POST /echo HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\nContent-Type: text/plain\r\n\r\n"
                + Integer.toHexString(chunk.length()) + "\r\n" + chunk + "\r\n"
                + Integer.toHexString(chunk.length()) + "\r\n" + chunk + "\r\n0\r\n\r\n";
        String raw = RawHttp.exchange(server.port(), request);
        assertThat(RawHttp.status(raw)).isEqualTo(413);
        assertThat(RawHttp.body(raw)).contains("\"status\":413");
    }

    @Test
    void bodyWithinTheLimitIsRead() {
        assertThat(client.request("POST", server.url("/echo")).text("é".repeat(500)).send().text()).isEqualTo("é".repeat(500));
    }

    @Test
    void handlerHttpExceptionSetsStatusAndMessage() {
        assertJsonError(get("/teapot"), 418, "I am a teapot");
        assertJsonError(get("/conflict"), 409, "job 7 is already running");
    }

    @Test
    void handlerFailureIs500WithAnIdAndNoDetails() {
        Response response = get("/bug");
        assertJsonError(response, 500, "internal server error");
        assertThat(response.text()).doesNotContain("secret", "IllegalStateException", "at dev.");
        assertThat(response.json(Map.class).get("id")).asString().hasSize(16);
    }

    @Test
    void checkedHandlerFailureIs500() {
        assertJsonError(get("/checked-bug"), 500, "internal server error");
    }

    @Test
    void handlerReturningNullIs500() {
        assertJsonError(get("/null"), 500, "internal server error");
    }

    @Test
    void nonNumericLongParameterIs400() {
        assertJsonError(get("/users/seven"), 400, "path parameter id must be an integer");
        assertThat(get("/users/7").json(Map.class)).isEqualTo(Map.of("id", 7));
    }

    @Test
    void headersInAndOut() {
        Response response = client.request("GET", server.url("/header")).header("X-Trace", "abc").send();
        assertThat(response.text()).isEqualTo("abc");
        assertThat(response.header("x-served-by")).hasValue("windjammer");
    }

    @Test
    void malformedHeaderIs400WithJson() {
        String raw = RawHttp.exchange(server.port(), "GET /hello HTTP/1.1\r\nHost: x\r\nno colon here\r\n\r\n");
        assertThat(RawHttp.status(raw)).isEqualTo(400);
        assertThat(RawHttp.body(raw)).contains("\"status\":400").doesNotContain("Exception");
        assertThat(get("/hello").status()).isEqualTo(200);
    }

    @Test
    void bytesThatAreNotHttpCloseTheConnectionAndTheServerKeepsServing() {
        assertThat(RawHttp.exchange(server.port(), "THIS IS NOT HTTP\r\n\r\n")).isEmpty();
        assertThat(get("/hello").status()).isEqualTo(200);
    }

    @Test
    void connectionCloseFromTheClientClosesTheConnection() throws IOException {
        try (Socket socket = RawHttp.connect(server.port())) {
            socket.getOutputStream().write("GET /hello HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"
                    .getBytes(StandardCharsets.ISO_8859_1));
            assertThat(RawHttp.readToEnd(socket.getInputStream())).startsWith("HTTP/1.1 200").endsWith("hello");
        }
    }

    @Test
    void malformedPercentEncodingIs400() {
        String raw = RawHttp.exchange(server.port(), "GET /jobs/%E0%A4 HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
        assertThat(RawHttp.status(raw)).isEqualTo(400);
        assertThat(RawHttp.body(raw)).contains("\"status\":400");
    }

    @Test
    void oversizedHeadersAre400WithJson() {
        String raw = RawHttp.exchange(server.port(),
                "GET /hello HTTP/1.1\r\nHost: x\r\nX-Big: " + "a".repeat(20_000) + "\r\n\r\n");
        assertThat(RawHttp.status(raw)).isEqualTo(400);
        assertThat(RawHttp.body(raw)).contains("\"status\":400");
        assertThat(get("/hello").status()).isEqualTo(200);
    }

    @Test
    void eachRequestRunsOnItsOwnVirtualThread() {
        List<AtomicReference<String>> answers = new ArrayList<>();
        try (TestThreads threads = new TestThreads()) {
            for (int i = 0; i < CONCURRENT_HANDLERS; i++) {
                AtomicReference<String> answer = new AtomicReference<>();
                answers.add(answer);
                threads.startVirtual(() -> answer.set(get("/concurrent").text()));
            }
        }
        assertThat(answers).allSatisfy(answer -> assertThat(answer.get()).isEqualTo("together"));
    }

    @Test
    void bindingAPortInUseFailsWithBindException() {
        try (HttpServer second = Http.server("127.0.0.1:" + server.port())) {
            assertThatThrownBy(second::start)
                    .isInstanceOf(UncheckedIOException.class)
                    .hasCauseInstanceOf(BindException.class)
                    .hasMessageContaining("127.0.0.1:" + server.port());
        }
    }

    @Test
    void routesAreFixedOnceStarted() {
        assertThatThrownBy(() -> server.get("/late", req -> Http.text("late")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("once the server has started");
    }

    @Test
    void keepAliveConnectionServesManyRequests() throws IOException {
        try (Socket socket = RawHttp.connect(server.port())) {
            socket.getOutputStream().write(("GET /hello HTTP/1.1\r\nHost: x\r\n\r\n"
                    + "GET /hello HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            String raw = RawHttp.readToEnd(socket.getInputStream());
            assertThat(raw.split("HTTP/1.1 200", -1)).hasSize(3);
        }
    }
}
