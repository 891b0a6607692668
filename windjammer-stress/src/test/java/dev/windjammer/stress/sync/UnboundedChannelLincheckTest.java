package dev.windjammer.stress.sync;

import dev.windjammer.sync.Channel;
import dev.windjammer.sync.ReceiveResult;
import org.jetbrains.lincheck.datastructures.IntGen;
import org.jetbrains.lincheck.datastructures.Operation;
import org.jetbrains.lincheck.datastructures.Param;
import org.junit.jupiter.api.Test;

/**
 * Linearizability of {@code Channel.unbounded()} (sends never block) against an unbounded FIFO
 * queue with a closed flag: the Michael-Scott list and its closing sentinel.
 */
@Param(name = "element", gen = IntGen.class, conf = "1:4")
public class UnboundedChannelLincheckTest {

    private final Channel<Integer> channel = Channel.unbounded();

    @Operation
    public void send(@Param(name = "element") int element) {
        channel.send(element);
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

    @Operation
    public boolean isClosed() {
        return channel.isClosed();
    }

    @Test
    void modelChecking() {
        LincheckRuns.modelCheck(getClass(), Specification.class);
    }

    @Test
    void stress() {
        LincheckRuns.stress(getClass(), Specification.class);
    }

    /** An unbounded FIFO queue. */
    public static final class Specification extends ChannelSpecification {
        public Specification() {
            super(Integer.MAX_VALUE);
        }
    }
}
