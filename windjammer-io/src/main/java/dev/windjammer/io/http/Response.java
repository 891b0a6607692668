package dev.windjammer.io.http;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.windjammer.io.json.Json;
import dev.windjammer.io.json.JsonException;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * An HTTP response: a status, headers and a body held in memory. Immutable and thread-safe.
 *
 * <p>The same type travels both ways. A server {@linkplain Handler handler} returns one, usually
 * made by {@link Http#json(Object) Http.json(..)} or {@link Http#text(String) Http.text(..)};
 * the {@linkplain HttpClient client} returns one for every request that got an answer, whatever
 * its status — call {@link #expectSuccess()} to turn a non-2xx status into an exception.
 *
 * <p>Header names are case-insensitive. The body is never {@code null} (an empty array when there
 * is none).
 */
public final class Response {

    static final String CONTENT_TYPE = "Content-Type";
    static final String JSON = "application/json";
    static final String TEXT = "text/plain; charset=UTF-8";

    private static final byte[] EMPTY = new byte[0];
    private static final Map<String, List<String>> NO_HEADERS = Collections.unmodifiableMap(caseInsensitive());
    private static final Map<String, List<String>> JSON_HEADERS = contentTypeOnly(JSON);
    private static final Map<String, List<String>> TEXT_HEADERS = contentTypeOnly(TEXT);

    private final int status;
    private final Map<String, List<String>> headers;
    private final byte[] body;
    private final String origin;

    Response(int status, Map<String, List<String>> headers, byte[] body, String origin) {
        this.status = status;
        this.headers = headers;
        this.body = body;
        this.origin = origin;
    }

    /**
     * Returns a response with the given status, content type and body.
     *
     * @param status      the status code, 100 to 599
     * @param contentType the {@code Content-Type}, or {@code null} for none
     * @param body        the body; copied
     * @return the response
     * @throws IllegalArgumentException if {@code status} is outside 100 to 599
     * @throws NullPointerException if {@code body} is {@code null}
     */
    public static Response of(int status, String contentType, byte[] body) {
        Objects.requireNonNull(body, "body");
        return create(status, contentType, body.clone());
    }

    /**
     * Returns a response with the given status and no body, e.g. {@code Response.status(204)}.
     *
     * @param status the status code, 100 to 599
     * @return the response
     * @throws IllegalArgumentException if {@code status} is outside 100 to 599
     */
    public static Response status(int status) {
        return create(status, null, EMPTY);
    }

    /** Makes a response owning {@code body} (not copied); the factories of {@link Http} use this. */
    static Response create(int status, String contentType, byte[] body) {
        checkStatus(status);
        Map<String, List<String>> headers;
        if (contentType == null) {
            headers = NO_HEADERS;
        } else if (JSON.equals(contentType)) {
            headers = JSON_HEADERS;
        } else if (TEXT.equals(contentType)) {
            headers = TEXT_HEADERS;
        } else {
            headers = contentTypeOnly(contentType);
        }
        return new Response(status, headers, body, null);
    }

    static void checkStatus(int status) {
        if (status < 100 || status > 599) {
            throw new IllegalArgumentException("HTTP status must be within 100 to 599, got " + status);
        }
    }

    /**
     * Returns a copy of this response with one more header value.
     *
     * @param name  the header name
     * @param value the value, added after any values the header already has
     * @return the new response
     * @throws IllegalArgumentException if the name or value is not a legal HTTP header token or
     *         contains a line break
     * @throws NullPointerException if an argument is {@code null}
     */
    public Response withHeader(String name, String value) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
        checkHeader(name, value);
        TreeMap<String, List<String>> copy = caseInsensitive();
        headers.forEach((k, v) -> copy.put(k, new ArrayList<>(v)));
        copy.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
        copy.replaceAll((k, v) -> List.copyOf(v));
        return new Response(status, Collections.unmodifiableMap(copy), body, origin);
    }

    private static void checkHeader(String name, String value) {
        if (name.isEmpty()) {
            throw new IllegalArgumentException("header name must not be empty");
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c <= ' ' || c >= 127 || "\"(),/:;<=>?@[\\]{}".indexOf(c) >= 0) {
                throw new IllegalArgumentException("illegal character in header name \"" + name + "\"");
            }
        }
        if (value.indexOf('\r') >= 0 || value.indexOf('\n') >= 0) {
            throw new IllegalArgumentException("header value of " + name + " contains a line break");
        }
    }

    /**
     * Returns the status code.
     *
     * @return the status, 100 to 599
     */
    public int status() {
        return status;
    }

    /**
     * Returns whether the status is a success (200 to 299).
     *
     * @return {@code true} for a 2xx status
     */
    public boolean isSuccess() {
        return status >= 200 && status <= 299;
    }

    /**
     * Returns this response if its status is a success (2xx), otherwise throws.
     *
     * @return this response
     * @throws UnexpectedStatusException if the status is not 2xx; its message names the request
     *         (for a client response), the status and the start of the body
     */
    public Response expectSuccess() {
        if (!isSuccess()) {
            throw new UnexpectedStatusException(this);
        }
        return this;
    }

    /**
     * Returns the first value of a header.
     *
     * @param name the header name, any case
     * @return the value, or empty if the header is absent
     */
    public Optional<String> header(String name) {
        List<String> values = headers.get(Objects.requireNonNull(name, "name"));
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.getFirst());
    }

    /**
     * Returns all headers, names case-insensitive, in an unmodifiable map.
     *
     * @return the headers
     */
    public Map<String, List<String>> headers() {
        return headers;
    }

    /**
     * Returns the {@code Content-Type} header.
     *
     * @return the media type with its parameters, or empty if the header is absent
     */
    public Optional<String> contentType() {
        return header(CONTENT_TYPE);
    }

    /**
     * Returns a copy of the body.
     *
     * @return the body bytes, empty if there is no body
     */
    public byte[] body() {
        return body.clone();
    }

    /**
     * Returns the body as a stream over the response's own bytes, without copying them (for
     * large bodies, such as images handed to {@code ImageIO.read}).
     *
     * @return a new stream positioned at the start of the body
     */
    public InputStream bodyStream() {
        return new ByteArrayInputStream(body);
    }

    /**
     * Returns the length of the body.
     *
     * @return the number of body bytes
     */
    public int bodyLength() {
        return body.length;
    }

    /**
     * Returns the body as text, decoded with the charset named in {@code Content-Type}, UTF-8 if
     * none is named or the name is unknown.
     *
     * @return the body text
     */
    public String text() {
        return new String(body, charset());
    }

    /**
     * Reads the body as JSON into a {@code type}, strictly (see {@link Json}).
     *
     * @param type the type, e.g. a record class
     * @param <T>  the result type
     * @return the value
     * @throws JsonException if the body is not JSON of that shape
     * @throws IllegalArgumentException if {@code type} cannot be bound from JSON
     */
    public <T> T json(Class<T> type) {
        return Json.read(body, type);
    }

    /**
     * Reads the body as JSON into a generic type, e.g.
     * {@code response.json(new TypeReference<List<Post>>() {})}.
     *
     * @param type the type
     * @param <T>  the result type
     * @return the value
     * @throws JsonException if the body is not JSON of that shape
     * @throws IllegalArgumentException if {@code type} cannot be bound from JSON
     */
    public <T> T json(TypeReference<T> type) {
        return Json.read(body, type);
    }

    /** The body itself, not copied: for the server to write it out. */
    byte[] bodyBytes() {
        return body;
    }

    /** The request this response answers ({@code "GET http://..."}), or {@code null} if made locally. */
    String origin() {
        return origin;
    }

    private Charset charset() {
        String type = contentType().orElse("");
        for (String parameter : type.split(";")) {
            String trimmed = parameter.trim();
            if (trimmed.regionMatches(true, 0, "charset=", 0, 8)) {
                String name = trimmed.substring(8).replace("\"", "").trim();
                try {
                    return Charset.forName(name);
                } catch (IllegalCharsetNameException | UnsupportedCharsetException unknown) {
                    return StandardCharsets.UTF_8;
                }
            }
        }
        return StandardCharsets.UTF_8;
    }

    @Override
    public String toString() {
        return (origin == null ? "" : origin + " -> ") + status + " (" + body.length + " bytes"
                + contentType().map(type -> ", " + type).orElse("") + ")";
    }

    static TreeMap<String, List<String>> caseInsensitive() {
        return new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    }

    private static Map<String, List<String>> contentTypeOnly(String contentType) {
        TreeMap<String, List<String>> map = caseInsensitive();
        map.put(CONTENT_TYPE, List.of(contentType));
        return Collections.unmodifiableMap(map);
    }

    /** Excerpt of the body for error messages: text-like bodies only, at most 200 characters. */
    String bodyExcerpt() {
        String type = contentType().orElse("");
        boolean textual = type.startsWith("text/") || type.contains("json") || type.contains("xml");
        if (!textual || body.length == 0) {
            return "";
        }
        String text = new String(Arrays.copyOf(body, Math.min(body.length, 800)), charset()).strip();
        return text.length() > 200 ? text.substring(0, 197) + "..." : text;
    }
}
