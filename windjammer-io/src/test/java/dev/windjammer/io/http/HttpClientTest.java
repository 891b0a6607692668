package dev.windjammer.io.http;

import dev.windjammer.TimedOutException;
import dev.windjammer.UncheckedInterruptedException;
import dev.windjammer.async.Async;
import dev.windjammer.testkit.Delays;
import dev.windjammer.testkit.TestThreads;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HttpClientTest {

    record Greeting(String name, int times) {
    }

    private static final int BIG_BODY = 100_000;

    private static HttpServer server;
    private static HttpClient client;
    private static final CountDownLatch releaseSlow = new CountDownLatch(1);

    @BeforeAll
    static void start() {
        server = Http.server("127.0.0.1:0")
                .get("/hello", req -> Http.text("hello"))
                .post("/greet", req -> {
                    Greeting greeting = req.json(Greeting.class);
                    return Http.json(Map.of("text", ("hi " + greeting.name() + " ").repeat(greeting.times()).strip()));
                })
                .put("/echo", req -> Response.of(200, req.header("Content-Type").orElse("none"), req.body())
                        .withHeader("X-Echo", req.header("X-Trace").orElse("none")))
                .get("/big", req -> Http.text("x".repeat(BIG_BODY)))
                .get("/slow", req -> {
                    releaseSlow.await();
                    return Http.text("slow");
                })
                .get("/missing", req -> {
                    throw HttpException.notFound("no such thing");
                })
                .get("/redirect", req -> Response.status(302).withHeader("Location", "/hello"))
                .start();
        client = HttpClient.builder().build();
    }

    @AfterAll
    static void stop() {
        releaseSlow.countDown();
        client.close();
        server.close();
    }

    @Test
    void getReturnsStatusHeadersAndBody() {
        Response response = client.get(server.url("/hello"));
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.isSuccess()).isTrue();
        assertThat(response.text()).isEqualTo("hello");
        assertThat(response.header("CONTENT-TYPE")).hasValue("text/plain; charset=UTF-8");
        assertThat(response.headers()).containsKey("content-length");
    }

    @Test
    void postSendsJsonAndReadsJson() {
        Response response = client.post(server.url("/greet"), new Greeting("ada", 2));
        assertThat(response.json(Map.class)).isEqualTo(Map.of("text", "hi ada hi ada"));
    }

    @Test
    void requestSendsMethodHeadersAndBody() {
        Response response = client.request("PUT", server.url("/echo"))
                .header("X-Trace", "t-1")
                .body("application/octet-stream", new byte[] {1, 2, 3})
                .send();
        assertThat(response.body()).containsExactly(1, 2, 3);
        assertThat(response.contentType()).hasValue("application/octet-stream");
        assertThat(response.header("x-echo")).hasValue("t-1");
    }

    @Test
    void textBodyIsUtf8() {
        Response response = client.request("PUT", server.url("/echo")).text("grüße").send();
        assertThat(response.text()).isEqualTo("grüße");
    }

    @Test
    void errorStatusIsReturnedAndExpectSuccessThrowsNamingTheRequest() {
        Response response = client.get(server.url("/missing"));
        assertThat(response.status()).isEqualTo(404);
        assertThatThrownBy(response::expectSuccess)
                .isInstanceOf(UnexpectedStatusException.class)
                .hasMessageContaining("GET " + server.url("/missing") + " answered 404")
                .hasMessageContaining("no such thing")
                .extracting(e -> ((UnexpectedStatusException) e).status()).isEqualTo(404);
    }

    @Test
    void timeoutAbortsTheExchange() {
        assertThatThrownBy(() -> client.request("GET", server.url("/slow")).timeout(Delays.MEDIUM).send())
                .isInstanceOf(TimedOutException.class)
                .hasMessageContaining("GET " + server.url("/slow"))
                .extracting(e -> ((TimedOutException) e).timeout()).isEqualTo(Delays.MEDIUM);
    }

    @Test
    void asyncTimeoutAroundACallAbortsIt() {
        assertThatThrownBy(() -> Async.timeout(Delays.MEDIUM, () -> client.get(server.url("/slow"))))
                .isInstanceOf(TimedOutException.class)
                .hasCauseInstanceOf(UncheckedInterruptedException.class);
        assertThat(Thread.currentThread().isInterrupted()).isFalse();
        assertThat(client.get(server.url("/hello")).text()).isEqualTo("hello");
    }

    @Test
    void clientTimeoutAppliesToEveryRequest() {
        try (HttpClient impatient = HttpClient.builder().requestTimeout(Delays.MEDIUM).build()) {
            assertThatThrownBy(() -> impatient.get(server.url("/slow"))).isInstanceOf(TimedOutException.class);
        }
    }

    @Test
    void announcedBodyOverTheLimitIsRefused() {
        assertThatThrownBy(() -> client.request("GET", server.url("/big")).maxResponseBytes(BIG_BODY - 1).send())
                .isInstanceOf(ResponseTooLargeException.class)
                .hasMessageContaining("exceeds the limit of " + (BIG_BODY - 1) + " bytes")
                .extracting(e -> ((ResponseTooLargeException) e).limit()).isEqualTo((long) BIG_BODY - 1);
        assertThat(client.request("GET", server.url("/big")).maxResponseBytes(BIG_BODY).send().bodyLength())
                .isEqualTo(BIG_BODY);
    }

    @Test
    void endlessBodyIsCutOffWhileItArrives() throws IOException {
        AtomicLong written = new AtomicLong();
        try (ServerSocket endless = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
             TestThreads threads = new TestThreads();
             HttpClient limited = HttpClient.builder().maxResponseBytes(64 * 1024).build()) {
            threads.start(() -> streamForever(endless, written));
            String url = "http://127.0.0.1:" + endless.getLocalPort() + "/endless";
            assertThatThrownBy(() -> limited.get(url))
                    .isInstanceOf(ResponseTooLargeException.class)
                    .hasMessageContaining("GET " + url);
        }
        assertThat(written.get()).isGreaterThan(64 * 1024);
    }

    /** A server whose response never ends: chunk after chunk until the client hangs up. */
    private static void streamForever(ServerSocket server, AtomicLong written) throws IOException {
        try (Socket socket = server.accept()) {
            socket.getInputStream().read(new byte[4096]);
            OutputStream out = socket.getOutputStream();
            out.write("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
            byte[] chunk = ("2000\r\n" + "y".repeat(0x2000) + "\r\n").getBytes(StandardCharsets.ISO_8859_1);
            while (true) {
                out.write(chunk);
                written.addAndGet(0x2000);
            }
        } catch (IOException hungUp) {
            // the client closed the connection: what this test wants
        }
    }

    @Test
    void refusedConnectionThrowsUncheckedIoNamingTheRequest() throws IOException {
        int port;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }
        String url = "http://127.0.0.1:" + port + "/";
        assertThatThrownBy(() -> client.get(url))
                .isInstanceOf(UncheckedIOException.class)
                .hasMessageStartingWith("GET " + url + " failed: ");
    }

    @Test
    void interruptedCallAbortsAndKeepsTheInterruptStatus() throws InterruptedException {
        AtomicReference<Throwable> failure = new AtomicReference<>();
        AtomicReference<Boolean> stillInterrupted = new AtomicReference<>();
        try (TestThreads threads = new TestThreads()) {
            Thread caller = threads.startVirtual(() -> {
                try {
                    client.get(server.url("/slow"));
                } catch (UncheckedInterruptedException e) {
                    failure.set(e);
                    stillInterrupted.set(Thread.currentThread().isInterrupted());
                }
            });
            Thread.sleep(Delays.MEDIUM);
            caller.interrupt();
        }
        assertThat(failure.get()).isInstanceOf(UncheckedInterruptedException.class)
                .hasMessageContaining("GET " + server.url("/slow"));
        assertThat(stillInterrupted.get()).isTrue();
    }

    @Test
    void redirectsAreFollowedByDefault() {
        assertThat(client.get(server.url("/redirect")).text()).isEqualTo("hello");
        try (HttpClient literal = HttpClient.builder().followRedirects(false).build()) {
            Response response = literal.get(server.url("/redirect"));
            assertThat(response.status()).isEqualTo(302);
            assertThat(response.header("location")).hasValue("/hello");
        }
    }

    @Test
    void sharedClientServesTheStaticCalls() {
        assertThat(Http.get(server.url("/hello")).text()).isEqualTo("hello");
        assertThat(Http.post(server.url("/greet"), new Greeting("bo", 1)).json(Map.class)).isEqualTo(Map.of("text", "hi bo"));
        assertThat(Http.client()).isSameAs(Http.client());
    }

    @Test
    void urlsMustBeAbsoluteHttp() {
        assertThatThrownBy(() -> client.get("ftp://example.com/x")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ftp://example.com/x");
        assertThatThrownBy(() -> client.get("/relative")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> client.get("http://bad host/")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("malformed URL");
        assertThatThrownBy(() -> client.get(null)).isInstanceOf(NullPointerException.class).hasMessage("url");
    }

    @Test
    void restrictedHeaderIsRejected() {
        assertThatThrownBy(() -> client.request("GET", server.url("/hello")).header("Host", "elsewhere").send())
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void closedClientRefusesCalls() {
        HttpClient closed = HttpClient.builder().build();
        closed.close();
        assertThatThrownBy(() -> closed.get(server.url("/hello"))).isInstanceOf(UncheckedIOException.class);
    }

    @Test
    void builderValidatesItsSettings() {
        assertThatThrownBy(() -> HttpClient.builder().requestTimeout(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> HttpClient.builder().connectTimeout(Duration.ofSeconds(-1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> HttpClient.builder().maxResponseBytes(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> HttpClient.builder().maxResponseBytes(Integer.MAX_VALUE)).isInstanceOf(IllegalArgumentException.class);
    }
}
