package dev.windjammer;

import java.io.Serial;
import java.time.Duration;

/**
 * Thrown when a bounded wait of a Windjammer call ran out before the awaited outcome was there:
 * {@code Task.await(Duration)}, {@code JoinHandle.join(Duration)}, {@code Async.timeout}.
 * Unchecked, unlike {@link java.util.concurrent.TimeoutException}, so that the calls declare no
 * checked exceptions. The documentation of each call states what happens to the awaited work
 * (a plain {@code await(Duration)} leaves it running; {@code Async.timeout} cancels it).
 */
public final class TimedOutException extends RuntimeException {

    @Serial
    private static final long serialVersionUID = 1L;

    private final transient Duration timeout;

    /**
     * Creates the exception.
     *
     * @param what    what was awaited, e.g. {@code "task result"}
     * @param timeout the limit that was exceeded
     */
    public TimedOutException(String what, Duration timeout) {
        super(what + " not available within " + timeout);
        this.timeout = timeout;
    }

    /**
     * Returns the limit that was exceeded.
     *
     * @return the timeout given to the call
     */
    public Duration timeout() {
        return timeout;
    }
}
