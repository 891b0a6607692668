package dev.windjammer.sync;

import dev.windjammer.TimedOutException;
import dev.windjammer.UncheckedInterruptedException;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.time.Duration;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.concurrent.locks.ReentrantLock;

/**
 * What the three channel flavors share: the public operations, written once over four
 * non-blocking primitives each flavor implements ({@link #poll}, {@link #offer},
 * {@link #registerReceiver}, {@link #registerSender}), and closing.
 *
 * @param <T> the element type
 */
abstract sealed class AbstractChannel<T> implements Channel<T>
        permits BoundedChannel, UnboundedChannel, RendezvousChannel {
    /*
     * Implementation notes
     *
     * Overview. The design follows crossbeam-channel (Rust): every flavor has a non-blocking
     * try operation and a way to register a blocked operation; the blocking operations and
     * Select are written once on top. A blocked operation is a Waiter with one WaitNode per
     * registration. The buffered flavors keep their elements in lock-free structures (a
     * Vyukov/crossbeam ring, a Michael-Scott list) and use the wait lists only to wake
     * sleepers: a wake-up means "retry". The rendezvous flavor hands elements over directly
     * between a waiting node and its partner under a lock, as crossbeam's zero-capacity
     * flavor and Go's runtime channels do. docs/adr/0020-channel-design.md compares this with
     * the segment-based algorithm of Koval, Alistarh and Elizarov ("Fast and Scalable Channels
     * in Kotlin Coroutines", PPoPP 2023) that jox implements.
     *
     * Blocking protocol (no lost wake-up). A blocked receive (1) tries poll(), spinning a
     * little on a buffered flavor (SpinBudget); (2) registers its node, whose registration
     * re-checks readiness after the node is visible and reports "ready" instead of waiting;
     * (3) waits. A sender (1) publishes its element, then (2)
     * looks at the receivers' WaitList. Both the registration and the publication are
     * sequentially consistent (volatile/CAS), so either the sender sees the node and selects
     * it, or the registration sees the element and does not wait (Dekker). Senders waiting
     * for room are symmetric.
     *
     * Retry after a wake-up. A woken waiter always tries once more; if the retry fails,
     * another thread took the element or the room, so nothing the wake-up stood for is
     * stranded. A waiter that times out or is interrupted has won the CAS against every
     * wake-up, so it consumed none and may leave.
     *
     * Closing. close() first wins the CAS on closeReason (so exactly one close call returns
     * true and the error is decided), then lets the flavor mark itself closed atomically with
     * respect to sends (markClosed); for a plain close that mark is the linearization point.
     * A close with an error must stop receivers too, and the buffered flavors keep sends and
     * receives on different words (tail, head), so it sets a second, receive-side mark
     * (markFailed) and that one is the linearization point. Any operation that sees the first
     * mark of an error close helps set the second before it reports the closure (helpClose),
     * so that nothing reports "closed" before the close took effect; Lincheck found the
     * version without this. Losing close calls mark too before returning false. Then every
     * waiter is woken to retry and see the closure.
     *
     * Interruption. Waiter resolves interrupt against selection with one CAS; see Waiter.
     */

    /** {@link #poll()}: nothing to receive now. */
    static final Object EMPTY = new Marker("EMPTY");
    /** {@link #poll()}: closed, and nothing left to receive. */
    static final Object CLOSED = new Marker("CLOSED");
    /** Returned by the slow paths when a timed wait ran out. */
    static final Object TIMED_OUT = new Marker("TIMED_OUT");
    /** {@link #receiveOrRegister}: the node is registered, wait. */
    static final Object REGISTERED = new Marker("REGISTERED");

    /** {@link #offer}: the element was sent. */
    static final int SENT = 0;
    /** {@link #offer}: no room (no waiting receiver, for a rendezvous channel). */
    static final int FULL = 1;
    /** {@link #offer}: the channel is closed. */
    static final int CLOSED_FOR_SEND = 2;
    /** {@link #sendOrRegister}: the node is registered, wait. */
    static final int SEND_REGISTERED = 3;

    private static final Object DONE = new Marker("DONE");
    private static final VarHandle CLOSE_REASON;

    static {
        try {
            CLOSE_REASON = MethodHandles.lookup().findVarHandle(AbstractChannel.class, "closeReason", Object.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** Guards {@link #senders}, {@link #receivers} and, for a rendezvous channel, everything. */
    final ReentrantLock lock = new ReentrantLock();
    final WaitList senders = new WaitList();
    final WaitList receivers = new WaitList();

    /** How long waiters on this channel spin before they park. */
    final SpinBudget spinBudget = new SpinBudget();

    /** {@code null} while open; {@code DONE} or the error once a close call has won. */
    private volatile Object closeReason;

    // ---- the primitives of a flavor ----

    /** Takes an element without waiting: the element, {@link #EMPTY} or {@link #CLOSED}. */
    abstract Object poll();

    /** Sends without waiting: {@link #SENT}, {@link #FULL} or {@link #CLOSED_FOR_SEND}. */
    abstract int offer(T element);

    /**
     * Registers a blocked receive. Returns {@code true}, without registering, if a receive
     * could now succeed or fail without waiting (so the caller retries instead of waiting).
     */
    abstract boolean registerReceiver(WaitNode node);

    /** Registers a blocked send; like {@link #registerReceiver}. */
    abstract boolean registerSender(WaitNode node);

    /**
     * Whether elements pass directly from a waiting node to its partner (rendezvous) rather
     * than through a buffer. A hand-off flavor completes plain blocking operations in
     * {@link #receiveOrRegister}/{@link #sendOrRegister} and spins, once registered, for a
     * partner to select it; a buffered flavor spins retrying the operation before it registers
     * (room or an element appears without anyone acting on the waiter) and then parks.
     */
    abstract boolean handsOff();

    /**
     * For a plain blocking receive (not a select): receives now if possible, else registers
     * {@code node}. The default registers, and retries when the registration finds the channel
     * ready.
     *
     * @return the element, {@link #CLOSED}, {@link #REGISTERED}, or {@link #EMPTY} to retry
     */
    Object receiveOrRegister(WaitNode node) {
        return registerReceiver(node) ? poll() : REGISTERED;
    }

    /**
     * For a plain blocking send: sends now if possible, else registers {@code node} (whose
     * item is the element); like {@link #receiveOrRegister}.
     *
     * @return {@link #SENT}, {@link #CLOSED_FOR_SEND}, {@link #SEND_REGISTERED}, or {@link #FULL}
     *         to retry
     */
    @SuppressWarnings("unchecked")
    int sendOrRegister(WaitNode node) {
        return registerSender(node) ? offer((T) node.item) : SEND_REGISTERED;
    }

    /** Marks the channel closed for sending, atomically with respect to sends; idempotent. */
    abstract void markClosed();

    /**
     * After {@link #markClosed()}, for a close with an error: marks the channel closed for
     * receiving, atomically with respect to receives, and drops the buffered elements;
     * idempotent.
     */
    abstract void markFailed();

    @Override
    public abstract boolean isClosed();

    // ---- shared by the flavors ----

    /**
     * Called by an operation that saw the send-side close mark: if the close was with an
     * error, completes it (sets the receive-side mark) before the operation reports the closure,
     * so that no operation reports it before the close's linearization point.
     */
    final void helpClose() {
        if (closeReason instanceof Throwable) {
            markFailed();
        }
    }

    final void unregister(WaitNode node, WaitList list) {
        if (node.linked) {
            lock.lock();
            try {
                list.remove(node);
            } finally {
                lock.unlock();
            }
        }
    }

    /** Wakes the first waiting receiver, if any, to retry: something to receive appeared. */
    final void wakeReceiver() {
        wakeOne(receivers);
    }

    /** Wakes the first waiting sender, if any, to retry: room appeared. */
    final void wakeSender() {
        wakeOne(senders);
    }

    private void wakeOne(WaitList list) {
        if (list.isEmpty()) {
            return;
        }
        WaitNode woken;
        lock.lock();
        try {
            woken = list.selectFirst();
        } finally {
            lock.unlock();
        }
        if (woken != null) {
            woken.waiter.wake();
        }
    }

    // ---- Sender ----

    @Override
    public final void send(T element) {
        Objects.requireNonNull(element, "element");
        if (handsOff() || offer(element) != SENT) {
            sendSlow(element, false, 0L, null);
        }
    }

    @Override
    public final void send(T element, Duration timeout) {
        Objects.requireNonNull(element, "element");
        Objects.requireNonNull(timeout, "timeout");
        if (handsOff() || offer(element) != SENT) {
            sendSlow(element, true, deadline(timeout), timeout);
        }
    }

    @Override
    public final boolean trySend(T element) {
        Objects.requireNonNull(element, "element");
        int result = offer(element);
        if (result == CLOSED_FOR_SEND) {
            throw closedForSend();
        }
        return result == SENT;
    }

    /** A send that did not succeed at once: spin, register, wait, retry; see the notes above. */
    private void sendSlow(T element, boolean timed, long deadline, Duration timeout) {
        int result = handsOff() ? FULL : spinOffer(element);
        while (true) {
            if (result == SENT) {
                return;
            }
            if (result == CLOSED_FOR_SEND) {
                throw closedForSend();
            }
            if (timed && deadline - System.nanoTime() <= 0) {
                result = offer(element); // even a zero timeout tries once
                if (result == FULL) {
                    throw new TimedOutException("room in " + this, timeout);
                }
                continue;
            }
            Waiter waiter = new Waiter();
            WaitNode node = new WaitNode(waiter, 0, element);
            result = sendOrRegister(node);
            if (result != SEND_REGISTERED) {
                continue; // sent, closed, or no room after all (FULL: register again)
            }
            WaitNode selected = handsOff() ? spinBudget.await(waiter, timed, deadline)
                    : waiter.park(timed, deadline);
            if (selected == node) {
                if (node.completed) {
                    return; // a receiver took the element from the node
                }
                result = offer(element); // woken to retry
                continue;
            }
            unregister(node, senders);
            if (selected == Waiter.INTERRUPTED) {
                throw UncheckedInterruptedException.interrupted("room in " + this, null);
            }
            throw new TimedOutException("room in " + this, timeout);
        }
    }

    /** Retries a send that found no room, spinning within the budget; FULL if still no room. */
    private int spinOffer(T element) {
        int budget = spinBudget.current();
        for (int i = 0; i < budget; i++) {
            Thread.onSpinWait();
            int result = offer(element);
            if (result != FULL) {
                spinBudget.succeeded(budget);
                return result;
            }
        }
        if (budget > 0) {
            spinBudget.failed(budget);
        }
        return FULL;
    }

    /** Retries a receive that found nothing, spinning within the budget; EMPTY if still nothing. */
    private Object spinPoll() {
        int budget = spinBudget.current();
        for (int i = 0; i < budget; i++) {
            Thread.onSpinWait();
            Object result = poll();
            if (result != EMPTY) {
                spinBudget.succeeded(budget);
                return result;
            }
        }
        if (budget > 0) {
            spinBudget.failed(budget);
        }
        return EMPTY;
    }

    @Override
    public final boolean close() {
        return closeWith(DONE);
    }

    @Override
    public final boolean closeWithError(Throwable error) {
        Objects.requireNonNull(error, "error");
        return closeWith(error);
    }

    private boolean closeWith(Object reason) {
        boolean won = CLOSE_REASON.compareAndSet(this, null, reason);
        markClosed(); // the loser too: the winner may not have marked yet, be closed when we say so
        helpClose();
        if (!won) {
            return false;
        }
        WaitNode[] woken;
        lock.lock();
        try {
            WaitNode[] sending = senders.selectAll();
            WaitNode[] receiving = receivers.selectAll();
            woken = new WaitNode[sending.length + receiving.length];
            System.arraycopy(sending, 0, woken, 0, sending.length);
            System.arraycopy(receiving, 0, woken, sending.length, receiving.length);
        } finally {
            lock.unlock();
        }
        for (WaitNode node : woken) {
            node.waiter.wake();
        }
        return true;
    }

    // ---- Receiver ----

    @Override
    public final T receive() {
        return element(receiveRaw(false, 0L), null);
    }

    @Override
    public final T receive(Duration timeout) {
        Objects.requireNonNull(timeout, "timeout");
        return element(receiveRaw(true, deadline(timeout)), timeout);
    }

    @Override
    public final ReceiveResult<T> tryReceive() {
        Object result = poll();
        return result == EMPTY ? Empty.instance() : outcome(result);
    }

    @Override
    public final ReceiveResult<T> receiveOrClosed() {
        return outcome(receiveRaw(false, 0L));
    }

    @Override
    public final Iterator<T> iterator() {
        return new ReceivingIterator();
    }

    /** Receives, waiting as told: the element, {@link #CLOSED} or {@link #TIMED_OUT}. */
    final Object receiveRaw(boolean timed, long deadline) {
        if (!handsOff()) {
            Object result = poll();
            if (result != EMPTY) {
                return result;
            }
        }
        return receiveSlow(timed, deadline);
    }

    /** A receive that did not succeed at once: spin, register, wait, retry; see the notes above. */
    private Object receiveSlow(boolean timed, long deadline) {
        Object result = handsOff() ? EMPTY : spinPoll();
        while (true) {
            if (result != EMPTY) {
                return result;
            }
            if (timed && deadline - System.nanoTime() <= 0) {
                result = poll(); // even a zero timeout tries once
                return result == EMPTY ? TIMED_OUT : result;
            }
            Waiter waiter = new Waiter();
            WaitNode node = new WaitNode(waiter, 0, null);
            result = receiveOrRegister(node);
            if (result != REGISTERED) {
                continue; // received, closed, or nothing after all (EMPTY: register again)
            }
            WaitNode selected = handsOff() ? spinBudget.await(waiter, timed, deadline)
                    : waiter.park(timed, deadline);
            if (selected == node) {
                if (node.completed) {
                    return node.item; // a sender handed the element over
                }
                result = poll(); // woken to retry
                continue;
            }
            unregister(node, receivers);
            if (selected == Waiter.INTERRUPTED) {
                throw UncheckedInterruptedException.interrupted("an element of " + this, null);
            }
            return TIMED_OUT;
        }
    }

    @SuppressWarnings("unchecked")
    private T element(Object result, Duration timeout) {
        if (result == CLOSED) {
            throw closedForReceive();
        }
        if (result == TIMED_OUT) {
            throw new TimedOutException("an element of " + this, timeout);
        }
        return (T) result;
    }

    @SuppressWarnings("unchecked")
    final ReceiveResult<T> outcome(Object result) {
        if (result == CLOSED) {
            return closeReason instanceof Throwable error ? new Closed<>(error) : Closed.done();
        }
        return new Received<>((T) result);
    }

    final ChannelClosedException closedForSend() {
        Throwable error = closeReason instanceof Throwable t ? t : null;
        return new ChannelClosedException("cannot send: " + this + " is closed"
                + (error == null ? "" : " with error " + error), error);
    }

    final ChannelClosedException closedForReceive() {
        Throwable error = closeReason instanceof Throwable t ? t : null;
        return new ChannelClosedException("cannot receive: " + this + " is closed"
                + (error == null ? " and drained" : " with error " + error), error);
    }

    /**
     * Returns the {@link System#nanoTime()} at which a wait of {@code timeout} ends. Compare
     * with {@code deadline - System.nanoTime() <= 0}: the subtraction wraps correctly even when
     * the sum overflowed, for any timeout up to {@code Long.MAX_VALUE} nanoseconds.
     */
    static long deadline(Duration timeout) {
        long nanos;
        try {
            nanos = timeout.toNanos();
        } catch (ArithmeticException overflow) {
            nanos = timeout.isNegative() ? 0 : Long.MAX_VALUE;
        }
        return System.nanoTime() + Math.max(nanos, 0);
    }

    /** A for-each loop over a channel: receives until closed and drained. */
    private final class ReceivingIterator implements Iterator<T> {
        private Object next;
        private boolean drained;

        @Override
        public boolean hasNext() {
            if (next != null) {
                return true;
            }
            if (drained) {
                return false;
            }
            Object result = receiveRaw(false, 0L);
            if (result == CLOSED) {
                if (closeReason instanceof Throwable) {
                    throw closedForReceive();
                }
                drained = true;
                return false;
            }
            next = result;
            return true;
        }

        @Override
        @SuppressWarnings("unchecked")
        public T next() {
            if (!hasNext()) {
                throw new NoSuchElementException(AbstractChannel.this + " is closed and drained");
            }
            T element = (T) next;
            next = null;
            return element;
        }
    }

    /** A named sentinel, distinct from every user element. */
    private record Marker(String name) {
        @Override
        public String toString() {
            return name;
        }
    }
}
