package dev.windjammer.sync;

import java.time.Duration;
import java.util.Iterator;

/**
 * The receiving end of a {@link Channel}. Hand a {@code Receiver} to code that should only
 * consume. Several threads may receive from one channel; each element goes to exactly one of
 * them.
 *
 * <p><b>Iteration.</b> A receiver is {@link Iterable}: a for-each loop receives until the
 * channel is closed and drained, then ends. If the channel was closed with an error, the loop
 * throws {@link ChannelClosedException} caused by that error instead of ending.
 *
 * <pre>{@code
 * for (Job job : jobs) {
 *     run(job);
 * }
 * }</pre>
 *
 * <p><b>Blocking and interruption.</b> {@link #receive()} waits while the channel is empty,
 * parking the thread (a virtual thread releases its carrier). A receive that must wait and finds
 * its thread interrupted throws {@link dev.windjammer.UncheckedInterruptedException} with the
 * interrupt status set, and took no element. If an element was handed to it at the moment the
 * interrupt arrived, the receive returns that element instead and the interrupt status stays set:
 * an element is never lost.
 *
 * <p><b>Memory consistency:</b> actions of a thread before it sends an element happen-before
 * the actions after the receive that returns that element.
 *
 * @param <T> the element type
 */
public sealed interface Receiver<T> extends Iterable<T> permits Channel {

    /**
     * Receives an element, waiting while the channel is empty.
     *
     * @return the element
     * @throws ChannelClosedException if the channel is closed and has no element left (caused
     *         by the error, if it was closed with one)
     * @throws dev.windjammer.UncheckedInterruptedException if the thread is interrupted while
     *         it must wait; no element was taken
     */
    T receive();

    /**
     * Receives an element, waiting at most {@code timeout} while the channel is empty.
     *
     * @param timeout how long to wait at most; zero or negative means do not wait
     * @return the element
     * @throws dev.windjammer.TimedOutException if no element arrived in time
     * @throws ChannelClosedException if the channel is closed and has no element left
     * @throws dev.windjammer.UncheckedInterruptedException if the thread is interrupted while
     *         it must wait; no element was taken
     * @throws NullPointerException if {@code timeout} is {@code null}
     */
    T receive(Duration timeout);

    /**
     * Receives an element if one is available without waiting; never throws for a closed
     * channel.
     *
     * @return {@link Received} with the element, {@link Empty} if none is available now, or
     *         {@link Closed} if the channel is closed and has no element left
     */
    ReceiveResult<T> tryReceive();

    /**
     * Receives an element, waiting while the channel is empty, and reports closure as a value
     * instead of an exception.
     *
     * <pre>{@code
     * while (jobs.receiveOrClosed() instanceof Received<Job>(Job job)) {
     *     run(job);
     * }
     * }</pre>
     *
     * @return {@link Received} with the element, or {@link Closed} if the channel is closed
     *         and has no element left; never {@link Empty}
     * @throws dev.windjammer.UncheckedInterruptedException if the thread is interrupted while
     *         it must wait; no element was taken
     */
    ReceiveResult<T> receiveOrClosed();

    /**
     * Returns whether the channel has been closed for sending; elements sent before may still
     * be waiting to be received.
     *
     * @return whether {@code close()} or {@code closeWithError()} has been called
     */
    boolean isClosed();

    /**
     * Returns an iterator that receives from this channel: {@code hasNext()} waits for an
     * element and returns {@code false} once the channel is closed and drained. The iterator
     * is for one thread; several threads may each iterate the same channel and share its
     * elements.
     *
     * @return a receiving iterator
     * @throws ChannelClosedException from {@code hasNext()} if the channel was closed with an
     *         error
     * @throws dev.windjammer.UncheckedInterruptedException from {@code hasNext()} if the thread
     *         is interrupted while it waits
     */
    @Override
    Iterator<T> iterator();
}
