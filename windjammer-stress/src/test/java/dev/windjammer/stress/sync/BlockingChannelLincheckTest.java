package dev.windjammer.stress.sync;

import dev.windjammer.sync.Channel;
import dev.windjammer.sync.ReceiveResult;
import org.jetbrains.kotlinx.lincheck.execution.ExecutionScenario;
import org.jetbrains.lincheck.datastructures.Operation;
import org.jetbrains.lincheck.datastructures.Param;
import org.jetbrains.lincheck.datastructures.IntGen;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.util.List;

/**
 * Linearizability of the blocking {@code send} and {@code receive} of every flavor, racing
 * with each other and with {@code close}, in hand-written scenarios (see {@link Scenarios}):
 * the wait lists, the register-then-recheck protocol and the wake-ups. The rendezvous
 * specification is {@link ChannelSpecification} with capacity 0.
 */
class BlockingChannelLincheckTest {

    /** Scenarios that terminate for a channel of capacity at most 1. */
    static List<ExecutionScenario> scenarios(Class<?> test) {
        return List.of(
                Scenarios.of(test).thread("send 1", "send 2", "send 3").thread("receive", "receive", "receive")
                        .post("tryReceive").build(),
                Scenarios.of(test).thread("send 1", "send 2").thread("send 3").thread("receive", "receive", "receive")
                        .post("tryReceive").build(),
                Scenarios.of(test).thread("receive", "receive").thread("send 1").thread("send 2")
                        .post("tryReceive").build(),
                Scenarios.of(test).thread("send 1", "send 2", "send 3").thread("receive").thread("close")
                        .post("tryReceive", "tryReceive", "tryReceive").build(),
                Scenarios.of(test).thread("receive", "receive").thread("send 1", "close")
                        .post("tryReceive").build(),
                Scenarios.of(test).thread("send 1", "send 2").thread("receive").thread("closeWithError")
                        .post("tryReceive").build(),
                Scenarios.of(test).thread("receive").thread("receive").thread("send 1", "closeWithError")
                        .post("tryReceive").build());
    }

    @Nested
    class Rendezvous {
        @Test
        void modelChecking() {
            LincheckRuns.modelCheck(RendezvousOperations.class, RendezvousOperations.Specification.class,
                    scenarios(RendezvousOperations.class));
        }

        @Test
        void stress() {
            LincheckRuns.stress(RendezvousOperations.class, RendezvousOperations.Specification.class,
                    scenarios(RendezvousOperations.class));
        }
    }

    @Nested
    class BoundedOne {
        @Test
        void modelChecking() {
            LincheckRuns.modelCheck(BoundedOneOperations.class, BoundedOneOperations.Specification.class,
                    scenarios(BoundedOneOperations.class));
        }

        @Test
        void stress() {
            LincheckRuns.stress(BoundedOneOperations.class, BoundedOneOperations.Specification.class,
                    scenarios(BoundedOneOperations.class));
        }
    }

    @Nested
    class Unbounded {
        @Test
        void modelChecking() {
            LincheckRuns.modelCheck(UnboundedOperations.class, UnboundedOperations.Specification.class,
                    scenarios(UnboundedOperations.class));
        }
    }

    /** The operations under test, on a channel made by {@link #channel()}. */
    @Param(name = "element", gen = IntGen.class, conf = "1:3")
    public abstract static class Operations {
        private final Channel<Integer> channel = channel();

        abstract Channel<Integer> channel();

        @Operation(blocking = true)
        public void send(int element) {
            channel.send(element);
        }

        @Operation(blocking = true)
        public int receive() {
            return channel.receive();
        }

        @Operation
        public ReceiveResult<Integer> tryReceive() {
            return channel.tryReceive();
        }

        @Operation
        public boolean close() {
            return channel.close();
        }

        @Operation
        public boolean closeWithError() {
            return channel.closeWithError(ChannelSpecification.ERROR);
        }
    }

    /** {@code Channel.rendezvous()}. */
    public static final class RendezvousOperations extends Operations {
        @Override
        Channel<Integer> channel() {
            return Channel.rendezvous();
        }

        /** A rendezvous. */
        public static final class Specification extends ChannelSpecification {
            public Specification() {
                super(0);
            }
        }
    }

    /** {@code Channel.bounded(1)}. */
    public static final class BoundedOneOperations extends Operations {
        @Override
        Channel<Integer> channel() {
            return Channel.bounded(1);
        }

        /** A FIFO queue of capacity 1. */
        public static final class Specification extends ChannelSpecification {
            public Specification() {
                super(1);
            }
        }
    }

    /** {@code Channel.unbounded()}. */
    public static final class UnboundedOperations extends Operations {
        @Override
        Channel<Integer> channel() {
            return Channel.unbounded();
        }

        /** An unbounded FIFO queue. */
        public static final class Specification extends ChannelSpecification {
            public Specification() {
                super(Integer.MAX_VALUE);
            }
        }
    }
}
