package dev.windjammer.io.http;

import dev.windjammer.TimedOutException;
import dev.windjammer.UncheckedInterruptedException;
import dev.windjammer.io.json.Json;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * An HTTP client on {@link java.net.http.HttpClient} whose calls block the calling thread until
 * the whole response is there: on a virtual thread (an {@code Async} task) that blocking is cheap,
 * so concurrency comes from running calls in tasks, e.g.
 * {@code Async.joinAll(urls.stream().map(url -> (Callable<Response>) () -> client.get(url)).toList())}.
 * {@link Http#get(String) Http.get(..)} and friends use a shared default client.
 *
 * <p><b>Limits.</b> Every request has a deadline covering connection, request and the whole
 * response body ({@link Builder#requestTimeout}, per request {@link RequestBuilder#timeout}); when
 * it passes, the exchange is aborted and {@link TimedOutException} is thrown. A response body
 * larger than {@link Builder#maxResponseBytes} is refused while it arrives (see
 * {@link ResponseTooLargeException}).
 *
 * <p><b>Outcomes.</b> A response of any status is returned ({@link Response#expectSuccess()}
 * turns a non-2xx status into an exception). A failure to connect or a broken connection throws
 * {@link UncheckedIOException} whose message names the request; an interrupted caller gets
 * {@link UncheckedInterruptedException} (interrupt status set) after the exchange was aborted —
 * so cancelling the task that makes a call aborts the call.
 *
 * <p>Thread-safe: one client serves any number of concurrent calls, sharing its connection pool.
 * Closing waits for calls in flight, then releases the connections and the selector thread.
 */
public final class HttpClient implements AutoCloseable {
    /*
     * Implementation notes
     *
     * Overview. Each call is the JDK client's sendAsync() followed by a timed
     * CompletableFuture.get() on the caller's thread. That is what HttpClient.send() does
     * internally too, but owning the future gives us a deadline for the whole exchange (the
     * JDK's HttpRequest.timeout() stops at the response headers) and an abort on timeout or
     * interruption: since JDK 16, cancel(true) on the future of sendAsync aborts the exchange.
     *
     * Threads. The JDK client runs its internal tasks (body handling, completing futures) on the
     * executor it is given; we give it a virtual thread per task, so the only platform thread a
     * client owns is its selector ("HttpClient-N-SelectorManager"). The caller parks in get(),
     * releasing its carrier when it is a virtual thread.
     *
     * Protocol. http:// requests are sent as HTTP/1.1: the JDK's default HTTP/2 over cleartext
     * means an h2c upgrade attempt on every new connection, which few servers accept. https://
     * negotiates HTTP/2 through ALPN where the server offers it.
     *
     * Peers. The JDK client (HttpClient.send / sendAsync + CompletableFuture.allOf, the baseline
     * in windjammer-bench's HttpFanOutBenchmark), reqwest (timeouts, response-size awareness),
     * OkHttp.
     */

    private static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(30);
    private static final long DEFAULT_MAX_RESPONSE_BYTES = 16L << 20;
    private static final long MAX_BODY_ARRAY = Integer.MAX_VALUE - 8;

    private final java.net.http.HttpClient jdk;
    private final ExecutorService executor;
    private final Duration requestTimeout;
    private final long maxResponseBytes;

    private HttpClient(Builder builder) {
        this.executor = Executors.newVirtualThreadPerTaskExecutor();
        this.jdk = java.net.http.HttpClient.newBuilder()
                .executor(executor)
                .connectTimeout(builder.connectTimeout)
                .followRedirects(builder.followRedirects
                        ? java.net.http.HttpClient.Redirect.NORMAL : java.net.http.HttpClient.Redirect.NEVER)
                .build();
        this.requestTimeout = builder.requestTimeout;
        this.maxResponseBytes = builder.maxResponseBytes;
    }

    /**
     * Returns a builder for a client with its own connection pool and limits.
     *
     * @return a new builder with the defaults: connect timeout 10 s, request timeout 30 s,
     *         response limit 16 MiB, redirects followed (except https to http)
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Sends {@code GET url} and returns the response.
     *
     * @param url an {@code http://} or {@code https://} URL
     * @return the response, whatever its status
     * @throws TimedOutException if the response is not complete within the request timeout
     * @throws ResponseTooLargeException if the body is larger than the client's limit
     * @throws UncheckedIOException if the connection fails
     * @throws UncheckedInterruptedException if the calling thread is interrupted
     * @throws IllegalArgumentException if {@code url} is not an absolute http(s) URL
     */
    public Response get(String url) {
        return request("GET", url).send();
    }

    /**
     * Sends {@code POST url} with {@code body} written as JSON and returns the response.
     *
     * @param url  an {@code http://} or {@code https://} URL
     * @param body the value to send as JSON ({@code Content-Type: application/json})
     * @return the response, whatever its status
     * @throws TimedOutException if the response is not complete within the request timeout
     * @throws ResponseTooLargeException if the body is larger than the client's limit
     * @throws UncheckedIOException if the connection fails
     * @throws UncheckedInterruptedException if the calling thread is interrupted
     * @throws IllegalArgumentException if {@code url} is not an absolute http(s) URL or
     *         {@code body} cannot be written as JSON
     */
    public Response post(String url, Object body) {
        return request("POST", url).json(body).send();
    }

    /**
     * Starts a request with any method, headers, body and timeout; {@link RequestBuilder#send()}
     * sends it.
     *
     * @param method the method in upper case, e.g. {@code "PUT"}
     * @param url    an {@code http://} or {@code https://} URL
     * @return a builder for the request
     * @throws IllegalArgumentException if {@code url} is not an absolute http(s) URL
     */
    public RequestBuilder request(String method, String url) {
        return new RequestBuilder(Objects.requireNonNull(method, "method"), parse(url));
    }

    private static URI parse(String url) {
        Objects.requireNonNull(url, "url");
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("malformed URL \"" + url + "\": " + e.getReason(), e);
        }
        String scheme = uri.getScheme();
        if (scheme == null || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))
                || uri.getHost() == null) {
            throw new IllegalArgumentException("URL must be absolute http:// or https:// with a host, got \"" + url + "\"");
        }
        return uri;
    }

    /**
     * Closes the client: waits for calls in flight to complete, then releases its connections and
     * threads. Further calls fail with {@link UncheckedIOException}.
     */
    @Override
    public void close() {
        jdk.close();
        executor.close();
    }

    private Response send(RequestBuilder request) {
        String what = request.method + " " + request.uri;
        HttpRequest.Builder jdkRequest = HttpRequest.newBuilder(request.uri)
                .method(request.method, request.body == null
                        ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(request.body));
        if (request.uri.getScheme().equalsIgnoreCase("http")) {
            jdkRequest.version(java.net.http.HttpClient.Version.HTTP_1_1);
        }
        if (request.contentType != null) {
            jdkRequest.header("Content-Type", request.contentType);
        }
        for (int i = 0; i < request.headers.size(); i += 2) {
            jdkRequest.header(request.headers.get(i), request.headers.get(i + 1));
        }
        Duration timeout = request.timeout == null ? requestTimeout : request.timeout;
        long limit = request.maxResponseBytes < 0 ? maxResponseBytes : request.maxResponseBytes;
        CompletableFuture<HttpResponse<byte[]>> exchange =
                jdk.sendAsync(jdkRequest.build(), LimitedBodySubscriber.handler(limit, what));
        try {
            HttpResponse<byte[]> response = exchange.get(toNanos(timeout), TimeUnit.NANOSECONDS);
            return new Response(response.statusCode(), copyHeaders(response.headers().map()), response.body(), what);
        } catch (TimeoutException e) {
            exchange.cancel(true);
            throw new TimedOutException("response to " + what, timeout);
        } catch (InterruptedException e) {
            exchange.cancel(true);
            throw UncheckedInterruptedException.interrupted("response to " + what, e);
        } catch (ExecutionException e) {
            throw failure(e.getCause(), what);
        }
    }

    private static Map<String, List<String>> copyHeaders(Map<String, List<String>> headers) {
        TreeMap<String, List<String>> copy = Response.caseInsensitive();
        headers.forEach((name, values) -> {
            if (!name.startsWith(":")) {
                copy.put(name, List.copyOf(values));
            }
        });
        return Collections.unmodifiableMap(copy);
    }

    private RuntimeException failure(Throwable cause, String what) {
        Throwable failure = cause;
        while (failure instanceof java.util.concurrent.CompletionException && failure.getCause() != null) {
            failure = failure.getCause();
        }
        if (failure instanceof ResponseTooLargeException tooLarge) {
            return tooLarge;
        }
        if (failure instanceof HttpConnectTimeoutException connect) {
            TimedOutException timedOut = new TimedOutException("connection for " + what,
                    jdk.connectTimeout().orElse(DEFAULT_CONNECT_TIMEOUT));
            timedOut.initCause(connect);
            return timedOut;
        }
        if (failure instanceof HttpTimeoutException timeout) {
            TimedOutException timedOut = new TimedOutException("response to " + what, requestTimeout);
            timedOut.initCause(timeout);
            return timedOut;
        }
        if (failure instanceof IOException io) {
            String reason = io.getMessage() == null ? io.getClass().getSimpleName() : io.getMessage();
            return new UncheckedIOException(what + " failed: " + reason, io);
        }
        if (failure instanceof RuntimeException runtime) {
            return runtime;
        }
        if (failure instanceof Error error) {
            throw error;
        }
        return new UncheckedIOException(what + " failed", new IOException(failure));
    }

    private static long toNanos(Duration timeout) {
        try {
            return timeout.toNanos();
        } catch (ArithmeticException overflow) {
            return Long.MAX_VALUE;
        }
    }

    /**
     * Configures an {@link HttpClient}. Not thread-safe; {@link #build()} may be called more than
     * once, each time making an independent client.
     */
    public static final class Builder {
        private Duration connectTimeout = DEFAULT_CONNECT_TIMEOUT;
        private Duration requestTimeout = DEFAULT_REQUEST_TIMEOUT;
        private long maxResponseBytes = DEFAULT_MAX_RESPONSE_BYTES;
        private boolean followRedirects = true;

        private Builder() {
        }

        /**
         * Sets how long establishing a connection may take (default 10 s).
         *
         * @param timeout a positive duration
         * @return this builder
         * @throws IllegalArgumentException if {@code timeout} is not positive
         */
        public Builder connectTimeout(Duration timeout) {
            this.connectTimeout = positive(timeout, "connectTimeout");
            return this;
        }

        /**
         * Sets the default deadline of a request, from sending it to having the whole response
         * body (default 30 s).
         *
         * @param timeout a positive duration
         * @return this builder
         * @throws IllegalArgumentException if {@code timeout} is not positive
         */
        public Builder requestTimeout(Duration timeout) {
            this.requestTimeout = positive(timeout, "requestTimeout");
            return this;
        }

        /**
         * Sets the default limit of a response body (default 16 MiB).
         *
         * @param bytes the limit, from 0 to {@code Integer.MAX_VALUE - 8}
         * @return this builder
         * @throws IllegalArgumentException if {@code bytes} is out of range
         */
        public Builder maxResponseBytes(long bytes) {
            this.maxResponseBytes = checkLimit(bytes);
            return this;
        }

        /**
         * Sets whether redirects are followed (default {@code true}; never from https to http).
         *
         * @param follow whether to follow
         * @return this builder
         */
        public Builder followRedirects(boolean follow) {
            this.followRedirects = follow;
            return this;
        }

        /**
         * Creates the client.
         *
         * @return a new client; close it when done
         */
        public HttpClient build() {
            return new HttpClient(this);
        }
    }

    private static Duration positive(Duration timeout, String name) {
        Objects.requireNonNull(timeout, name);
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, got " + timeout);
        }
        return timeout;
    }

    private static long checkLimit(long bytes) {
        if (bytes < 0 || bytes > MAX_BODY_ARRAY) {
            throw new IllegalArgumentException("maxResponseBytes must be within 0 to " + MAX_BODY_ARRAY + ", got " + bytes);
        }
        return bytes;
    }

    /**
     * One request being put together; {@link #send()} sends it. Not thread-safe; send it once
     * or more (each {@code send()} is a new exchange).
     */
    public final class RequestBuilder {
        private final String method;
        private final URI uri;
        private final List<String> headers = new ArrayList<>(4);
        private String contentType;
        private byte[] body;
        private Duration timeout;
        private long maxResponseBytes = -1;

        private RequestBuilder(String method, URI uri) {
            this.method = method;
            this.uri = uri;
        }

        /**
         * Adds a request header.
         *
         * @param name  the header name
         * @param value the value
         * @return this builder
         * @throws IllegalArgumentException if the header is one the JDK client sets itself
         *         ({@code Host}, {@code Content-Length}, {@code Connection}, ...) or is malformed
         *         (reported by {@link #send()})
         */
        public RequestBuilder header(String name, String value) {
            headers.add(Objects.requireNonNull(name, "name"));
            headers.add(Objects.requireNonNull(value, "value"));
            return this;
        }

        /**
         * Sets the body and its content type.
         *
         * @param contentType the {@code Content-Type}
         * @param bytes       the body; copied
         * @return this builder
         */
        public RequestBuilder body(String contentType, byte[] bytes) {
            this.contentType = Objects.requireNonNull(contentType, "contentType");
            this.body = Objects.requireNonNull(bytes, "bytes").clone();
            return this;
        }

        /**
         * Sets a UTF-8 text body ({@code text/plain; charset=UTF-8}).
         *
         * @param text the body
         * @return this builder
         */
        public RequestBuilder text(String text) {
            this.contentType = Response.TEXT;
            this.body = Objects.requireNonNull(text, "text").getBytes(StandardCharsets.UTF_8);
            return this;
        }

        /**
         * Sets a JSON body ({@code application/json}) written from {@code value}.
         *
         * @param value the value to write as JSON
         * @return this builder
         * @throws IllegalArgumentException if {@code value} cannot be written as JSON
         */
        public RequestBuilder json(Object value) {
            this.contentType = Response.JSON;
            this.body = Json.write(value);
            return this;
        }

        /**
         * Sets this request's deadline, replacing the client's request timeout.
         *
         * @param timeout a positive duration, covering the whole exchange
         * @return this builder
         */
        public RequestBuilder timeout(Duration timeout) {
            this.timeout = positive(timeout, "timeout");
            return this;
        }

        /**
         * Sets this request's response-size limit, replacing the client's.
         *
         * @param bytes the limit, from 0 to {@code Integer.MAX_VALUE - 8}
         * @return this builder
         */
        public RequestBuilder maxResponseBytes(long bytes) {
            this.maxResponseBytes = checkLimit(bytes);
            return this;
        }

        /**
         * Sends the request and waits for the whole response.
         *
         * @return the response, whatever its status
         * @throws TimedOutException if the response is not complete before the deadline; the
         *         exchange has been aborted
         * @throws ResponseTooLargeException if the body is larger than the limit
         * @throws UncheckedIOException if the connection fails
         * @throws UncheckedInterruptedException if the calling thread is interrupted; the
         *         exchange has been aborted
         * @throws IllegalArgumentException if a header is restricted or malformed
         */
        public Response send() {
            return HttpClient.this.send(this);
        }
    }
}
