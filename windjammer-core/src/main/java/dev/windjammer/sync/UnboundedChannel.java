package dev.windjammer.sync;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * {@link Channel#unbounded()}: a lock-free linked queue that a closing sentinel ends.
 *
 * @param <T> the element type
 */
final class UnboundedChannel<T> extends AbstractChannel<T> {
    /*
     * Implementation notes
     *
     * Overview. The Michael-Scott queue (Michael and Scott, "Simple, Fast, and Practical
     * Non-Blocking and Blocking Concurrent Queue Algorithms", PODC 1996) with a lagging tail
     * as in java.util.concurrent.ConcurrentLinkedQueue: a sender CASes the last node's `next`
     * from null to its node and then, lazily, `tail`; a receiver CASes `head` (a dummy node)
     * to the first real node and takes its item. Sends never wait.
     *
     * Closing. close() appends `closing`, a sentinel whose `next` points to itself. Nothing
     * can be linked after it (a CAS of its next from null cannot succeed), so every send
     * linearizes either before the sentinel (and is received) or after it (and fails), which
     * is the race a separate "closed" flag could not settle. Receivers that reach the sentinel
     * see "closed and drained"; isClosed() looks for the sentinel at the end of the list.
     * Crossbeam's list flavor gets the same atomicity from a mark bit in its tail index. A
     * close with an error then swaps `head` to FAILED in one atomic step: receivers fail from
     * that instant (their CAS on head cannot succeed any more) and the list is dropped.
     *
     * Memory ordering. The item is a plain field written before the CAS that links the node
     * and read after the volatile read of `next` that finds it.
     */

    private static final VarHandle HEAD;
    private static final VarHandle TAIL;
    private static final VarHandle NEXT;

    static {
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            HEAD = lookup.findVarHandle(UnboundedChannel.class, "head", Node.class);
            TAIL = lookup.findVarHandle(UnboundedChannel.class, "tail", Node.class);
            NEXT = lookup.findVarHandle(Node.class, "next", Node.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** The head of a channel closed with an error: receivers fail, the list is dropped. */
    private static final Node FAILED = new Node(null);

    static {
        FAILED.next = FAILED;
    }

    private final Node closing = new Node(null);
    @SuppressWarnings("unused") // accessed through HEAD
    private volatile Node head;
    @SuppressWarnings("unused") // accessed through TAIL
    private volatile Node tail;

    UnboundedChannel() {
        Node dummy = new Node(null);
        head = dummy;
        tail = dummy;
        closing.next = closing;
    }

    @Override
    int offer(T element) {
        if (append(new Node(element))) {
            return SENT;
        }
        helpClose();
        return CLOSED_FOR_SEND;
    }

    /** Links {@code node} at the end; {@code false} if the list ends with the sentinel. */
    private boolean append(Node node) {
        Node last = tail;
        Node p = last;
        while (true) {
            Node next = p.next;
            if (next == null) {
                if (NEXT.compareAndSet(p, null, node)) {
                    if (p != last) {
                        TAIL.compareAndSet(this, last, node); // lazy: may fail, tail only lags
                    }
                    if (node != closing) {
                        wakeReceiver();
                    }
                    return true;
                }
            } else if (next == p) {
                return false; // p is the closing sentinel
            } else {
                p = next;
            }
        }
    }

    @Override
    Object poll() {
        while (true) {
            Node first = head;
            if (first == FAILED) {
                return CLOSED; // closed with an error
            }
            Node next = first.next;
            if (next == null) {
                return EMPTY;
            }
            if (next == closing) {
                helpClose();
                return CLOSED;
            }
            if (HEAD.compareAndSet(this, first, next)) {
                Object item = next.item;
                next.item = null; // next is the new dummy
                return item;
            }
        }
    }

    @Override
    boolean registerReceiver(WaitNode node) {
        lock.lock();
        try {
            receivers.add(node);
            if (head.next != null) { // an element, the closing sentinel, or FAILED (its own next)
                receivers.remove(node);
                return true;
            }
            return false;
        } finally {
            lock.unlock();
        }
    }

    @Override
    boolean registerSender(WaitNode node) {
        return true; // sends never wait
    }

    @Override
    boolean handsOff() {
        return false;
    }

    @Override
    void markClosed() {
        append(closing);
    }

    @Override
    void markFailed() {
        if (HEAD.getAndSet(this, FAILED) != FAILED) {
            tail = closing; // nothing refers to the dropped nodes any more
        }
    }

    @Override
    public boolean isClosed() {
        Node p = tail;
        Node next;
        while ((next = p.next) != null && next != p) {
            p = next;
        }
        if (p != closing) {
            return false;
        }
        helpClose();
        return true;
    }

    @Override
    public String toString() {
        return "Channel.unbounded()";
    }

    private static final class Node {
        Object item;
        volatile Node next;

        Node(Object item) {
            this.item = item;
        }
    }
}
