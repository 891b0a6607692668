package dev.windjammer.sync;

/**
 * The FIFO list of {@link WaitNode}s blocked on one side of a channel (its senders or its
 * receivers). An intrusive doubly linked list, so that a waiter that times out or is
 * interrupted removes its node in O(1). Every method but {@link #isEmpty()} must be called
 * with the owning channel's lock held.
 */
final class WaitList {
    /*
     * Implementation notes
     *
     * `size` is volatile so that the lock-free fast paths of the buffered channels can skip
     * the lock when nobody waits (crossbeam's SyncWaker.is_empty). It is written under the
     * lock and read without it; a stale non-zero read only costs a lock round trip, and a
     * stale zero is ruled out by the register-then-recheck protocol of the callers (see
     * AbstractChannel).
     */

    private WaitNode head;
    private WaitNode tail;
    private volatile int size;

    /** Returns whether no node is registered; a hint when read without the lock. */
    boolean isEmpty() {
        return size == 0;
    }

    void add(WaitNode node) {
        node.prev = tail;
        node.next = null;
        if (tail == null) {
            head = node;
        } else {
            tail.next = node;
        }
        tail = node;
        node.linked = true;
        size = size + 1;
    }

    void remove(WaitNode node) {
        if (!node.linked) {
            return;
        }
        if (node.prev == null) {
            head = node.next;
        } else {
            node.prev.next = node.next;
        }
        if (node.next == null) {
            tail = node.prev;
        } else {
            node.next.prev = node.prev;
        }
        node.prev = null;
        node.next = null;
        node.linked = false;
        size = size - 1;
    }

    /** Removes and returns the first node, or returns {@code null} if there is none. */
    WaitNode poll() {
        WaitNode first = head;
        if (first != null) {
            remove(first);
        }
        return first;
    }

    /**
     * Selects the first node whose waiter still waits, dropping nodes of waiters that were
     * selected elsewhere or gave up; the caller wakes the returned node's waiter.
     *
     * @return the selected node, or {@code null} if no waiter was waiting
     */
    WaitNode selectFirst() {
        WaitNode node;
        while ((node = poll()) != null) {
            if (node.waiter.select(node)) {
                return node;
            }
        }
        return null;
    }

    /**
     * Returns whether a node of a waiter other than {@code self} still waits, dropping dead
     * nodes on the way; a live partner means a registration of {@code self} on the other side
     * would be ready at once.
     */
    boolean hasWaiterOtherThan(Waiter self) {
        WaitNode node = head;
        while (node != null) {
            WaitNode next = node.next;
            if (!node.waiter.isWaiting()) {
                remove(node);
            } else if (node.waiter != self) {
                return true;
            }
            node = next;
        }
        return false;
    }

    /**
     * Removes every node, selecting those whose waiters still wait so that they retry (and
     * find the channel closed).
     *
     * @return the selected nodes, whose waiters the caller wakes after releasing the lock
     */
    WaitNode[] selectAll() {
        WaitNode[] selected = new WaitNode[size];
        int count = 0;
        WaitNode node;
        while ((node = poll()) != null) {
            if (node.waiter.select(node)) {
                selected[count++] = node;
            }
        }
        return count == selected.length ? selected : java.util.Arrays.copyOf(selected, count);
    }
}
