package dev.windjammer.stress.jcstress;

import dev.windjammer.sync.Channel;
import dev.windjammer.sync.ChannelClosedException;
import dev.windjammer.sync.Closed;
import dev.windjammer.sync.Select;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.Description;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.II_Result;
import org.openjdk.jcstress.infra.results.III_Result;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

/** jcstress tests of {@link Select}: exactly one clause completes, whatever races with it. */
public final class SelectRaceTest {

    private SelectRaceTest() {
    }

    @JCStressTest
    @Description("Two selects over the same two channels, one element in each: each select takes one.")
    @Outcome(id = {"1, 2, 0", "2, 1, 0"}, expect = ACCEPTABLE, desc = "Each select received from a different channel; nothing is left.")
    @Outcome(expect = FORBIDDEN, desc = "An element was received twice or left behind.")
    @State
    public static class TwoSelectsTwoElements {
        private final Channel<Integer> first = Channel.bounded(1);
        private final Channel<Integer> second = Channel.bounded(1);

        public TwoSelectsTwoElements() {
            first.send(1);
            second.send(2);
        }

        private int select() {
            return new Select<Integer>().onReceive(first, x -> x).onReceive(second, x -> x).select();
        }

        @Actor
        public void one(III_Result r) {
            r.r1 = select();
        }

        @Actor
        public void two(III_Result r) {
            r.r2 = select();
        }

        @Arbiter
        public void left(III_Result r) {
            int left = 0;
            for (Channel<Integer> channel : java.util.List.of(first, second)) {
                if (channel.tryReceive() instanceof dev.windjammer.sync.Received<Integer>) {
                    left++;
                }
            }
            r.r3 = left;
        }
    }

    @JCStressTest
    @Description("A select waiting on two rendezvous channels, a trySend to the first, and the close of both.")
    @Outcome(id = "1, 1", expect = ACCEPTABLE, desc = "The trySend handed its element to the waiting select.")
    @Outcome(id = {"3, 0", "4, 0"}, expect = ACCEPTABLE, desc = "The select saw a channel closed; the trySend found no receiver.")
    @Outcome(id = {"3, -1", "4, -1"}, expect = ACCEPTABLE, desc = "The select saw a channel closed; the trySend found it closed.")
    @Outcome(expect = FORBIDDEN, desc = "The element was both refused and received, or accepted and not received.")
    @State
    public static class WaitingSelectVersusSendAndClose {
        private final Channel<Integer> first = Channel.rendezvous();
        private final Channel<Integer> second = Channel.rendezvous();

        @Actor
        public void selecting(II_Result r) {
            r.r1 = new Select<Integer>()
                    .onReceiveOrClosed(first, outcome -> outcome instanceof Closed<Integer> ? 3 : 1)
                    .onReceiveOrClosed(second, outcome -> outcome instanceof Closed<Integer> ? 4 : 2)
                    .select();
        }

        @Actor
        public void sending(II_Result r) {
            try {
                r.r2 = first.trySend(1) ? 1 : 0;
            } catch (ChannelClosedException closed) {
                r.r2 = -1;
            }
        }

        @Actor
        public void closing() {
            first.close();
            second.close();
        }
    }
}
