package dev.windjammer.sync;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * {@link Channel#bounded(int)}: a lock-free ring buffer of fixed capacity.
 *
 * @param <T> the element type
 */
final class BoundedChannel<T> extends AbstractChannel<T> {
    /*
     * Implementation notes
     *
     * Overview. Dmitry Vyukov's bounded MPMC queue (1024cores.net, "Bounded MPMC queue") as
     * crossbeam-channel's array flavor (crossbeam-channel/src/flavors/array.rs) extends it:
     * any capacity, not only powers of two, and a mark bit in `tail` for closing. `head` and
     * `tail` each hold a lap and an index: value = lap * oneLap + index, with
     * markBit = nextPowerOfTwo(capacity + 1) above every index and oneLap = 2 * markBit.
     * Every slot has a stamp telling whose turn it is:
     *   stamp == tail      the slot is free for the sender that claims `tail`;
     *   stamp == head + 1  the slot holds an element for the receiver that claims `head`.
     * A sender CASes tail forward, stores the element, then releases stamp = tail + 1; a
     * receiver CASes head forward, takes the element, then releases stamp = head + oneLap,
     * handing the slot to the sender of the next lap. One CAS per operation, no lock, and
     * producers and consumers touch different counters (padded apart, see `counters`).
     *
     * Waiting. A full or empty ring makes the operation register in a WaitList (see
     * AbstractChannel for the protocol); every successful operation wakes one waiter of the
     * other side when, and only when, that list is non-empty (one volatile read otherwise).
     *
     * Memory ordering. The stamp is the publication point: the element is a plain array store
     * before a release store of the stamp, read after an acquire load of it. head and tail
     * are volatile/CAS (sequentially consistent), which the "full?"/"empty?" checks and the
     * register-then-recheck protocol rely on.
     *
     * Closing. markClosed() sets the mark bit of tail with one atomic OR; sends fail from that
     * instant (a CAS on tail cannot succeed once the bit is set), receivers drain what is left
     * and then see `tail & ~markBit == head` with the bit set: closed and drained. A close with
     * an error also sets the mark bit of head (markFailed): receivers fail from that instant,
     * for the same reason, and the one that set it drops the elements between head and tail,
     * waiting for senders that claimed a slot before the close to finish writing it.
     *
     * Blocking window. Between a sender's CAS and its stamp store, receivers of that slot
     * spin (Vyukov's queue is not lock-free in that window); they yield after a while so a
     * preempted sender can finish.
     */

    /** The largest capacity accepted; the buffer is allocated eagerly. */
    static final int MAX_CAPACITY = 1 << 28;

    private static final VarHandle LONGS = MethodHandles.arrayElementVarHandle(long[].class);

    /** Indexes into {@link #counters}, 128 bytes apart and from the array's ends (no false sharing). */
    private static final int HEAD = 16;
    private static final int TAIL = 32;
    private static final int COUNTERS = 48;

    private static final int SPINS_BEFORE_YIELD = 64;

    private final int capacity;
    private final long markBit;
    private final long oneLap;
    private final long[] counters = new long[COUNTERS];
    private final long[] stamps;
    private final Object[] elements;

    BoundedChannel(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1, was " + capacity
                    + "; use Channel.rendezvous() for a channel without buffer");
        }
        if (capacity > MAX_CAPACITY) {
            throw new IllegalArgumentException("capacity must be at most " + MAX_CAPACITY + ", was "
                    + capacity + "; use Channel.unbounded() for larger buffers");
        }
        this.capacity = capacity;
        this.markBit = Long.highestOneBit((long) capacity + 1) == (long) capacity + 1
                ? (long) capacity + 1 : Long.highestOneBit((long) capacity + 1) << 1;
        this.oneLap = markBit << 1;
        this.stamps = new long[capacity];
        this.elements = new Object[capacity];
        for (int i = 0; i < capacity; i++) {
            stamps[i] = i; // published with the channel: stamps is a final field
        }
    }

    private long head() {
        return (long) LONGS.getVolatile(counters, HEAD);
    }

    private long tail() {
        return (long) LONGS.getVolatile(counters, TAIL);
    }

    private long stamp(int index) {
        return (long) LONGS.getAcquire(stamps, index);
    }

    private long advance(long position) {
        int index = (int) (position & (markBit - 1));
        return index + 1 < capacity ? position + 1 : (position & -oneLap) + oneLap;
    }

    @Override
    int offer(T element) {
        long tail = tail();
        int spins = 0;
        while (true) {
            if ((tail & markBit) != 0) {
                helpClose();
                return CLOSED_FOR_SEND;
            }
            int index = (int) (tail & (markBit - 1));
            long stamp = stamp(index);
            if (stamp == tail) {
                long witness = (long) LONGS.compareAndExchange(counters, TAIL, tail, advance(tail));
                if (witness == tail) {
                    elements[index] = element;
                    LONGS.setRelease(stamps, index, tail + 1);
                    wakeReceiver();
                    return SENT;
                }
                tail = witness;
                continue;
            }
            if (stamp + oneLap == tail + 1 && head() + oneLap == tail) {
                return FULL; // the slot still holds the element of the previous lap
            }
            spins = backOff(spins); // another sender is ahead of us, or a receiver is freeing the slot
            tail = tail();
        }
    }

    @Override
    Object poll() {
        long head = head();
        int spins = 0;
        while (true) {
            if ((head & markBit) != 0) {
                return CLOSED; // closed with an error
            }
            int index = (int) (head & (markBit - 1));
            long stamp = stamp(index);
            if (stamp == head + 1) {
                long witness = (long) LONGS.compareAndExchange(counters, HEAD, head, advance(head));
                if (witness == head) {
                    Object element = elements[index];
                    elements[index] = null;
                    LONGS.setRelease(stamps, index, head + oneLap);
                    wakeSender();
                    return element;
                }
                head = witness;
                continue;
            }
            if (stamp == head) {
                long tail = tail();
                if ((tail & ~markBit) == head) {
                    if ((tail & markBit) == 0) {
                        return EMPTY;
                    }
                    helpClose();
                    return CLOSED;
                }
            }
            spins = backOff(spins); // a sender is writing this slot, or another receiver is ahead
            head = head();
        }
    }

    private static int backOff(int spins) {
        if (spins < SPINS_BEFORE_YIELD) {
            Thread.onSpinWait();
        } else {
            Thread.yield();
        }
        return spins + 1;
    }

    @Override
    boolean registerReceiver(WaitNode node) {
        lock.lock();
        try {
            receivers.add(node);
            long tail = tail();
            if ((tail & markBit) != 0 || head() != tail) {
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
        lock.lock();
        try {
            senders.add(node);
            long tail = tail();
            if ((tail & markBit) != 0 || head() + oneLap != tail) {
                senders.remove(node);
                return true;
            }
            return false;
        } finally {
            lock.unlock();
        }
    }

    @Override
    boolean handsOff() {
        return false;
    }

    @Override
    void markClosed() {
        LONGS.getAndBitwiseOr(counters, TAIL, markBit);
    }

    @Override
    void markFailed() {
        long head = (long) LONGS.getAndBitwiseOr(counters, HEAD, markBit);
        if ((head & markBit) != 0) {
            return; // someone else marked, and drops the elements
        }
        long end = tail() & ~markBit;
        for (long position = head; position != end; position = advance(position)) {
            int index = (int) (position & (markBit - 1));
            int spins = 0;
            while (stamp(index) != position + 1) {
                spins = backOff(spins); // a sender that claimed the slot before the close is writing it
            }
            elements[index] = null;
        }
    }

    @Override
    public boolean isClosed() {
        if ((tail() & markBit) == 0) {
            return false;
        }
        helpClose();
        return true;
    }

    @Override
    public String toString() {
        return "Channel.bounded(" + capacity + ")";
    }
}
