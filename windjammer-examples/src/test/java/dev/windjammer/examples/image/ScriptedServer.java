package dev.windjammer.examples.image;

import dev.windjammer.testkit.Delays;
import dev.windjammer.testkit.TestThreads;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;

/**
 * A raw TCP server on 127.0.0.1 that answers one connection with exactly the behaviour a test
 * scripts — malformed HTTP, lying lengths, trickling or silent servers — which a real HTTP
 * server library would refuse to produce. Runs in a {@link TestThreads} thread, joined on close.
 */
public final class ScriptedServer implements AutoCloseable {

    /** What to do with the accepted connection, after the request head has been read. */
    @FunctionalInterface
    public interface Script {
        /** Writes the response (or does not). */
        void run(OutputStream out) throws Exception;
    }

    private final ServerSocket socket;
    private final TestThreads threads = new TestThreads();
    private final CountDownLatch accepted = new CountDownLatch(1);
    private volatile Socket connection;

    /** Starts serving {@code script} to the first connection. */
    public ScriptedServer(Script script) throws IOException {
        this(java.util.Objects.requireNonNull(script, "script"), false);
    }

    private ScriptedServer(Script script, boolean silent) throws IOException {
        socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        threads.start(() -> {
            try (Socket client = socket.accept()) {
                connection = client;
                accepted.countDown();
                readRequestHead(client.getInputStream());
                if (silent) {
                    client.getInputStream().transferTo(OutputStream.nullOutputStream());
                    return;
                }
                script.run(client.getOutputStream());
                client.getOutputStream().flush();
            } catch (SocketException closedByTest) {
                // the test closed the server or the client went away: the script is over
            }
        });
    }

    /** Reads until the client hangs up and never answers. */
    public static ScriptedServer silent() throws IOException {
        return new ScriptedServer(null, true);
    }

    /** Answers with {@code response} as ISO-8859-1 bytes, then closes. */
    public static ScriptedServer answering(String response) throws IOException {
        return new ScriptedServer(out -> out.write(response.getBytes(StandardCharsets.ISO_8859_1)));
    }

    private static void readRequestHead(InputStream in) throws IOException {
        int matched = 0;
        byte[] end = {'\r', '\n', '\r', '\n'};
        int c;
        while (matched < 4 && (c = in.read()) != -1) {
            matched = c == end[matched] ? matched + 1 : (c == '\r' ? 1 : 0);
        }
    }

    /** Waits until a client has connected. */
    public void awaitConnection() throws InterruptedException {
        if (!accepted.await(Delays.LONG.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
            throw new AssertionError("no client connected within " + Delays.LONG);
        }
    }

    /** {@code http://127.0.0.1:port/path}. */
    public URI url(String path) {
        return URI.create("http://127.0.0.1:" + socket.getLocalPort() + path);
    }

    @Override
    public void close() throws IOException {
        socket.close();
        Socket client = connection;
        if (client != null) {
            client.close();
        }
        threads.close();
    }
}
