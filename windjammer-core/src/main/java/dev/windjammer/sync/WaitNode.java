package dev.windjammer.sync;

/**
 * One registration of a {@link Waiter} in one channel's {@link WaitList}: a blocked send or
 * receive, or one clause of a {@link Select}. Crossbeam's {@code Entry}, the Go runtime's
 * {@code sudog}.
 *
 * <p>Fields other than the final ones are guarded by the lock of the list the node is in,
 * except {@link #item} and {@link #completed} written for a hand-off, which the CAS in
 * {@link Waiter#select} publishes to the waiter.
 */
final class WaitNode {

    /** The waiting thread's state; {@code null} for the sentinels of {@link Waiter}. */
    final Waiter waiter;
    /** The index of the select clause this node registers; 0 for a plain send or receive. */
    final int clause;
    /**
     * For a sender on a rendezvous channel, the element offered; for a receiver, the element a
     * sender handed over.
     */
    Object item;
    /** Set when a rendezvous partner completed the operation (rather than asking for a retry). */
    boolean completed;

    WaitNode prev;
    WaitNode next;
    boolean linked;

    WaitNode(Waiter waiter, int clause, Object item) {
        this.waiter = waiter;
        this.clause = clause;
        this.item = item;
    }
}
