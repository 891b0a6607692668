package dev.windjammer.io.http;

import dev.windjammer.TimedOutException;
import dev.windjammer.UncheckedInterruptedException;
import dev.windjammer.io.json.Json;

import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The seed's {@code http::} module: a shared HTTP client ({@link #get}, {@link #post},
 * {@link #request}), server construction ({@link #server}) and the responses handlers return
 * ({@link #json}, {@link #text}).
 *
 * <pre>{@code
 * // client: blocks the calling (virtual) thread until the whole response is there
 * String body = Http.get("https://api.example.com/data").expectSuccess().text();
 *
 * // server: a virtual thread per request
 * Http.server("0.0.0.0:8080")
 *     .get("/users/{id}/posts", req -> Http.json(db.getPosts(req.pathParamAsLong("id"))))
 *     .run();
 * }</pre>
 *
 * <p>The shared client is created on first use with {@link HttpClient}'s defaults (connect
 * timeout 10 s, request timeout 30 s, response limit 16 MiB) and lives as long as the JVM. Build
 * your own {@link HttpClient} for other limits or an isolated connection pool.
 */
public final class Http {

    private Http() {
    }

    private static final class SharedClient {
        static final HttpClient INSTANCE = HttpClient.builder().build();
    }

    /**
     * Returns the shared client used by {@link #get}, {@link #post} and {@link #request}.
     *
     * @return the shared client; do not close it, other code in the JVM uses it too
     */
    public static HttpClient client() {
        return SharedClient.INSTANCE;
    }

    /**
     * Sends {@code GET url} with the shared client: the seed's {@code http::get(url)}.
     *
     * @param url an {@code http://} or {@code https://} URL
     * @return the response, whatever its status
     * @throws TimedOutException if the response is not complete within 30 s
     * @throws ResponseTooLargeException if the body is larger than 16 MiB
     * @throws UncheckedIOException if the connection fails
     * @throws UncheckedInterruptedException if the calling thread is interrupted
     * @throws IllegalArgumentException if {@code url} is not an absolute http(s) URL
     */
    public static Response get(String url) {
        return client().get(url);
    }

    /**
     * Sends {@code POST url} with a JSON body, with the shared client.
     *
     * @param url  an {@code http://} or {@code https://} URL
     * @param body the value to send as JSON
     * @return the response, whatever its status
     * @throws TimedOutException if the response is not complete within 30 s
     * @throws ResponseTooLargeException if the body is larger than 16 MiB
     * @throws UncheckedIOException if the connection fails
     * @throws UncheckedInterruptedException if the calling thread is interrupted
     * @throws IllegalArgumentException if {@code url} is not an absolute http(s) URL or
     *         {@code body} cannot be written as JSON
     */
    public static Response post(String url, Object body) {
        return client().post(url, body);
    }

    /**
     * Starts a request with any method, headers, body and timeout, to be sent with the shared
     * client.
     *
     * @param method the method, e.g. {@code "PUT"}
     * @param url    an {@code http://} or {@code https://} URL
     * @return a builder; {@code send()} sends the request
     * @throws IllegalArgumentException if {@code url} is not an absolute http(s) URL
     */
    public static HttpClient.RequestBuilder request(String method, String url) {
        return client().request(method, url);
    }

    /**
     * Returns a server that will listen on {@code address}: the seed's
     * {@code http::Server::new("0.0.0.0:8080")}. Add routes, then {@code start()} or {@code run()}.
     *
     * @param address {@code host:port}; port 0 picks a free port
     * @return a new server, not yet started
     * @throws IllegalArgumentException if the address is malformed
     */
    public static HttpServer server(String address) {
        return HttpServer.bind(address);
    }

    /**
     * Returns a {@code 200} response with {@code body} as JSON: the seed's {@code http::json(..)}.
     *
     * @param body the value to write as JSON, e.g. a record, list or map
     * @return the response
     * @throws IllegalArgumentException if {@code body} cannot be written as JSON
     */
    public static Response json(Object body) {
        return json(200, body);
    }

    /**
     * Returns a response with the given status and {@code body} as JSON, e.g.
     * {@code Http.json(202, Map.of("status", "processing"))}.
     *
     * @param status the status, 100 to 599
     * @param body   the value to write as JSON
     * @return the response
     * @throws IllegalArgumentException if the status is out of range or {@code body} cannot be
     *         written as JSON
     */
    public static Response json(int status, Object body) {
        return Response.create(status, Response.JSON, Json.write(body));
    }

    /**
     * Returns a {@code 200} response with a UTF-8 text body.
     *
     * @param body the text
     * @return the response
     */
    public static Response text(String body) {
        return text(200, body);
    }

    /**
     * Returns a response with the given status and a UTF-8 text body.
     *
     * @param status the status, 100 to 599
     * @param body   the text
     * @return the response
     * @throws IllegalArgumentException if the status is out of range
     */
    public static Response text(int status, String body) {
        return Response.create(status, Response.TEXT, body.getBytes(StandardCharsets.UTF_8));
    }
}
