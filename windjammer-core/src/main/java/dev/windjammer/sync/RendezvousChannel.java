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
     * Why a lock. The segment-based algorithm of Koval et al. (jox) avoids the lock; with one
     * sender and one receiver per channel, the common case of our benchmarks, the lock is
     * uncontended and a hand-off here costs the same one CAS. See docs/adr/0020.
     */

    private volatile boolean closed;

    @Override
    int offer(T element) {
        WaitNode taker = null;
        lock.lock();
        try {
            if (closed) {
                return CLOSED_FOR_SEND;
            }
            WaitNode node;
            while ((node = receivers.poll()) != null) {
                node.item = element;
                node.completed = true;
                if (node.waiter.select(node)) {
                    taker = node;
                    break;
                }
            }
        } finally {
            lock.unlock();
        }
        if (taker == null) {
            return FULL;
        }
        taker.waiter.wake();
        return SENT;
    }

    @Override
    Object poll() {
        WaitNode giver = null;
        lock.lock();
        try {
            if (closed) {
                return CLOSED;
            }
            WaitNode node;
            while ((node = senders.poll()) != null) {
                node.completed = true;
                if (node.waiter.select(node)) {
                    giver = node;
                    break;
                }
            }
        } finally {
            lock.unlock();
        }
        if (giver == null) {
            return EMPTY;
        }
        giver.waiter.wake();
        return giver.item;
    }

    @Override
    boolean registerReceiver(WaitNode node) {
        lock.lock();
        try {
            if (closed || senders.hasWaiterOtherThan(node.waiter)) {
                return true;
            }
            receivers.add(node);
            return false;
        } finally {
            lock.unlock();
        }
    }

    @Override
    boolean registerSender(WaitNode node) {
        lock.lock();
        try {
            if (closed || receivers.hasWaiterOtherThan(node.waiter)) {
                return true;
            }
            senders.add(node);
            return false;
        } finally {
            lock.unlock();
        }
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
