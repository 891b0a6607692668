package dev.windjammer.stress.jcstress;

import dev.windjammer.sync.Channel;
import dev.windjammer.sync.ChannelClosedException;
import dev.windjammer.sync.Closed;
import dev.windjammer.sync.Received;
import dev.windjammer.sync.ReceiveResult;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.Description;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.II_Result;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

/**
 * jcstress tests of {@code close()} and {@code closeWithError()} racing with sends and
 * receives: an element is delivered exactly once or its send fails, never both, never neither.
 */
public final class ChannelCloseRaceTest {

    static final IllegalStateException ERROR = new IllegalStateException("closed with error");

    private ChannelCloseRaceTest() {
    }

    static int send(Channel<Integer> channel) {
        try {
            channel.send(1);
            return 1;
        } catch (ChannelClosedException closed) {
            return 0;
        }
    }

    static int drain(Channel<Integer> channel) {
        int received = 0;
        while (channel.tryReceive() instanceof Received<Integer>) {
            received++;
        }
        return received;
    }

    /** 1 for an element, 2 for closed with an error, 3 for closed, 0 for nothing. */
    static int code(ReceiveResult<Integer> result) {
        return switch (result) {
            case Received<Integer> received -> 1;
            case Closed<Integer> closed -> closed.error() == ERROR ? 2 : 3;
            default -> 0;
        };
    }

    @JCStressTest
    @Description("Channel.bounded(4): a send racing with close either counts or fails.")
    @Outcome(id = "1, 1", expect = ACCEPTABLE, desc = "The send took effect before the close; its element is received.")
    @Outcome(id = "0, 0", expect = ACCEPTABLE, desc = "The close came first; the send failed with ChannelClosedException.")
    @Outcome(id = "1, 0", expect = FORBIDDEN, desc = "Lost: the send succeeded but the element never arrived.")
    @Outcome(id = "0, 1", expect = FORBIDDEN, desc = "Phantom: the send failed but its element arrived.")
    @State
    public static class BoundedSendVersusClose {
        private final Channel<Integer> channel = Channel.bounded(4);

        @Actor
        public void sender(II_Result r) {
            r.r1 = send(channel);
        }

        @Actor
        public void closer() {
            channel.close();
        }

        @Arbiter
        public void receiver(II_Result r) {
            r.r2 = drain(channel);
        }
    }

    @JCStressTest
    @Description("Channel.unbounded(): a send racing with close either counts or fails.")
    @Outcome(id = "1, 1", expect = ACCEPTABLE, desc = "The send was linked before the closing sentinel; its element is received.")
    @Outcome(id = "0, 0", expect = ACCEPTABLE, desc = "The sentinel came first; the send failed with ChannelClosedException.")
    @Outcome(id = "1, 0", expect = FORBIDDEN, desc = "Lost: the send succeeded but the element never arrived.")
    @Outcome(id = "0, 1", expect = FORBIDDEN, desc = "Phantom: the send failed but its element arrived.")
    @State
    public static class UnboundedSendVersusClose {
        private final Channel<Integer> channel = Channel.unbounded();

        @Actor
        public void sender(II_Result r) {
            r.r1 = send(channel);
        }

        @Actor
        public void closer() {
            channel.close();
        }

        @Arbiter
        public void receiver(II_Result r) {
            r.r2 = drain(channel);
        }
    }

    @JCStressTest
    @Description("Channel.rendezvous(): a blocked send and receive racing with close hand over or both fail.")
    @Outcome(id = "1, 1", expect = ACCEPTABLE, desc = "They met before the close: the send succeeded, the receive got the element.")
    @Outcome(id = "0, 0", expect = ACCEPTABLE, desc = "The close came first: both fail with ChannelClosedException.")
    @Outcome(id = "1, 0", expect = FORBIDDEN, desc = "Lost: the send succeeded but the receive saw the channel closed.")
    @Outcome(id = "0, 1", expect = FORBIDDEN, desc = "Phantom: the receive got an element whose send failed.")
    @State
    public static class RendezvousHandOffVersusClose {
        private final Channel<Integer> channel = Channel.rendezvous();

        @Actor
        public void sender(II_Result r) {
            r.r1 = send(channel);
        }

        @Actor
        public void receiver(II_Result r) {
            try {
                r.r2 = channel.receive();
            } catch (ChannelClosedException closed) {
                r.r2 = 0;
            }
        }

        @Actor
        public void closer() {
            channel.close();
        }
    }

    @JCStressTest
    @Description("Channel.bounded(2) holding one element: a receive racing with closeWithError.")
    @Outcome(id = "1, 2", expect = ACCEPTABLE, desc = "The receive came first and got the element; then the channel reports the error.")
    @Outcome(id = "2, 2", expect = ACCEPTABLE, desc = "The close came first: the element was dropped and both see the error.")
    @Outcome(expect = FORBIDDEN, desc = "The element survived the close, was seen twice, or the error was not reported.")
    @State
    public static class BoundedReceiveVersusCloseWithError {
        private final Channel<Integer> channel = Channel.bounded(2);

        public BoundedReceiveVersusCloseWithError() {
            channel.send(1);
        }

        @Actor
        public void receiver(II_Result r) {
            r.r1 = code(channel.tryReceive());
        }

        @Actor
        public void closer() {
            channel.closeWithError(ERROR);
        }

        @Arbiter
        public void after(II_Result r) {
            r.r2 = code(channel.tryReceive());
        }
    }

    @JCStressTest
    @Description("Channel.unbounded() holding one element: a receive racing with closeWithError.")
    @Outcome(id = "1, 2", expect = ACCEPTABLE, desc = "The receive came first and got the element; then the channel reports the error.")
    @Outcome(id = "2, 2", expect = ACCEPTABLE, desc = "The close came first: the element was dropped and both see the error.")
    @Outcome(expect = FORBIDDEN, desc = "The element survived the close, was seen twice, or the error was not reported.")
    @State
    public static class UnboundedReceiveVersusCloseWithError {
        private final Channel<Integer> channel = Channel.unbounded();

        public UnboundedReceiveVersusCloseWithError() {
            channel.send(1);
        }

        @Actor
        public void receiver(II_Result r) {
            r.r1 = code(channel.tryReceive());
        }

        @Actor
        public void closer() {
            channel.closeWithError(ERROR);
        }

        @Arbiter
        public void after(II_Result r) {
            r.r2 = code(channel.tryReceive());
        }
    }

    @JCStressTest
    @Description("Channel.bounded(4): close racing with closeWithError; exactly one wins and both report the winner.")
    @Outcome(id = "1, 3", expect = ACCEPTABLE, desc = "close() won: receivers see a plain close.")
    @Outcome(id = "2, 2", expect = ACCEPTABLE, desc = "closeWithError() won: receivers see the error.")
    @Outcome(expect = FORBIDDEN, desc = "Both or neither won, or receivers see the loser's reason.")
    @State
    public static class CloseVersusCloseWithError {
        private final Channel<Integer> channel = Channel.bounded(4);
        private volatile boolean plainWon;
        private volatile boolean errorWon;

        @Actor
        public void plain() {
            plainWon = channel.close();
        }

        @Actor
        public void failing() {
            errorWon = channel.closeWithError(ERROR);
        }

        @Arbiter
        public void after(II_Result r) {
            r.r1 = plainWon == errorWon ? 0 : plainWon ? 1 : 2;
            r.r2 = code(channel.tryReceive());
        }
    }
}
