package dev.windjammer.io.http;

import java.io.Serial;

/**
 * Thrown by {@link Response#expectSuccess()} when a response's status is not 2xx. The message
 * names the request (for a response the {@link HttpClient} received), the status and the start
 * of a textual body, e.g. {@code GET http://127.0.0.1:8080/users/7 answered 404: {"error":...}}.
 */
public final class UnexpectedStatusException extends RuntimeException {

    @Serial
    private static final long serialVersionUID = 1L;

    private final transient Response response;

    UnexpectedStatusException(Response response) {
        super(describe(response));
        this.response = response;
    }

    private static String describe(Response response) {
        String who = response.origin() == null ? "response" : response.origin();
        String excerpt = response.bodyExcerpt();
        return who + " answered " + response.status() + (excerpt.isEmpty() ? "" : ": " + excerpt);
    }

    /**
     * Returns the response that had the unexpected status.
     *
     * @return the response, with its headers and body
     */
    public Response response() {
        return response;
    }

    /**
     * Returns the unexpected status.
     *
     * @return the status code
     */
    public int status() {
        return response.status();
    }
}
