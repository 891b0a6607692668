package dev.windjammer.io.http;

import java.io.Serial;
import java.util.Objects;

/**
 * Thrown by a {@linkplain Handler handler} to answer with an error status: the server sends
 * {@code {"error": message, "status": status}} as JSON and keeps serving. This is how a handler
 * reports a client's mistake ({@link #badRequest 400}, {@link #notFound 404},
 * {@link #conflict 409}, ...) or a condition such as {@code 503}. The message goes to the client
 * as written, so it should name what was wrong without internal details.
 *
 * <p>Any other exception a handler throws is the server's own fault: the client gets {@code 500}
 * with an error id, and the exception is logged with that id.
 */
public final class HttpException extends RuntimeException {

    @Serial
    private static final long serialVersionUID = 1L;

    private final int status;

    /**
     * Creates the exception.
     *
     * @param status  the status to answer with, 400 to 599
     * @param message what was wrong, sent to the client
     * @throws IllegalArgumentException if {@code status} is not an error status (400 to 599)
     * @throws NullPointerException if {@code message} is {@code null}
     */
    public HttpException(int status, String message) {
        super(Objects.requireNonNull(message, "message"));
        if (status < 400 || status > 599) {
            throw new IllegalArgumentException("an HttpException needs an error status (400 to 599), got " + status);
        }
        this.status = status;
    }

    /**
     * Returns an exception that answers {@code 400 Bad Request}.
     *
     * @param message what was wrong with the request
     * @return the exception, to be thrown
     */
    public static HttpException badRequest(String message) {
        return new HttpException(400, message);
    }

    /**
     * Returns an exception that answers {@code 404 Not Found}.
     *
     * @param message what was not found
     * @return the exception, to be thrown
     */
    public static HttpException notFound(String message) {
        return new HttpException(404, message);
    }

    /**
     * Returns an exception that answers {@code 409 Conflict}.
     *
     * @param message what conflicts
     * @return the exception, to be thrown
     */
    public static HttpException conflict(String message) {
        return new HttpException(409, message);
    }

    /**
     * Returns the status the server answers with.
     *
     * @return the status, 400 to 599
     */
    public int status() {
        return status;
    }
}
