package dev.windjammer.examples.image;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.net.ssl.SSLContext;

/**
 * A real HTTP origin on 127.0.0.1 (the JDK's {@code com.sun.net.httpserver}), serving what a
 * test registers, one virtual thread per request. Records every request it receives.
 */
public final class TestOrigin implements AutoCloseable {

    /** One request as the origin saw it. */
    public record Seen(String method, String target, String host) {
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final List<Seen> seen = new CopyOnWriteArrayList<>();
    private final String scheme;

    private TestOrigin(HttpServer server, String scheme) {
        this.server = server;
        this.scheme = scheme;
        server.setExecutor(executor);
        server.start();
    }

    /** Starts a plain HTTP origin on a free port of 127.0.0.1. */
    public static TestOrigin http() {
        try {
            return new TestOrigin(HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0), "http");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Starts an HTTPS origin on a free port of 127.0.0.1 with the key in {@code tls}. */
    public static TestOrigin https(SSLContext tls) {
        try {
            HttpsServer server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.setHttpsConfigurator(new HttpsConfigurator(tls));
            return new TestOrigin(server, "https");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Serves {@code body} with {@code contentType} at {@code path}. */
    public TestOrigin serve(String path, byte[] body, String contentType) {
        return handle(path, exchange -> {
            exchange.getResponseHeaders().set("Content-Type", contentType);
            exchange.sendResponseHeaders(200, body.length == 0 ? -1 : body.length);
            exchange.getResponseBody().write(body);
        });
    }

    /** Answers {@code path} with a redirect of the given status to {@code location}. */
    public TestOrigin redirect(String path, int status, String location) {
        return handle(path, exchange -> {
            exchange.getResponseHeaders().set("Location", location);
            exchange.sendResponseHeaders(status, -1);
        });
    }

    /** Answers {@code path} with {@code handler}; the exchange is closed afterwards. */
    public TestOrigin handle(String path, HttpHandler handler) {
        server.createContext(path, exchange -> {
            try (HttpExchange open = exchange) {
                seen.add(new Seen(open.getRequestMethod(), open.getRequestURI().toString(),
                        open.getRequestHeaders().getFirst("Host")));
                handler.handle(open);
            }
        });
        return this;
    }

    /** The port the origin listens on. */
    public int port() {
        return server.getAddress().getPort();
    }

    /** {@code scheme://127.0.0.1:port/path}. */
    public URI url(String path) {
        return url("127.0.0.1", path);
    }

    /** {@code scheme://host:port/path}: a name the test's resolver maps to 127.0.0.1. */
    public URI url(String host, String path) {
        return URI.create(scheme + "://" + host + ":" + port() + path);
    }

    /** Every request so far, in arrival order. */
    public List<Seen> seen() {
        return List.copyOf(seen);
    }

    @Override
    public void close() {
        server.stop(0);
        executor.close();
    }
}
