package dev.windjammer.compute.spi;

import java.io.Serial;

/**
 * Thrown by {@link ComputeBackend#map} when the backend itself cannot finish a batch (server
 * unreachable, cluster member lost, job time limit reached), as opposed to a failure of the
 * user's function. The pool then gives the batch's pending items to the next backend of its
 * chain; the caller of {@code parallel} never sees this exception.
 */
public final class BackendUnavailableException extends RuntimeException {

    @Serial
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what went wrong, for the pool's log
     * @param cause   the underlying failure, may be {@code null}
     */
    public BackendUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
