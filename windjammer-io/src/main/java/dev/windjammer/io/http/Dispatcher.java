package dev.windjammer.io.http;

import dev.windjammer.UncheckedInterruptedException;
import io.helidon.http.Header;
import io.helidon.http.HeaderNames;
import io.helidon.http.HeaderValues;
import io.helidon.http.RequestException;
import io.helidon.http.Status;
import io.helidon.webserver.CloseConnectionException;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * The one Helidon handler of an {@link HttpServer}: matches the request against the
 * {@link Router}, runs the route's {@link Handler} and writes its {@link Response}, turning every
 * failure into a JSON error (see {@link JsonErrors}).
 */
final class Dispatcher implements io.helidon.webserver.http.Handler {
    /*
     * Implementation notes
     *
     * Overview. Helidon 4 runs each connection on its own virtual thread and calls handle() on
     * it for each request, so the user's handler runs on a virtual thread and may block. We
     * register this handler for every method and path and route ourselves: Helidon's router
     * answers an unknown method with 404 and has no Allow header, and we want 404 and 405 with
     * JSON bodies; doing it here also keeps the per-request work to one trie walk.
     *
     * Outcomes of a handler, in order: a Response is written as is; an HttpException becomes a
     * JSON error with its status; Helidon's own RequestException (e.g. a chunked body passing the
     * size limit while the handler reads it) is rethrown so that Helidon answers it through
     * JsonErrors and closes the connection; an interruption while the server is closing becomes
     * 503; anything else is our fault: 500 with an error id, the cause logged under that id.
     *
     * Connection: close. RFC 9112 9.6 says a server MUST close the connection after answering
     * a request that carried "Connection: close". Helidon 4.5 sends "Connection: close" but
     * then waits for another request; throwing its CloseConnectionException after the response
     * is written makes it close the socket, as it does at the end of any request stream.
     *
     * HEAD. The router hands HEAD to the GET handler; we send its status and headers with the
     * Content-Length of the body it produced, and no body (RFC 9110 9.3.2).
     */

    private static final Header CONTENT_TYPE_JSON = HeaderValues.create(HeaderNames.CONTENT_TYPE, Response.JSON);
    private static final Header CONTENT_TYPE_TEXT = HeaderValues.create(HeaderNames.CONTENT_TYPE, Response.TEXT);

    private final Router router;
    private final long maxRequestBytes;
    private final BooleanSupplier closing;

    Dispatcher(Router router, long maxRequestBytes, BooleanSupplier closing) {
        this.router = router;
        this.maxRequestBytes = maxRequestBytes;
        this.closing = closing;
    }

    @Override
    public void handle(ServerRequest request, ServerResponse response) {
        String method = request.prologue().method().text();
        Response answer = answer(method, request);
        // A leftover interrupt (Helidon's shutdown, or the handler's own) would make the socket
        // write fail with ClosedByInterruptException and lose the answer; the loop of this
        // connection thread is steered by Helidon's own flags, not by the interrupt status.
        Thread.interrupted();
        write(response, answer, method.equals("HEAD"));
        if (request.headers().containsToken(HeaderValues.CONNECTION_CLOSE)) {
            throw new CloseConnectionException("the client sent Connection: close");
        }
    }

    private Response answer(String method, ServerRequest request) {
        Router.Match match;
        try {
            match = router.match(method, request.path().rawPath());
        } catch (HttpException badPath) {
            return JsonErrors.response(badPath.status(), badPath.getMessage());
        }
        return switch (match) {
            case Router.Found found -> invoke(found, request);
            case Router.NotFound ignored -> JsonErrors.response(404,
                    "no route for " + method + " " + request.path().path());
            case Router.MethodNotAllowed notAllowed -> JsonErrors.response(405,
                            "method " + method + " is not allowed for " + request.path().path()
                                    + "; allowed: " + String.join(", ", notAllowed.allowed()))
                    .withHeader("Allow", String.join(", ", notAllowed.allowed()));
        };
    }

    private Response invoke(Router.Found found, ServerRequest request) {
        Router.Route route = found.route();
        try {
            Response response = route.handler().handle(new Request(request, route, found.values(), maxRequestBytes));
            if (response == null) {
                throw new NullPointerException("the handler of " + route.method() + " " + route.pattern()
                        + " returned null instead of a Response");
            }
            return response;
        } catch (HttpException e) {
            return JsonErrors.response(e.status(), e.getMessage());
        } catch (RequestException e) {
            throw e;
        } catch (Throwable t) {
            if (closing.getAsBoolean() && (t instanceof UncheckedInterruptedException || t instanceof InterruptedException)) {
                return JsonErrors.response(503, "the server is shutting down");
            }
            return JsonErrors.internal(route.method() + " " + route.pattern() + " (" + request.path().path() + ")", t);
        }
    }

    private static void write(ServerResponse out, Response response, boolean head) {
        out.status(Status.create(response.status()));
        for (Map.Entry<String, List<String>> header : response.headers().entrySet()) {
            List<String> values = header.getValue();
            if (values.size() == 1 && header.getKey().equals(Response.CONTENT_TYPE)) {
                out.header(contentType(values.getFirst()));
            } else {
                out.header(HeaderNames.create(header.getKey()), values.toArray(String[]::new));
            }
        }
        byte[] body = response.bodyBytes();
        if (head) {
            out.header(HeaderNames.CONTENT_LENGTH, String.valueOf(body.length));
            out.send();
        } else if (body.length == 0) {
            out.send();
        } else {
            out.send(body);
        }
    }

    private static Header contentType(String value) {
        if (value.equals(Response.JSON)) {
            return CONTENT_TYPE_JSON;
        }
        if (value.equals(Response.TEXT)) {
            return CONTENT_TYPE_TEXT;
        }
        return HeaderValues.create(HeaderNames.CONTENT_TYPE, value);
    }
}
