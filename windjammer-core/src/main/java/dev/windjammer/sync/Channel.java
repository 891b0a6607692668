package dev.windjammer.sync;

/**
 * A closable, typed channel between threads, virtual or platform: Rust's
 * {@code crossbeam_channel} and Go's {@code chan}. A channel is both a {@link Sender} and a
 * {@link Receiver}; pass one end where only that is needed. Several senders and several
 * receivers may use one channel at once; each element is received exactly once, in the order
 * the sends took effect.
 *
 * <pre>{@code
 * Channel<Image> uploads = Channel.bounded(16);
 * Threads.spawn(() -> {
 *     for (Image image : uploads) {          // ends when the channel is closed and drained
 *         store.upload(image);
 *     }
 * });
 * uploads.send(image);                       // waits while 16 images are queued
 * uploads.close();
 * }</pre>
 *
 * <table class="striped">
 *   <caption>Flavors</caption>
 *   <thead><tr><th>factory</th><th>{@code send} waits</th><th>engine</th></tr></thead>
 *   <tbody>
 *     <tr><td>{@link #bounded(int) bounded(n)}</td><td>while {@code n} elements are buffered</td>
 *         <td>lock-free ring buffer</td></tr>
 *     <tr><td>{@link #unbounded()}</td><td>never</td><td>lock-free linked queue</td></tr>
 *     <tr><td>{@link #rendezvous()}</td><td>until a receiver takes the element</td>
 *         <td>direct hand-off</td></tr>
 *   </tbody>
 * </table>
 *
 * <p>Elements must not be {@code null}. Blocking methods park the calling thread and never
 * hold a monitor, so virtual threads waiting on a channel release their carriers; operations
 * behave identically on platform and virtual threads. To wait on several channels at once, use
 * {@link Select}.
 *
 * <p>Users cannot implement this interface; the three factories are the only source of
 * channels.
 *
 * @param <T> the element type
 */
public sealed interface Channel<T> extends Sender<T>, Receiver<T> permits AbstractChannel {

    /**
     * Creates a channel that buffers up to {@code capacity} elements; {@code send} waits while
     * it is full. The buffer is allocated at once.
     *
     * @param capacity the number of elements the channel holds, at least 1
     * @param <T>      the element type
     * @return a new open channel
     * @throws IllegalArgumentException if {@code capacity} is less than 1 (use
     *         {@link #rendezvous()} for a channel without buffer) or greater than
     *         {@value BoundedChannel#MAX_CAPACITY}
     */
    static <T> Channel<T> bounded(int capacity) {
        return new BoundedChannel<>(capacity);
    }

    /**
     * Creates a channel without a limit: {@code send} never waits. Memory grows with the
     * elements not yet received, so prefer {@link #bounded(int)} unless the producer is
     * limited otherwise.
     *
     * @param <T> the element type
     * @return a new open channel
     */
    static <T> Channel<T> unbounded() {
        return new UnboundedChannel<>();
    }

    /**
     * Creates a channel without a buffer: {@code send} waits until a receiver takes the element
     * and {@code receive} waits for a sender, so the two meet (Go's unbuffered channel).
     *
     * @param <T> the element type
     * @return a new open channel
     */
    static <T> Channel<T> rendezvous() {
        return new RendezvousChannel<>();
    }
}
