package dev.windjammer.io.http;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.windjammer.io.json.Json;
import io.helidon.http.DirectHandler;
import io.helidon.http.HeaderNames;
import io.helidon.http.RequestException;
import io.helidon.http.ServerResponseHeaders;
import io.helidon.http.Status;

import java.lang.System.Logger.Level;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Every error the server sends, in one shape: {@code {"error": "...", "status": N}}, plus an
 * {@code "id"} for a 500 whose cause is logged under that id. Used for the errors our dispatcher
 * answers and, as a Helidon {@link DirectHandler}, for the ones Helidon answers before a request
 * reaches routing (malformed HTTP, headers too large, a body whose {@code Content-Length} is over
 * the limit).
 */
final class JsonErrors implements DirectHandler {
    /*
     * Implementation notes
     *
     * Overview. Helidon reports connection-level failures (a RequestException) through the
     * DirectHandler of the event type, with the status it chose and, because the server enables
     * ErrorHandling.includeEntity, the exception's message when Helidon marked it safe to show
     * (Helidon HTML-encodes request data it echoes in such messages). Unsafe messages and
     * internal errors never reach the client: a 500 gets a fixed text and, where we hold the
     * cause, an id under which the cause is logged at ERROR. Helidon reports failures before
     * routing (including a client hanging up in the middle of its headers, which Helidon counts
     * as an internal error) through the variant without a Throwable and logs the cause itself;
     * those get the fixed text only.
     */

    static final System.Logger LOG = System.getLogger(HttpServer.class.getName());

    private final long maxRequestBytes;

    JsonErrors(long maxRequestBytes) {
        this.maxRequestBytes = maxRequestBytes;
    }

    /** An error response with a message for the client. */
    static Response response(int status, String message) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.put("error", message);
        body.put("status", status);
        return Response.create(status, Response.JSON, Json.write(body));
    }

    /** A 500 response for a failure of ours, logged with the id the client sees. */
    static Response internal(String what, Throwable cause) {
        String id = newErrorId();
        LOG.log(Level.ERROR, () -> what + " failed with error id " + id, cause);
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.put("error", "internal server error; error id " + id);
        body.put("status", 500);
        body.put("id", id);
        return Response.create(500, Response.JSON, Json.write(body));
    }

    private static String newErrorId() {
        return String.format(Locale.ROOT, "%016x", ThreadLocalRandom.current().nextLong());
    }

    @Override
    public TransportResponse handle(TransportRequest request, EventType eventType, Status defaultStatus,
                                    ServerResponseHeaders responseHeaders, Throwable thrown, System.Logger logger) {
        if (defaultStatus.code() >= 500) {
            return transport(internal("request " + describe(request), thrown), responseHeaders);
        }
        String message = thrown instanceof RequestException e && e.safeMessage() ? e.getMessage() : null;
        return handle(request, eventType, defaultStatus, responseHeaders, message);
    }

    @Override
    public TransportResponse handle(TransportRequest request, EventType eventType, Status defaultStatus,
                                    ServerResponseHeaders responseHeaders, String message) {
        int status = defaultStatus.code();
        if (status >= 500) {
            // Helidon calls this variant for failures before routing and logs the cause itself
            // (logger io.helidon.webserver.http1.Http1Connection); we have no cause to log.
            return transport(response(status, defaultStatus.reasonPhrase().toLowerCase(Locale.ROOT)), responseHeaders);
        }
        return transport(response(status, explain(status, defaultStatus, message)), responseHeaders);
    }

    private String explain(int status, Status defaultStatus, String message) {
        if (status == 413) {
            return "request body exceeds the limit of " + maxRequestBytes + " bytes";
        }
        if (message == null || message.isBlank() || message.startsWith("Bad request, see server log")) {
            return defaultStatus.reasonPhrase().toLowerCase(Locale.ROOT);
        }
        return message;
    }

    private static TransportResponse transport(Response response, ServerResponseHeaders headers) {
        headers.set(HeaderNames.CONTENT_TYPE, Response.JSON);
        return TransportResponse.builder()
                .status(Status.create(response.status()))
                .headers(headers)
                .entity(response.bodyBytes())
                .build();
    }

    private static String describe(TransportRequest request) {
        return request.method() + " " + request.path();
    }
}
