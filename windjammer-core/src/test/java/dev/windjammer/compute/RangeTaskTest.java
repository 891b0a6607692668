package dev.windjammer.compute;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicIntegerArray;

import static org.assertj.core.api.Assertions.assertThat;

/** The splitting engine itself, through a job that records its leaves. */
class RangeTaskTest {

    private static ComputePool pool; // one per test: the leak check verifies close() every time

    @BeforeEach
    void startPool() {
        pool = ComputePool.builder().threads(2).name("range-task-test").build();
    }

    @AfterEach
    void closePool() {
        pool.close();
    }

    /** Records the range of every leaf task (not chunk) and counts each position. */
    private static final class Recorder extends Job {
        final Queue<long[]> leaves = new ConcurrentLinkedQueue<>();
        final AtomicIntegerArray seen;
        final long costNanos;

        Recorder(int size, long minChunk, long maxChunk, long costNanos) {
            super(size, minChunk, maxChunk, "test");
            this.seen = new AtomicIntegerArray(size);
            this.costNanos = costNanos;
        }

        @Override
        void leaf(RangeTask node, long lo, long hi) {
            if (node.hi > node.lo && lo == node.lo) { // the first chunk of a tree leaf
                leaves.add(new long[] {node.lo, node.hi});
            }
            for (long i = lo; i < hi; i++) {
                seen.incrementAndGet((int) i);
                Sneaky.spin(costNanos);
            }
        }
    }

    @Test
    void everyPositionIsCoveredExactlyOnceForManySizes() {
        for (int size : List.of(1, 2, 3, 7, 64, 1_000, 65_537)) {
            Recorder job = new Recorder(size, 1, Long.MAX_VALUE, 0);
            pool.engine().run(job);
            for (int i = 0; i < size; i++) {
                assertThat(job.seen.get(i)).as("position %d of %d", i, size).isEqualTo(1);
            }
        }
    }

    @Test
    void leavesRespectMaxChunk() {
        Recorder job = new Recorder(10_000, 1, 100, 0);
        pool.engine().run(job);
        assertThat(job.leaves).allSatisfy(leaf -> assertThat(leaf[1] - leaf[0]).isLessThanOrEqualTo(100));
    }

    @Test
    void leavesRespectMinChunkUnlessTheRangeIsShorter() {
        Recorder job = new Recorder(100_000, 5_000, Long.MAX_VALUE, 100);
        pool.engine().run(job);
        // the tree starts after the inline prefix, so its last leaf may be shorter
        assertThat(job.leaves).filteredOn(leaf -> leaf[1] < 100_000)
                .allSatisfy(leaf -> assertThat(leaf[1] - leaf[0]).isGreaterThanOrEqualTo(2_500));
    }

    @Test
    void stolenWorkIsSplitFurther() {
        // expensive items: the thief gets a large range and must split it again
        Recorder job = new Recorder(400, 1, Long.MAX_VALUE, 20_000);
        pool.engine().run(job);
        assertThat(job.leaves.size()).isGreaterThan(2 * pool.numWorkers());
    }
}
