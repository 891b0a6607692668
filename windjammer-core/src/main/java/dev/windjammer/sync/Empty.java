package dev.windjammer.sync;

/**
 * Nothing could be received without waiting: the channel is open but holds no element (for a
 * rendezvous channel: no sender is waiting). Returned by {@link Receiver#tryReceive()} only.
 *
 * @param <T> the element type
 */
public record Empty<T>() implements ReceiveResult<T> {

    private static final Empty<?> INSTANCE = new Empty<>();

    /**
     * Returns the shared instance (all instances are equal).
     *
     * @param <T> the element type
     * @return the outcome
     */
    @SuppressWarnings("unchecked")
    public static <T> Empty<T> instance() {
        return (Empty<T>) INSTANCE;
    }
}
