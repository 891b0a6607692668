package dev.windjammer;

import java.io.Serial;

/**
 * Thrown by a blocking Windjammer call ({@code Task.await()}, {@code JoinHandle.join()},
 * {@code Compute.parallel}, a channel {@code send}/{@code receive} ...) when the calling thread
 * is interrupted while it waits. The thread's interrupt status is set again before this is
 * thrown, so code further up still sees the interruption; {@link #getCause()} is the original
 * {@link InterruptedException}.
 *
 * <p>Where a call started work of its own (the chunks of a {@code parallel}, the tasks of a
 * scope), that work has been cancelled and has finished before this exception is thrown.
 */
public final class UncheckedInterruptedException extends RuntimeException {

    @Serial
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception; callers are expected to have re-asserted the interrupt status.
     *
     * @param message what was being waited for
     * @param cause   the interruption, may be {@code null}
     */
    public UncheckedInterruptedException(String message, InterruptedException cause) {
        super(message, cause);
    }

    /**
     * Re-asserts the current thread's interrupt status and returns an exception for the caller
     * to throw.
     *
     * @param waitingFor what the thread was waiting for, e.g. {@code "task result"}
     * @param cause      the interruption, may be {@code null}
     * @return the exception to throw
     */
    public static UncheckedInterruptedException interrupted(String waitingFor, InterruptedException cause) {
        Thread.currentThread().interrupt();
        return new UncheckedInterruptedException("interrupted while waiting for " + waitingFor, cause);
    }
}
