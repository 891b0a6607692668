package dev.windjammer.io.http;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.windjammer.io.json.Json;
import dev.windjammer.io.json.JsonException;
import io.helidon.http.HeaderName;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.ServerRequest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An HTTP request received by the {@link HttpServer}, as a {@linkplain Handler handler} sees it:
 * method, path with its bound parameters, query, headers and body.
 *
 * <p>The body is read on first use of {@link #body()}, {@link #text()} or {@code json(..)}, at
 * most the server's {@linkplain HttpServer#maxRequestBytes request-size limit}; a larger body
 * ends the request with {@code 413}. The accessors that interpret the request on the handler's
 * behalf throw {@link HttpException} with status {@code 400} or {@code 415} when the client sent
 * something unusable, so a handler can simply call them and let the server answer.
 *
 * <p>A request belongs to the handler invocation it was given to; it is not thread-safe and must
 * not be used after the handler returned.
 */
public final class Request {

    private final ServerRequest delegate;
    private final Router.Route route;
    private final String[] parameterValues;
    private final long maxBodyBytes;
    private byte[] body;

    Request(ServerRequest delegate, Router.Route route, String[] parameterValues, long maxBodyBytes) {
        this.delegate = delegate;
        this.route = route;
        this.parameterValues = parameterValues;
        this.maxBodyBytes = maxBodyBytes;
    }

    /**
     * Returns the request method.
     *
     * @return the method in upper case, e.g. {@code "POST"}
     */
    public String method() {
        return delegate.prologue().method().text();
    }

    /**
     * Returns the decoded request path, without the query.
     *
     * @return the path, e.g. {@code "/jobs/42"}
     */
    public String path() {
        return delegate.path().path();
    }

    /**
     * Returns the value of a path parameter of the matched route, percent-decoded: for the route
     * {@code /jobs/{id}} and the path {@code /jobs/a%2Fb}, {@code pathParam("id")} is
     * {@code "a/b"}. Never empty: a parameter segment must have at least one character to match.
     *
     * @param name the parameter name as written in the route pattern
     * @return the value
     * @throws IllegalArgumentException if the route has no parameter of that name (a programming
     *         error, reported as {@code 500})
     */
    public String pathParam(String name) {
        int index = route.parameterNames().indexOf(Objects.requireNonNull(name, "name"));
        if (index < 0) {
            throw new IllegalArgumentException("route " + route.pattern() + " has no path parameter {" + name + "}");
        }
        return parameterValues[index];
    }

    /**
     * Returns a path parameter as a {@code long}.
     *
     * @param name the parameter name as written in the route pattern
     * @return the value
     * @throws HttpException 400 if the value is not a decimal integer in the range of a long
     * @throws IllegalArgumentException if the route has no parameter of that name
     */
    public long pathParamAsLong(String name) {
        String value = pathParam(name);
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw HttpException.badRequest("path parameter " + name + " must be an integer, got \"" + clip(value) + "\"");
        }
    }

    /**
     * Returns the first value of a query parameter, decoded.
     *
     * @param name the parameter name
     * @return the value, or empty if the query has no such parameter
     */
    public Optional<String> query(String name) {
        Objects.requireNonNull(name, "name");
        return delegate.query().contains(name) ? Optional.of(delegate.query().get(name)) : Optional.empty();
    }

    /**
     * Returns all values of a query parameter, decoded, in order.
     *
     * @param name the parameter name
     * @return the values, empty if none
     */
    public List<String> queryAll(String name) {
        Objects.requireNonNull(name, "name");
        return delegate.query().contains(name) ? List.copyOf(delegate.query().all(name)) : List.of();
    }

    /**
     * Returns all query parameters with their values, decoded.
     *
     * @return an unmodifiable map from name to values
     */
    public Map<String, List<String>> queryParams() {
        return Map.copyOf(delegate.query().toMap());
    }

    /**
     * Returns the first value of a request header.
     *
     * @param name the header name, any case
     * @return the value, or empty if absent
     */
    public Optional<String> header(String name) {
        HeaderName header = HeaderNames.create(Objects.requireNonNull(name, "name"));
        return delegate.headers().first(header);
    }

    /**
     * Returns the request body, reading it on first call.
     *
     * @return the body; empty if the request has none
     * @throws HttpException 413 if the body is larger than the server's request-size limit
     */
    public byte[] body() {
        if (body == null) {
            body = readBody();
        }
        return body;
    }

    /**
     * Returns the request body decoded as UTF-8 text.
     *
     * @return the text; empty if the request has no body
     * @throws HttpException 413 if the body is larger than the server's request-size limit
     */
    public String text() {
        return new String(body(), StandardCharsets.UTF_8);
    }

    /**
     * Reads the body as JSON into a {@code type}, strictly (unknown or missing properties, wrong
     * types and malformed text are rejected; see {@link Json}). A record's compact constructor
     * may validate: what it throws becomes a {@code 400} with its message.
     *
     * @param type the type, e.g. a record class
     * @param <T>  the result type
     * @return the value
     * @throws HttpException 400 naming the problem and its JSON path if the body is empty, not
     *         JSON, or not of that shape; 415 if {@code Content-Type} is present and not JSON;
     *         413 if the body is too large
     */
    public <T> T json(Class<T> type) {
        Objects.requireNonNull(type, "type");
        byte[] json = jsonBody();
        try {
            return Json.read(json, type);
        } catch (JsonException e) {
            throw badJson(e);
        }
    }

    /**
     * Reads the body as JSON into a generic type, e.g.
     * {@code request.json(new TypeReference<List<String>>() {})}; as {@link #json(Class)}.
     *
     * @param type the type
     * @param <T>  the result type
     * @return the value
     * @throws HttpException 400, 413 or 415, as for {@link #json(Class)}
     */
    public <T> T json(TypeReference<T> type) {
        Objects.requireNonNull(type, "type");
        byte[] json = jsonBody();
        try {
            return Json.read(json, type);
        } catch (JsonException e) {
            throw badJson(e);
        }
    }

    private byte[] jsonBody() {
        Optional<String> contentType = delegate.headers().first(HeaderNames.CONTENT_TYPE);
        if (contentType.isPresent() && !isJson(contentType.get())) {
            throw new HttpException(415, "expected a JSON body (Content-Type: application/json), got Content-Type: "
                    + clip(contentType.get()));
        }
        byte[] json = body();
        if (json.length == 0) {
            throw HttpException.badRequest("request body is empty; expected JSON");
        }
        return json;
    }

    private static boolean isJson(String contentType) {
        String type = contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        return type.equals("application/json") || (type.startsWith("application/") && type.endsWith("+json"));
    }

    private static HttpException badJson(JsonException e) {
        HttpException bad = HttpException.badRequest("invalid JSON body: " + e.getMessage());
        bad.initCause(e);
        return bad;
    }

    private byte[] readBody() {
        if (!delegate.content().hasEntity()) {
            return new byte[0];
        }
        try (InputStream in = delegate.content().inputStream()) {
            byte[] bytes = in.readNBytes(Math.toIntExact(Math.min(maxBodyBytes + 1, Integer.MAX_VALUE - 8)));
            if (bytes.length > maxBodyBytes) {
                throw new HttpException(413, "request body exceeds the limit of " + maxBodyBytes + " bytes");
            }
            return bytes;
        } catch (IOException e) {
            HttpException unreadable = HttpException.badRequest("the request body could not be read: " + e.getMessage());
            unreadable.initCause(e);
            throw unreadable;
        }
    }

    private static String clip(String value) {
        return value.length() > 60 ? value.substring(0, 57) + "..." : value;
    }

    @Override
    public String toString() {
        return method() + " " + path();
    }
}
