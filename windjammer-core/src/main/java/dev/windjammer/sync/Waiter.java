package dev.windjammer.sync;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.locks.LockSupport;

/**
 * A thread blocked in one channel operation or in one {@link Select}: crossbeam-channel's
 * {@code Context}. It is registered in one or more channels' {@link WaitList}s through
 * {@link WaitNode}s; whoever wins the CAS on {@link #selected} decides how the wait ends.
 */
final class Waiter {
    /*
     * Implementation notes
     *
     * Overview. `selected` starts null. Exactly one CAS moves it away from null, to:
     *  - a WaitNode of this waiter: a channel chose that registration, either completing it
     *    (a rendezvous hand-off, node.completed) or telling the waiter to retry it (space or an
     *    element appeared in a buffered channel, or the channel closed);
     *  - ABORTED, TIMED_OUT or INTERRUPTED: the waiter gave up itself.
     * This is crossbeam's Context.select / try_select, and jox's SelectInstance state, reduced
     * to one field; the Go runtime's sudog.g.selectDone plays the same role for select.
     *
     * Waiting. spin() polls `selected` a number of times that the channel chooses (see
     * SpinBudget), then park() parks. Parking is LockSupport only: a virtual thread unmounts
     * and frees its carrier; nothing here holds a monitor.
     *
     * Memory ordering. A counterpart writes node.item / node.completed with plain writes and
     * then CASes `selected` (a volatile write); the waiter reads `selected` (volatile) before
     * the node's fields, so the hand-off is published. Wake-ups avoid needless unparks with a
     * Dekker handshake: the waiter writes `parked` then re-reads `selected`; the selector
     * CASes `selected` then, in wake() after releasing its channel lock, reads `parked`. Volatile accesses are sequentially consistent, so
     * at least one of them sees the other's write: either the waiter does not park, or the
     * selector unparks it.
     *
     * Cancellation. Interrupt and timeout race with selection through the same CAS. If the
     * waiter loses, it was selected: it finishes the operation normally (with the interrupt
     * status set again), so no element is lost or delivered twice. jox resolves its
     * Continuation the same way.
     */

    /** {@link #selected} when the waiter withdrew before waiting: a registration found its channel ready. */
    static final WaitNode ABORTED = new WaitNode(null, -3, null);

    /** {@link #selected} when the waiter timed out. */
    static final WaitNode TIMED_OUT = new WaitNode(null, -1, null);

    /** {@link #selected} when the waiter was interrupted. */
    static final WaitNode INTERRUPTED = new WaitNode(null, -2, null);


    private static final VarHandle SELECTED;

    static {
        try {
            SELECTED = MethodHandles.lookup().findVarHandle(Waiter.class, "selected", WaitNode.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    final Thread thread = Thread.currentThread();
    private volatile WaitNode selected;
    private volatile boolean parked;

    /** Returns the selection, or {@code null} while waiting. */
    WaitNode selected() {
        return selected;
    }

    /** Returns whether this waiter is still waiting (nobody selected it and it did not give up). */
    boolean isWaiting() {
        return selected == null;
    }

    /**
     * Selects {@code node}, one of this waiter's registrations. Callers write the node's
     * hand-off fields before this call, and call {@link #wake()} after it succeeded, best after
     * releasing their lock.
     *
     * @return {@code true} if this call selected it; {@code false} if it was already selected
     *         or gave up
     */
    boolean select(WaitNode node) {
        return selected == null && SELECTED.compareAndSet(this, null, node);
    }

    /** Unparks the waiter if it is parked or about to park; call after a successful {@link #select}. */
    void wake() {
        if (parked) {
            LockSupport.unpark(thread);
        }
    }

    /**
     * Gives up waiting, e.g. because a registration found its channel ready.
     *
     * @return {@code true} if no one had selected this waiter
     */
    boolean abort() {
        return SELECTED.compareAndSet(this, null, ABORTED);
    }

    /**
     * Spins up to {@code spins} times waiting to be selected, without parking.
     *
     * @return the selection, or {@code null} if none came in time
     */
    WaitNode spin(int spins) {
        WaitNode result;
        for (int i = 0; i < spins; i++) {
            if ((result = selected) != null) {
                return result;
            }
            Thread.onSpinWait();
        }
        return selected;
    }

    /**
     * Parks until selected, until {@code deadline} (a {@link System#nanoTime()} value; ignored
     * if {@code timed} is false) or until interrupted.
     *
     * @return the selected node, {@link #TIMED_OUT} or {@link #INTERRUPTED}; when selection
     *         wins a race with an interrupt, the node is returned and the interrupt status is
     *         set again
     */
    WaitNode park(boolean timed, long deadline) {
        WaitNode result;
        while (true) {
            parked = true;
            if ((result = selected) != null) {
                parked = false;
                return result;
            }
            if (timed) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    parked = false;
                    return giveUp(TIMED_OUT);
                }
                LockSupport.parkNanos(this, left);
            } else {
                LockSupport.park(this);
            }
            parked = false;
            if (Thread.interrupted()) {
                return giveUp(INTERRUPTED);
            }
        }
    }

    private WaitNode giveUp(WaitNode reason) {
        WaitNode witness = (WaitNode) SELECTED.compareAndExchange(this, null, reason);
        if (witness == null) {
            return reason;
        }
        if (reason == INTERRUPTED) {
            Thread.currentThread().interrupt(); // selected first: finish, keep the interrupt
        }
        return witness;
    }
}
