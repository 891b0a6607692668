package dev.windjammer.stress.jcstress;

import dev.windjammer.sync.Channel;
import dev.windjammer.sync.Received;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Description;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.II_Result;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

/**
 * jcstress tests of the happens-before edge from a send to the receive of its element: an
 * object with plain fields, written before it is sent, is seen complete by its receiver.
 */
public final class ChannelPublicationTest {

    private ChannelPublicationTest() {
    }

    /** A message with plain, non-final fields. */
    static final class Message {
        int first;
        int second;
    }

    static Message message() {
        Message message = new Message();
        message.first = 1;
        message.second = 1;
        return message;
    }

    static void read(Object result, II_Result r) {
        if (result instanceof Received<?>(Message message)) {
            r.r1 = message.first;
            r.r2 = message.second;
        } else {
            r.r1 = -1;
            r.r2 = -1;
        }
    }

    @JCStressTest
    @Description("Channel.bounded(1): the ring's stamp publishes the element.")
    @Outcome(id = "-1, -1", expect = ACCEPTABLE, desc = "The receive came before the send: nothing yet.")
    @Outcome(id = "1, 1", expect = ACCEPTABLE, desc = "Received, with every field the sender wrote.")
    @Outcome(expect = FORBIDDEN, desc = "Received an incompletely published message.")
    @State
    public static class Bounded {
        private final Channel<Message> channel = Channel.bounded(1);

        @Actor
        public void sender() {
            channel.trySend(message());
        }

        @Actor
        public void receiver(II_Result r) {
            read(channel.tryReceive(), r);
        }
    }

    @JCStressTest
    @Description("Channel.unbounded(): linking the node publishes the element.")
    @Outcome(id = "-1, -1", expect = ACCEPTABLE, desc = "The receive came before the send: nothing yet.")
    @Outcome(id = "1, 1", expect = ACCEPTABLE, desc = "Received, with every field the sender wrote.")
    @Outcome(expect = FORBIDDEN, desc = "Received an incompletely published message.")
    @State
    public static class Unbounded {
        private final Channel<Message> channel = Channel.unbounded();

        @Actor
        public void sender() {
            channel.send(message());
        }

        @Actor
        public void receiver(II_Result r) {
            read(channel.tryReceive(), r);
        }
    }

    @JCStressTest
    @Description("Channel.rendezvous(): the hand-off publishes the element to the waiting receiver.")
    @Outcome(id = "1, 1", expect = ACCEPTABLE, desc = "Received, with every field the sender wrote.")
    @Outcome(expect = FORBIDDEN, desc = "Received an incompletely published message.")
    @State
    public static class Rendezvous {
        private final Channel<Message> channel = Channel.rendezvous();

        @Actor
        public void sender() {
            channel.send(message());
        }

        @Actor
        public void receiver(II_Result r) {
            read(new Received<>(channel.receive()), r);
        }
    }
}
