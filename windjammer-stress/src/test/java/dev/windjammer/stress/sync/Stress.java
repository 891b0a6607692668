package dev.windjammer.stress.sync;

import dev.windjammer.stress.StressScale;
import dev.windjammer.sync.Channel;
import dev.windjammer.testkit.TestThreads;

import java.util.function.Supplier;

/** Shared settings of the stress tests: flavors, thread kinds and the scale of a run. */
final class Stress {

    /** Multiplies the work of every stress test; {@code scripts/stress} sets it (default 1). */
    static final int SCALE = StressScale.SCALE;

    private Stress() {
    }

    /** The channel flavors under stress. */
    enum Flavor {
        RENDEZVOUS(Channel::rendezvous),
        BOUNDED_1(() -> Channel.bounded(1)),
        BOUNDED_16(() -> Channel.bounded(16)),
        UNBOUNDED(Channel::unbounded);

        private final Supplier<Channel<?>> factory;

        Flavor(Supplier<Channel<?>> factory) {
            this.factory = factory;
        }

        @SuppressWarnings("unchecked")
        <T> Channel<T> create() {
            return (Channel<T>) factory.get();
        }
    }

    /** Platform or virtual threads for the parties of a test. */
    enum Kind {
        PLATFORM, VIRTUAL;

        Thread start(TestThreads threads, TestThreads.Body body) {
            return this == PLATFORM ? threads.start(body) : threads.startVirtual(body);
        }
    }
}
