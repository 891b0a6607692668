package dev.windjammer.sync;

/**
 * {@link Channel#rendezvous()}: senders and receivers meet and hand elements over directly.
 *
 * @param <T> the element type
 */
final class RendezvousChannel<T> extends AbstractChannel<T> {
    /*
     * Implementation notes
     *
     * Overview. Crossbeam's zero-capacity flavor (crossbeam-channel/src/flavors/zero.rs) and
     * the unbuffered case of Go's runtime/chan.go: one lock guards the waiting senders and
     * receivers. An arriving sender takes the first waiting receiver, if any, writes the
     * element into its node and selects it (Waiter.select); otherwise it registers its node,
     * element inside, and waits. Receivers are symmetric. So a hand-off costs one lock
     * acquisition on the arriving side and a wake-up (often only a spin) on the waiting side,
     * and there is never a buffered element to lose. Nodes of waiters that gave up or were
     * selected elsewhere (Select) are skipped and dropped.
     *
     * Closing. `closed` is set under the lock; from then on no hand-off happens, so a send
     * either completed before the close or fails, and receivers see "closed" at once. The
     * waiting nodes are then woken to retry, which fails.
     *
     * One lock acquisition per operation. A plain blocking send or receive either completes
     * or registers under a single acquisition (sendOrRegister, receiveOrRegister): it cannot
     * be selected by anyone before it is registered, so completing a partner then is safe.
     * A Select only registers (registerSender/Receiver) and completes in its next try phase,
     * because by then it may already have been selected through another channel.
     *
     * Why a lock. The segment-based algorithm of Koval et al. (jox) avoids the lock; with one
     * sender and one receiver per channel, the common case, the lock is uncontended and a
     * hand-off costs about what a cell CAS costs there. See docs/adr/0020.
     */

    private volatile boolean closed;

    @Override
    int offer(T element) {
        return giveOrRegister(element, null);
    }

    @Override
    int sendOrRegister(WaitNode node) {
        return giveOrRegister(node.item, node);
    }

    /** Hands {@code element} to a waiting receiver; if there is none, registers {@code node} unless it is null. */
    private int giveOrRegister(Object element, WaitNode node) {
        WaitNode taker;
        lock.lock();
        try {
            if (closed) {
                return CLOSED_FOR_SEND;
            }
            taker = handTo(element);
            if (taker == null) {
                if (node == null) {
                    return FULL;
                }
                senders.add(node);
                return SEND_REGISTERED;
            }
        } finally {
            lock.unlock();
        }
        taker.waiter.wake();
        return SENT;
    }

    @Override
    Object poll() {
        return takeOrRegister(null);
    }

    @Override
    Object receiveOrRegister(WaitNode node) {
        return takeOrRegister(node);
    }

    /** Takes the element of a waiting sender; if there is none, registers {@code node} unless it is null. */
    private Object takeOrRegister(WaitNode node) {
        WaitNode giver;
        lock.lock();
        try {
            if (closed) {
                return CLOSED;
            }
            giver = takeFromSender();
            if (giver == null) {
                if (node == null) {
                    return EMPTY;
                }
                receivers.add(node);
                return REGISTERED;
            }
        } finally {
            lock.unlock();
        }
        giver.waiter.wake();
        return giver.item;
    }

    /** Hands {@code element} to the first waiting receiver; the caller holds the lock and wakes it. */
    private WaitNode handTo(Object element) {
        WaitNode node;
        while ((node = receivers.poll()) != null) {
            node.item = element;
            node.completed = true;
            if (node.waiter.select(node)) {
                return node;
            }
        }
        return null;
    }

    /** Takes the element of the first waiting sender; the caller holds the lock and wakes it. */
    private WaitNode takeFromSender() {
        WaitNode node;
        while ((node = senders.poll()) != null) {
            node.completed = true;
            if (node.waiter.select(node)) {
                return node;
            }
        }
        return null;
    }

    @Override
    boolean registerReceiver(WaitNode node) {
        return register(node, senders, receivers);
    }

    @Override
    boolean registerSender(WaitNode node) {
        return register(node, receivers, senders);
    }

    /** Queues {@code node} in {@code own} unless closed or a partner waits in {@code partners}: then true (retry). */
    private boolean register(WaitNode node, WaitList partners, WaitList own) {
        lock.lock();
        try {
            if (closed || partners.hasWaiterOtherThan(node.waiter)) {
                return true;
            }
            own.add(node);
            return false;
        } finally {
            lock.unlock();
        }
    }

    @Override
    boolean handsOff() {
        return true;
    }

    @Override
    void markClosed() {
        lock.lock();
        try {
            closed = true;
        } finally {
            lock.unlock();
        }
    }

    @Override
    void markFailed() {
        // markClosed() already stopped receives: nothing is ever buffered
    }

    @Override
    public boolean isClosed() {
        return closed;
    }

    @Override
    public String toString() {
        return "Channel.rendezvous()";
    }
}
