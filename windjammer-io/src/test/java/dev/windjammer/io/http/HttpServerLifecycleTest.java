package dev.windjammer.io.http;

import dev.windjammer.UncheckedInterruptedException;
import dev.windjammer.testkit.Delays;
import dev.windjammer.testkit.TestThreads;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.InputStream;
import java.io.ObjectInputFilter;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HttpServerLifecycleTest {

    private static final int SLOW_CLIENTS = 200;
    private static final int CHILD_FILE_DESCRIPTORS = 320;

    @Test
    void closeLetsARequestInFlightFinishAndRefusesNewConnections() throws Exception {
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        HttpServer server = Http.server("127.0.0.1:0")
                .get("/slow", req -> {
                    entered.countDown();
                    release.await();
                    return Http.text("finished");
                })
                .start();
        int port = server.port();
        AtomicReference<String> answer = new AtomicReference<>();
        try (TestThreads threads = new TestThreads(); HttpClient client = HttpClient.builder().build()) {
            threads.startVirtual(() -> answer.set(client.get(server.url("/slow")).text()));
            entered.await();
            threads.startVirtual(server::close);
            awaitConnectionRefused(port);
            release.countDown();
        }
        assertThat(answer.get()).isEqualTo("finished");
    }

    private static void awaitConnectionRefused(int port) throws IOException {
        long deadline = System.nanoTime() + Delays.LONG.toNanos();
        while (System.nanoTime() < deadline) {
            try (Socket ignored = RawHttp.connect(port)) {
                Delays.sleep(Delays.SHORT);
            } catch (ConnectException refused) {
                return;
            }
        }
        throw new AssertionError("the server kept accepting connections while closing");
    }

    @Test
    void handlerStillRunningAfterTheGracePeriodIsInterruptedAndAnswers503() throws InterruptedException {
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch interrupted = new CountDownLatch(1);
        HttpServer server = Http.server("127.0.0.1:0")
                .shutdownGracePeriod(Duration.ZERO)
                .get("/stuck", req -> {
                    entered.countDown();
                    try {
                        new CountDownLatch(1).await();
                    } catch (InterruptedException e) {
                        interrupted.countDown();
                        throw e;
                    }
                    return Http.text("never");
                })
                .start();
        AtomicReference<Response> answer = new AtomicReference<>();
        AtomicReference<Exception> closedWithoutAnswer = new AtomicReference<>();
        try (TestThreads threads = new TestThreads(); HttpClient client = HttpClient.builder().build()) {
            threads.startVirtual(() -> {
                try {
                    answer.set(client.get(server.url("/stuck")));
                } catch (UncheckedIOException e) {
                    closedWithoutAnswer.set(e); // Helidon closed the connection first (see close())
                }
            });
            awaitQuietly(entered);
            server.close();
        }
        assertThat(interrupted.await(Delays.LONG.toMillis(), TimeUnit.MILLISECONDS))
                .as("the handler was interrupted").isTrue();
        if (closedWithoutAnswer.get() == null) {
            assertThat(answer.get().status()).isEqualTo(503);
            assertThat(answer.get().text()).contains("the server is shutting down");
        } else {
            assertThat(answer.get()).isNull();
        }
    }

    @Test
    void idleKeepAliveConnectionIsClosedAfterTheIdleTimeout() throws IOException {
        try (HttpServer server = Http.server("127.0.0.1:0").idleTimeout(Duration.ofSeconds(1))
                .get("/hello", req -> Http.text("hello")).start();
             Socket idle = RawHttp.connect(server.port())) {
            idle.getOutputStream().write("GET /hello HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
            assertThat(RawHttp.readResponse(idle.getInputStream())).startsWith("HTTP/1.1 200").endsWith("hello");
            assertThat(idle.getInputStream().read()).isEqualTo(-1);
        }
    }

    @Test
    void clientStuckInTheRequestLineIsClosedAfterTheIdleTimeout() throws IOException {
        try (HttpServer server = Http.server("127.0.0.1:0").idleTimeout(Duration.ofSeconds(1))
                .get("/hello", req -> Http.text("hello")).start();
             Socket slow = RawHttp.connect(server.port())) {
            slow.getOutputStream().write("GET /hel".getBytes(StandardCharsets.ISO_8859_1));
            assertThat(slow.getInputStream().read()).isEqualTo(-1);
        }
    }

    @Test
    void slowClientsDoNotStopTheServerFromServingOthers() throws IOException {
        try (HttpServer server = Http.server("127.0.0.1:0").get("/hello", req -> Http.text("hello")).start();
             HttpClient client = HttpClient.builder().build()) {
            List<Socket> slowClients = new ArrayList<>();
            try {
                for (int i = 0; i < SLOW_CLIENTS; i++) {
                    slowClients.add(RawHttp.connect(server.port()));
                }
                for (int i = 0; i < SLOW_CLIENTS; i++) {
                    Socket slow = RawHttp.connect(server.port());
                    slowClients.add(slow);
                    slow.getOutputStream().write("GET /hello HTTP/1.1\r\nHost: x\r\nX-Slow: ".getBytes(StandardCharsets.ISO_8859_1));
                }
                for (Socket slow : slowClients) {
                    slow.getOutputStream().write('z');
                }
                for (int i = 0; i < 20; i++) {
                    assertThat(client.get(server.url("/hello")).text()).isEqualTo("hello");
                }
                Socket first = slowClients.get(SLOW_CLIENTS);
                OutputStream out = first.getOutputStream();
                out.write("\r\nConnection: close\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
                InputStream in = first.getInputStream();
                assertThat(RawHttp.readToEnd(in)).startsWith("HTTP/1.1 200").endsWith("hello");
            } finally {
                for (Socket slow : slowClients) {
                    slow.close();
                }
            }
        }
    }

    @Test
    @EnabledOnOs(OS.LINUX)
    void runningOutOfFileDescriptorsDoesNotStopTheServer() throws IOException, InterruptedException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process child = new ProcessBuilder("bash", "-c", "ulimit -n " + CHILD_FILE_DESCRIPTORS
                + " && exec \"$0\" -cp \"$1\" " + FileDescriptorLimitServer.class.getName(),
                java.toString(), System.getProperty("java.class.path"))
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try {
            BufferedReader output = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
            String line = output.readLine();
            assertThat(line).as("the child server's first line").startsWith("port=");
            int port = Integer.parseInt(line.substring(5));
            List<Socket> flood = new ArrayList<>();
            try {
                for (int i = 0; i < 2 * CHILD_FILE_DESCRIPTORS; i++) {
                    flood.add(RawHttp.connect(port));
                }
            } finally {
                for (Socket socket : flood) {
                    socket.close();
                }
            }
            try (HttpClient client = HttpClient.builder().requestTimeout(Delays.LONG).build()) {
                assertThat(client.get("http://127.0.0.1:" + port + "/hello").text()).isEqualTo("hello");
            }
        } finally {
            child.getOutputStream().close();
            if (!child.waitFor(Delays.LONG.toMillis(), TimeUnit.MILLISECONDS)) {
                child.destroyForcibly().waitFor();
            }
        }
    }

    @Test
    void runBlocksUntilClosed() {
        HttpServer server = Http.server("127.0.0.1:0").get("/hello", req -> Http.text("hello"));
        AtomicReference<String> answer = new AtomicReference<>();
        try (TestThreads threads = new TestThreads()) {
            Thread runner = threads.startVirtual(server::run);
            awaitRunning(server);
            answer.set(Http.get(server.url("/hello")).text());
            assertThat(runner.isAlive()).isTrue();
            server.close();
        }
        assertThat(answer.get()).isEqualTo("hello");
    }

    @Test
    void interruptingRunClosesTheServer() {
        HttpServer server = Http.server("127.0.0.1:0").get("/hello", req -> Http.text("hello"));
        AtomicReference<Throwable> failure = new AtomicReference<>();
        try (TestThreads threads = new TestThreads()) {
            Thread runner = threads.startVirtual(() -> {
                try {
                    server.run();
                } catch (UncheckedInterruptedException e) {
                    failure.set(e);
                    assertThat(Thread.currentThread().isInterrupted()).isTrue();
                }
            });
            awaitRunning(server);
            runner.interrupt();
        }
        assertThat(failure.get()).isInstanceOf(UncheckedInterruptedException.class);
        assertThatThrownBy(server::port).isInstanceOf(IllegalStateException.class);
    }

    private static void awaitRunning(HttpServer server) {
        long deadline = System.nanoTime() + Delays.LONG.toNanos();
        while (true) {
            try {
                server.port();
                return;
            } catch (IllegalStateException notYet) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("server did not start", notYet);
                }
                Delays.sleep(Delays.SHORT);
            }
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    @Test
    void startingLeavesTheJvmDeserializationFilterAlone() {
        ObjectInputFilter before = ObjectInputFilter.Config.getSerialFilter();
        try (HttpServer ignored = Http.server("127.0.0.1:0").start()) {
            assertThat(ObjectInputFilter.Config.getSerialFilter()).isSameAs(before);
        }
    }

    @Test
    void startingTwiceIsRefused() {
        try (HttpServer server = Http.server("127.0.0.1:0").start()) {
            assertThatThrownBy(server::start).isInstanceOf(IllegalStateException.class);
        }
    }

    @Test
    void closeIsIdempotentAndAClosedServerHasNoPort() {
        HttpServer server = Http.server("127.0.0.1:0").start();
        server.close();
        server.close();
        assertThatThrownBy(server::port).isInstanceOf(IllegalStateException.class).hasMessageContaining("CLOSED");
    }

    @Test
    void portBeforeStartIsRefused() {
        assertThatThrownBy(() -> Http.server("127.0.0.1:0").port()).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void urlAddressesAWildcardServerThroughLoopback() {
        try (HttpServer server = Http.server("0.0.0.0:0").get("/hello", req -> Http.text("hi")).start()) {
            assertThat(server.url("/hello")).isEqualTo("http://127.0.0.1:" + server.port() + "/hello");
            assertThat(Http.get(server.url("/hello")).text()).isEqualTo("hi");
        }
    }

    @Test
    void malformedAddressesAreRejected() {
        for (String bad : List.of("8080", "localhost:", ":8080", "host:99999", "host:http", "::1:8080")) {
            assertThatThrownBy(() -> Http.server(bad)).as(bad).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining(bad);
        }
        assertThatThrownBy(() -> Http.server(null)).isInstanceOf(NullPointerException.class).hasMessage("address");
    }

    @Test
    void limitsAreValidated() {
        HttpServer server = Http.server("127.0.0.1:0");
        assertThatThrownBy(() -> server.maxRequestBytes(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> server.maxHeaderBytes(10)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> server.idleTimeout(Duration.ofMillis(10))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> server.shutdownGracePeriod(Duration.ofSeconds(-1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> server.maxConnections(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
