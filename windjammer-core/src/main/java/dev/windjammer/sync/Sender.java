package dev.windjammer.sync;

import java.time.Duration;

/**
 * The sending end of a {@link Channel}. Hand a {@code Sender} to code that should only
 * produce: it cannot take elements out.
 *
 * <p><b>Blocking.</b> {@link #send(Object)} waits while the channel is full (for a rendezvous
 * channel: until a receiver takes the element). Waiting parks the thread; a virtual thread
 * releases its carrier.
 *
 * <p><b>Interruption.</b> A send that must wait and finds its thread interrupted, before or
 * while waiting, throws {@link dev.windjammer.UncheckedInterruptedException} with the interrupt
 * status set, and the element was <em>not</em> sent. If a receiver took the element at the
 * moment the interrupt arrived, the send returns normally instead and the interrupt status
 * stays set: an element is never both delivered and reported as not sent. A send that need not
 * wait ignores the interrupt status.
 *
 * <p><b>Closing.</b> After {@link #close()} or {@link #closeWithError(Throwable)} every send
 * fails with {@link ChannelClosedException}, including sends that were waiting (their elements
 * were not sent). Elements sent before {@code close()} are still delivered.
 *
 * <p><b>Memory consistency:</b> actions of a thread before it sends an element happen-before
 * the actions after the receive that returns that element.
 *
 * @param <T> the element type
 */
public sealed interface Sender<T> permits Channel {

    /**
     * Sends {@code element}, waiting while the channel is full.
     *
     * @param element the element
     * @throws ChannelClosedException if the channel is closed, or is closed while waiting
     * @throws dev.windjammer.UncheckedInterruptedException if the thread is interrupted while
     *         it must wait; the element was not sent
     * @throws NullPointerException if {@code element} is {@code null}
     */
    void send(T element);

    /**
     * Sends {@code element}, waiting at most {@code timeout} while the channel is full.
     *
     * @param element the element
     * @param timeout how long to wait at most; zero or negative means do not wait
     * @throws dev.windjammer.TimedOutException if the element could not be sent in time; it
     *         was not sent
     * @throws ChannelClosedException if the channel is closed, or is closed while waiting
     * @throws dev.windjammer.UncheckedInterruptedException if the thread is interrupted while
     *         it must wait; the element was not sent
     * @throws NullPointerException if an argument is {@code null}
     */
    void send(T element, Duration timeout);

    /**
     * Sends {@code element} if that is possible without waiting: there is room in the buffer,
     * or, for a rendezvous channel, a receiver is waiting.
     *
     * @param element the element
     * @return {@code true} if sent, {@code false} if the channel is full
     * @throws ChannelClosedException if the channel is closed
     * @throws NullPointerException if {@code element} is {@code null}
     */
    boolean trySend(T element);

    /**
     * Closes the channel for sending: later sends fail, waiting senders fail, and receivers
     * get the elements already sent and then {@link ChannelClosedException} (a for-each loop
     * ends). Closing a closed channel has no effect.
     *
     * @return {@code true} if this call closed the channel, {@code false} if it was closed
     */
    boolean close();

    /**
     * Closes the channel because of {@code error}: sends and receives fail at once with a
     * {@link ChannelClosedException} caused by {@code error}, waiting ones included, and the
     * elements still buffered are dropped. Use it to pass a producer's failure to its
     * consumers. Closing a closed channel has no effect.
     *
     * @param error why the channel is closed
     * @return {@code true} if this call closed the channel, {@code false} if it was closed
     * @throws NullPointerException if {@code error} is {@code null}
     */
    boolean closeWithError(Throwable error);

    /**
     * Returns whether {@link #close()} or {@link #closeWithError(Throwable)} has been called;
     * once {@code true}, no send succeeds.
     *
     * @return whether the channel is closed for sending
     */
    boolean isClosed();
}
