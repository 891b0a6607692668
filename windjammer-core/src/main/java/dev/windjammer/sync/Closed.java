package dev.windjammer.sync;

/**
 * The channel is closed and no element is left to receive: after {@link Sender#close()} once
 * the buffered elements are drained, at once after {@link Sender#closeWithError(Throwable)}.
 *
 * @param error the error the channel was closed with, or {@code null} after a plain
 *              {@link Sender#close()}
 * @param <T>   the element type
 */
public record Closed<T>(Throwable error) implements ReceiveResult<T> {

    private static final Closed<?> DONE = new Closed<>(null);

    /**
     * Returns the outcome of a channel closed by {@link Sender#close()}.
     *
     * @param <T> the element type
     * @return the shared instance without error
     */
    @SuppressWarnings("unchecked")
    public static <T> Closed<T> done() {
        return (Closed<T>) DONE;
    }

    /**
     * Returns the exception that {@link Receiver#receive()} throws for this outcome.
     *
     * @return a new exception, with {@link #error()} as its cause
     */
    public ChannelClosedException toException() {
        return new ChannelClosedException(error == null ? "channel is closed"
                : "channel is closed with error " + error, error);
    }
}
