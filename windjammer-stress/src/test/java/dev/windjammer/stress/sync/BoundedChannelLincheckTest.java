package dev.windjammer.stress.sync;

import dev.windjammer.sync.Channel;
import dev.windjammer.sync.ReceiveResult;
import org.jetbrains.lincheck.datastructures.IntGen;
import org.jetbrains.lincheck.datastructures.Operation;
import org.jetbrains.lincheck.datastructures.Param;
import org.junit.jupiter.api.Test;

/**
 * Linearizability of {@code Channel.bounded(2)}'s non-blocking operations against a bounded
 * FIFO queue with a closed flag: the lock-free ring, its wrap-around and its close mark.
 */
@Param(name = "element", gen = IntGen.class, conf = "1:4")
public class BoundedChannelLincheckTest {

    private final Channel<Integer> channel = Channel.bounded(2);

    @Operation
    public boolean trySend(@Param(name = "element") int element) {
        return channel.trySend(element);
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

    /** A FIFO queue of capacity 2. */
    public static final class Specification extends ChannelSpecification {
        public Specification() {
            super(2);
        }
    }
}
