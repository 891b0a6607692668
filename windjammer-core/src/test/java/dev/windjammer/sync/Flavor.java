package dev.windjammer.sync;

import java.util.function.Supplier;

/** The channel flavors every contract test runs against. */
enum Flavor {
    RENDEZVOUS(Channel::rendezvous, 0),
    BOUNDED_1(() -> Channel.bounded(1), 1),
    BOUNDED_16(() -> Channel.bounded(16), 16),
    BOUNDED_100(() -> Channel.bounded(100), 100),
    UNBOUNDED(Channel::unbounded, Integer.MAX_VALUE);

    private final Supplier<Channel<?>> factory;
    /** How many elements a send can leave without a receiver: 0 for rendezvous. */
    final int capacity;

    Flavor(Supplier<Channel<?>> factory, int capacity) {
        this.factory = factory;
        this.capacity = capacity;
    }

    @SuppressWarnings("unchecked")
    <T> Channel<T> create() {
        return (Channel<T>) factory.get();
    }

    boolean buffers() {
        return capacity > 0;
    }
}
