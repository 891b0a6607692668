package dev.windjammer.io.http;

import com.sun.management.UnixOperatingSystemMXBean;
import dev.windjammer.UncheckedInterruptedException;
import io.helidon.common.SerializationConfig;
import io.helidon.http.DirectHandler;
import io.helidon.webserver.ErrorHandling;
import io.helidon.webserver.WebServer;
import io.helidon.webserver.http.DirectHandlers;
import io.helidon.webserver.http1.Http1Config;

import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.net.BindException;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.locks.ReentrantLock;

/**
 * An HTTP/1.1 server on Helidon SE 4 that runs every request on its own virtual thread: the
 * Java twin of the seed's {@code http::Server}.
 *
 * <pre>{@code
 * HttpServer server = Http.server("0.0.0.0:8080")
 *         .post("/process", req -> Http.json(202, startJob(req.json(ProcessRequest.class))))
 *         .get("/jobs/{id}", req -> Http.json(jobs.find(req.pathParam("id"))))
 *         .get("/health", req -> Http.json(Map.of("status", "ok")));
 * server.run();   // or start() ... close()
 * }</pre>
 *
 * <p><b>Routes</b> are a method and a path pattern whose segments are literals or whole
 * parameters ({@code /users/{id}/posts}); a literal segment wins over a parameter
 * ({@code /jobs/stats} over {@code /jobs/{id}}), and {@code HEAD} is served by the {@code GET}
 * route. Routes and limits are configured from one thread before {@link #start()}; afterwards
 * they are fixed and the configuring methods throw {@link IllegalStateException}.
 *
 * <p><b>Errors</b> always have a JSON body {@code {"error": "...", "status": N}} and never a
 * stack trace: {@code 400} for malformed HTTP, a malformed path, or a body that
 * {@link Request#json(Class) Request.json} cannot read (the message names the problem and its
 * JSON path); {@code 404} for an unknown path; {@code 405} with {@code Allow} for a known path
 * and another method; {@code 413} for a body over {@link #maxRequestBytes}; {@code 415} for a
 * non-JSON {@code Content-Type} where JSON is read; whatever status a handler throws as an
 * {@link HttpException}. Any other failure of a handler is the server's fault: {@code 500} with an
 * {@code "id"}, the exception logged (logger {@code dev.windjammer.io.http.HttpServer}) with that
 * id. The server keeps serving after every one of these.
 *
 * <p><b>Slow and idle clients</b> cost a parked virtual thread and a socket each, so they do not
 * keep the server from serving others; a connection idle between requests for
 * {@link #idleTimeout} is closed, request headers are bounded by {@link #maxHeaderBytes}, and
 * the number of open connections by {@link #maxConnections}, so that clients cannot exhaust the
 * process's file descriptors (see ADR 0042 for what Helidon does not bound).
 *
 * <p><b>Shutdown.</b> {@link #close()} stops accepting connections, lets requests in flight
 * finish for up to {@link #shutdownGracePeriod}, then interrupts what still runs and returns
 * once the server has stopped. A handler interrupted this way answers {@code 503} when its
 * connection is still open; Helidon closes the connections of a stopping server at the same
 * time, so a client may instead see the connection closed without an answer (its request was
 * not completed either way).
 *
 * <p>The server does not change the JVM's deserialization filter (Helidon would install a
 * reject-all global filter by default; see {@code docs/adr/0042-http-server-on-helidon.md}).
 */
public final class HttpServer implements AutoCloseable {
    /*
     * Implementation notes
     *
     * Overview. A thin layer over Helidon SE 4's WebServer (virtual thread per connection,
     * requests on a connection handled in turn on that thread). Helidon's routing gets a single
     * catch-all Dispatcher; our Router does the matching (see Router and Dispatcher for why).
     * Limits map to Helidon settings: maxConnections -> maxTcpConnections (a semaphore taken
     * before accept(); without it, running out of file descriptors makes accept() throw and
     * Helidon's listener stop for good), maxRequestBytes -> maxPayloadSize (checked against
     * Content-Length before routing and while a chunked body is read), maxHeaderBytes ->
     * Http1Config.maxHeadersSize, idleTimeout -> idleConnectionTimeout (Helidon's idle check runs
     * every idleConnectionPeriod, here half the timeout), shutdownGracePeriod -> Helidon's own.
     *
     * Concurrency. Configuration happens on one thread before start(), and is published to the
     * request threads by Helidon's start (thread start / executor hand-off). start() and
     * close() are serialised by a ReentrantLock, not `synchronized`, because close() blocks for
     * the grace period and a virtual thread must not block while pinned (JDK 21-23).
     * `closing` is volatile: the dispatcher reads it on request threads.
     *
     * Cancellation. run() parks on a latch that close() opens; interrupting run() closes the
     * server and throws UncheckedInterruptedException.
     *
     * Peer. Helidon 4's own WebServer is the baseline in scripts/bench-http; Javalin, Spring
     * MVC and Go's net/http informed the API (route table, error bodies, graceful Shutdown).
     */

    private static final long DEFAULT_MAX_REQUEST_BYTES = 1 << 20;
    private static final int DEFAULT_MAX_HEADER_BYTES = 16 * 1024;
    private static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofMinutes(1);
    private static final Duration DEFAULT_SHUTDOWN_GRACE = Duration.ofSeconds(10);
    private static final Duration MIN_IDLE_TIMEOUT = Duration.ofSeconds(1);

    private enum State { NEW, RUNNING, CLOSED }

    private final String host;
    private final int requestedPort;
    private final Router router = new Router();
    private final ReentrantLock lifecycle = new ReentrantLock();
    private final CountDownLatch closed = new CountDownLatch(1);

    private int maxConnections = defaultMaxConnections();
    private long maxRequestBytes = DEFAULT_MAX_REQUEST_BYTES;
    private int maxHeaderBytes = DEFAULT_MAX_HEADER_BYTES;
    private Duration idleTimeout = DEFAULT_IDLE_TIMEOUT;
    private Duration shutdownGracePeriod = DEFAULT_SHUTDOWN_GRACE;

    private volatile State state = State.NEW;
    private volatile boolean closing;
    private WebServer helidon;
    private int port = -1;

    private HttpServer(String host, int port) {
        this.host = host;
        this.requestedPort = port;
    }

    /**
     * Returns a server that will listen on {@code address} once started: {@code "host:port"},
     * with {@code 0.0.0.0} for every interface and port {@code 0} for any free port (see
     * {@link #port()}); IPv6 hosts in brackets, e.g. {@code "[::1]:8080"}.
     *
     * @param address where to listen
     * @return a new, not yet started server
     * @throws IllegalArgumentException if the address is not {@code host:port} with a port from 0 to 65535
     * @throws NullPointerException if {@code address} is {@code null}
     */
    public static HttpServer bind(String address) {
        Objects.requireNonNull(address, "address");
        int colon = address.lastIndexOf(':');
        if (colon <= 0 || colon == address.length() - 1) {
            throw new IllegalArgumentException("address must be host:port, e.g. 127.0.0.1:8080, got \"" + address + "\"");
        }
        String host = address.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        } else if (host.indexOf(':') >= 0) {
            throw new IllegalArgumentException("an IPv6 host must be in brackets, e.g. [::1]:8080, got \"" + address + "\"");
        }
        int port;
        try {
            port = Integer.parseInt(address.substring(colon + 1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("port must be a number from 0 to 65535, got \"" + address + "\"");
        }
        if (port < 0 || port > 65_535 || host.isEmpty()) {
            throw new IllegalArgumentException("address must be host:port with a port from 0 to 65535, got \"" + address + "\"");
        }
        return new HttpServer(host, port);
    }

    /**
     * Adds a route for {@code GET} (and so {@code HEAD}).
     *
     * @param pattern the path pattern, e.g. {@code /jobs/{id}}
     * @param handler what answers
     * @return this server
     * @throws IllegalArgumentException if the pattern is malformed or the route already exists
     * @throws IllegalStateException if the server has started
     */
    public HttpServer get(String pattern, Handler handler) {
        return route("GET", pattern, handler);
    }

    /**
     * Adds a route for {@code POST}.
     *
     * @param pattern the path pattern
     * @param handler what answers
     * @return this server
     * @throws IllegalArgumentException if the pattern is malformed or the route already exists
     * @throws IllegalStateException if the server has started
     */
    public HttpServer post(String pattern, Handler handler) {
        return route("POST", pattern, handler);
    }

    /**
     * Adds a route for {@code PUT}.
     *
     * @param pattern the path pattern
     * @param handler what answers
     * @return this server
     * @throws IllegalArgumentException if the pattern is malformed or the route already exists
     * @throws IllegalStateException if the server has started
     */
    public HttpServer put(String pattern, Handler handler) {
        return route("PUT", pattern, handler);
    }

    /**
     * Adds a route for {@code DELETE}.
     *
     * @param pattern the path pattern
     * @param handler what answers
     * @return this server
     * @throws IllegalArgumentException if the pattern is malformed or the route already exists
     * @throws IllegalStateException if the server has started
     */
    public HttpServer delete(String pattern, Handler handler) {
        return route("DELETE", pattern, handler);
    }

    /**
     * Adds a route for any method.
     *
     * @param method  the method in upper case, e.g. {@code "PATCH"}
     * @param pattern the path pattern: starts with {@code /}; each segment is a literal or a whole
     *                parameter {@code {name}}; a trailing slash is significant
     * @param handler what answers
     * @return this server
     * @throws IllegalArgumentException if the method or pattern is malformed, or the same method
     *         and pattern shape are already routed
     * @throws IllegalStateException if the server has started
     * @throws NullPointerException if an argument is {@code null}
     */
    public HttpServer route(String method, String pattern, Handler handler) {
        requireNew("add a route");
        router.add(method, pattern, handler);
        return this;
    }

    /**
     * Sets how many connections the server holds open at once (default: the process's
     * file-descriptor limit less a reserve of a quarter of it, at least 128, for everything else
     * the process opens; unlimited where the JVM cannot tell the limit). Further
     * clients wait in the listen backlog until a connection ends. Running out of file
     * descriptors would otherwise make Helidon's accept loop fail and stop listening for good.
     *
     * @param connections at least 1
     * @return this server
     * @throws IllegalArgumentException if {@code connections} is below 1
     * @throws IllegalStateException if the server has started
     */
    public HttpServer maxConnections(int connections) {
        requireNew("change limits");
        if (connections < 1) {
            throw new IllegalArgumentException("maxConnections must be at least 1, got " + connections);
        }
        this.maxConnections = connections;
        return this;
    }

    private static int defaultMaxConnections() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof UnixOperatingSystemMXBean unix) {
            long descriptors = unix.getMaxFileDescriptorCount();
            long reserve = Math.max(descriptors / 4, 128);
            return (int) Math.min(Integer.MAX_VALUE, Math.max(16, descriptors - reserve));
        }
        return -1;
    }

    /**
     * Sets the largest request body accepted (default 1 MiB); a larger one is answered with
     * {@code 413} and the connection is closed.
     *
     * @param bytes the limit, at least 0
     * @return this server
     * @throws IllegalArgumentException if {@code bytes} is negative
     * @throws IllegalStateException if the server has started
     */
    public HttpServer maxRequestBytes(long bytes) {
        requireNew("change limits");
        if (bytes < 0) {
            throw new IllegalArgumentException("maxRequestBytes must be >= 0, got " + bytes);
        }
        this.maxRequestBytes = bytes;
        return this;
    }

    /**
     * Sets the largest total size of a request's header lines (default 16 KiB); more is
     * answered with {@code 400} and the connection is closed.
     *
     * @param bytes the limit, at least 1024
     * @return this server
     * @throws IllegalArgumentException if {@code bytes} is below 1024
     * @throws IllegalStateException if the server has started
     */
    public HttpServer maxHeaderBytes(int bytes) {
        requireNew("change limits");
        if (bytes < 1024) {
            throw new IllegalArgumentException("maxHeaderBytes must be >= 1024, got " + bytes);
        }
        this.maxHeaderBytes = bytes;
        return this;
    }

    /**
     * Sets how long a connection may stay without a complete request before the server closes
     * it (default 1 minute; checked every half timeout, to a resolution of about a second).
     *
     * @param timeout the timeout, at least 1 second
     * @return this server
     * @throws IllegalArgumentException if {@code timeout} is shorter than a second
     * @throws IllegalStateException if the server has started
     */
    public HttpServer idleTimeout(Duration timeout) {
        requireNew("change limits");
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.compareTo(MIN_IDLE_TIMEOUT) < 0) {
            throw new IllegalArgumentException("idleTimeout must be at least 1s, got " + timeout);
        }
        this.idleTimeout = timeout;
        return this;
    }

    /**
     * Sets how long {@link #close()} lets requests in flight finish before interrupting them
     * (default 10 seconds).
     *
     * @param grace the grace period, zero or more
     * @return this server
     * @throws IllegalArgumentException if {@code grace} is negative
     * @throws IllegalStateException if the server has started
     */
    public HttpServer shutdownGracePeriod(Duration grace) {
        requireNew("change limits");
        Objects.requireNonNull(grace, "grace");
        if (grace.isNegative()) {
            throw new IllegalArgumentException("shutdownGracePeriod must not be negative, got " + grace);
        }
        this.shutdownGracePeriod = grace;
        return this;
    }

    private void requireNew(String action) {
        if (state != State.NEW) {
            throw new IllegalStateException("cannot " + action + " once the server has started");
        }
    }

    /**
     * Starts listening and returns at once; requests are served on virtual threads until
     * {@link #close()}.
     *
     * @return this server
     * @throws IllegalStateException if the server was started before
     * @throws UncheckedIOException with a {@link BindException} if the address cannot be bound
     */
    public HttpServer start() {
        lifecycle.lock();
        try {
            requireNew("start the server again");
            keepTheJvmSerialFilterAsItIs();
            WebServer server = WebServer.builder()
                    .host(host)
                    .port(requestedPort)
                    .maxPayloadSize(maxRequestBytes)
                    .maxTcpConnections(maxConnections)
                    .shutdownGracePeriod(shutdownGracePeriod)
                    .idleConnectionTimeout(idleTimeout)
                    .idleConnectionPeriod(idleTimeout.dividedBy(2))
                    .addProtocol(Http1Config.builder().maxHeadersSize(maxHeaderBytes).build())
                    .errorHandling(ErrorHandling.builder().includeEntity(true).build())
                    .directHandlers(jsonDirectHandlers(new JsonErrors(maxRequestBytes)))
                    .featuresDiscoverServices(false)
                    .routing(routing -> routing.any(new Dispatcher(router, maxRequestBytes, () -> closing)))
                    .build();
            server.start();
            if (!server.isRunning()) {
                state = State.CLOSED;
                closed.countDown();
                throw new UncheckedIOException(new BindException("could not listen on " + host + ":" + requestedPort
                        + " (is the port in use? the cause is logged by io.helidon.webserver)"));
            }
            helidon = server;
            port = server.port();
            state = State.RUNNING;
            return this;
        } finally {
            lifecycle.unlock();
        }
    }

    private static DirectHandlers jsonDirectHandlers(JsonErrors errors) {
        DirectHandlers.Builder handlers = DirectHandlers.builder();
        for (DirectHandler.EventType type : DirectHandler.EventType.values()) {
            handlers.addHandler(type, errors);
        }
        return handlers.build();
    }

    /**
     * Helidon's WebServer.start() installs a JVM-wide deserialization filter that rejects every
     * class when none is configured, and refuses to start when the application set one it does
     * not like. Neither is an HTTP server's business: registering Helidon's configuration with
     * IGNORE first makes its start leave the filter alone. Explicit Helidon system properties and
     * an application's own earlier SerializationConfig still win.
     */
    private static void keepTheJvmSerialFilterAsItIs() {
        if (System.getProperty("helidon.serialFilter.missing.action") != null
                || System.getProperty("helidon.serialFilter.failure.action") != null) {
            return;
        }
        try {
            SerializationConfig.builder()
                    .onNoConfig(SerializationConfig.Action.IGNORE)
                    .onWrongConfig(SerializationConfig.Action.IGNORE)
                    .build()
                    .configure();
        } catch (IllegalArgumentException | IllegalStateException configuredByTheApplication) {
            // the application configured Helidon's serialization handling itself; that stands
        }
    }

    /**
     * Starts the server if it is not running and blocks until it is closed: the seed's
     * {@code server.run().await}.
     *
     * @throws UncheckedInterruptedException if the calling thread is interrupted; the server has
     *         been closed by then
     * @throws UncheckedIOException with a {@link BindException} if the address cannot be bound
     */
    public void run() {
        if (state == State.NEW) {
            start();
        }
        try {
            closed.await();
        } catch (InterruptedException e) {
            close();
            throw UncheckedInterruptedException.interrupted("the HTTP server to close", e);
        }
    }

    /**
     * Returns the port the server listens on: the bound port when {@code 0} was asked for.
     *
     * @return the port
     * @throws IllegalStateException if the server is not running
     */
    public int port() {
        if (state != State.RUNNING) {
            throw new IllegalStateException("the server is not running (state " + state + ")");
        }
        return port;
    }

    /**
     * Returns an {@code http://} URL for a path on this server, addressed through the loopback
     * interface when the server listens on every interface, e.g.
     * {@code server.url("/health")} is {@code "http://127.0.0.1:41234/health"}.
     *
     * @param path the path, starting with {@code /}
     * @return the URL
     * @throws IllegalStateException if the server is not running
     * @throws IllegalArgumentException if {@code path} does not start with {@code /}
     */
    public String url(String path) {
        Objects.requireNonNull(path, "path");
        if (!path.startsWith("/")) {
            throw new IllegalArgumentException("path must start with '/', got \"" + path + "\"");
        }
        String reachable = switch (host) {
            case "0.0.0.0" -> "127.0.0.1";
            case "::", "0:0:0:0:0:0:0:0" -> "[::1]";
            default -> host.indexOf(':') >= 0 ? "[" + host + "]" : host;
        };
        return "http://" + reachable + ":" + port() + path;
    }

    /**
     * Stops the server gracefully: no new connections, requests in flight get up to
     * {@link #shutdownGracePeriod} to finish, then the rest are interrupted. Returns when the
     * server has stopped. Idempotent; closing a server that never started only marks it closed.
     */
    @Override
    public void close() {
        lifecycle.lock();
        try {
            if (state == State.CLOSED) {
                return;
            }
            closing = true;
            if (helidon != null) {
                helidon.stop();
            }
            state = State.CLOSED;
            closed.countDown();
        } finally {
            lifecycle.unlock();
        }
    }

    @Override
    public String toString() {
        return "HttpServer[" + host + ":" + (port >= 0 ? port : requestedPort) + ", " + state + ", "
                + router.routes().size() + " routes]";
    }
}
