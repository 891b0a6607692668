package dev.windjammer.sync;

import java.io.Serial;

/**
 * Thrown by a channel operation that cannot succeed because the channel is closed: a
 * {@code send} after {@link Sender#close()} or {@link Sender#closeWithError}, or a
 * {@code receive} on a channel that is closed and has no element left.
 *
 * <p>When the channel was closed with {@link Sender#closeWithError(Throwable)}, the error is
 * this exception's {@link #getCause() cause}; after a plain {@link Sender#close()} there is no
 * cause.
 */
public final class ChannelClosedException extends RuntimeException {

    @Serial
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what failed
     * @param error   the error the channel was closed with, or {@code null}
     */
    public ChannelClosedException(String message, Throwable error) {
        super(message, error);
    }
}
