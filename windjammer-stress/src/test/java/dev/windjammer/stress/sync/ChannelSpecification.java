package dev.windjammer.stress.sync;

import dev.windjammer.sync.ChannelClosedException;
import dev.windjammer.sync.Closed;
import dev.windjammer.sync.Empty;
import dev.windjammer.sync.ReceiveResult;
import dev.windjammer.sync.Received;

import java.util.ArrayDeque;

/**
 * The sequential behaviour of a channel of some capacity, the specification Lincheck checks the
 * real channels against. Capacity 0 is a rendezvous: a send takes effect only immediately
 * before the receive that takes its element, modelled as a one-slot register that must be empty
 * again before any other operation can observe the channel (close, a try operation).
 */
abstract class ChannelSpecification {

    /** The error the tests close channels with, one instance so that outcomes compare equal. */
    static final IllegalStateException ERROR = new IllegalStateException("closed with error");

    private final int capacity;
    private final ArrayDeque<Integer> buffer = new ArrayDeque<>();
    private boolean closed;
    private Throwable error;

    ChannelSpecification(int capacity) {
        this.capacity = capacity;
    }

    public void send(int element) {
        if (closed) {
            throw new ChannelClosedException("closed", error);
        }
        if (buffer.size() >= Math.max(capacity, 1)) {
            throw new Impossible("send into a full channel waits");
        }
        buffer.add(element);
    }

    public int receive() {
        if (error != null) {
            throw new ChannelClosedException("closed", error);
        }
        if (!buffer.isEmpty()) {
            return buffer.poll();
        }
        if (closed) {
            throw new ChannelClosedException("closed", null);
        }
        throw new Impossible("receive from an empty open channel waits");
    }

    public boolean trySend(int element) {
        if (closed) {
            throw new ChannelClosedException("closed", error);
        }
        if (capacity == 0) {
            throw new Impossible("a rendezvous trySend depends on a waiting receiver");
        }
        if (buffer.size() >= capacity) {
            return false;
        }
        buffer.add(element);
        return true;
    }

    public ReceiveResult<Integer> tryReceive() {
        if (error != null) {
            return new Closed<>(error);
        }
        if (capacity == 0 && !buffer.isEmpty()) {
            throw new Impossible("a send in flight is observed only by its receive");
        }
        if (!buffer.isEmpty()) {
            return new Received<>(buffer.poll());
        }
        return closed ? Closed.done() : Empty.instance();
    }

    public boolean close() {
        if (capacity == 0 && !buffer.isEmpty()) {
            throw new Impossible("a send in flight is observed only by its receive");
        }
        if (closed) {
            return false;
        }
        closed = true;
        return true;
    }

    public boolean closeWithError() {
        if (capacity == 0 && !buffer.isEmpty()) {
            throw new Impossible("a send in flight is observed only by its receive");
        }
        if (closed) {
            return false;
        }
        closed = true;
        error = ERROR;
        buffer.clear();
        return true;
    }

    public boolean isClosed() {
        if (capacity == 0 && !buffer.isEmpty()) {
            throw new Impossible("a send in flight is observed only by its receive");
        }
        return closed;
    }
}
