package dev.windjammer.compute;

import dev.windjammer.Pair;
import dev.windjammer.UncheckedInterruptedException;
import dev.windjammer.async.Task;
import dev.windjammer.testkit.TestThreads;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

/**
 * Randomised rounds of cancellation, failure and nesting. The default run is short; the long
 * form runs 50 times more rounds:
 * {@code ./run-tests -pl windjammer-core -am -Dtest=ComputeStressTest -Dwindjammer.stress.long=true}
 * (surefire hands {@code -D} properties of the command line to the test JVM).
 */
class ComputeStressTest {

    private static final int ROUNDS = Boolean.getBoolean("windjammer.stress.long") ? 1_000 : 20;

    private ComputePool pool;

    @BeforeEach
    void startPool() {
        pool = ComputePool.builder().threads(2).name("stress").build();
    }

    @AfterEach
    void closePool() {
        pool.close();
    }

    private static List<Integer> range(int n) {
        return IntStream.range(0, n).boxed().toList();
    }

    @Test
    void interruptAtRandomPointsNeverLeavesWorkRunning() throws Exception {
        SplittableRandom random = new SplittableRandom(1);
        for (int round = 0; round < ROUNDS; round++) {
            int n = 2_000;
            int interruptAfter = random.nextInt(1, n);
            AtomicInteger running = new AtomicInteger();
            AtomicInteger started = new AtomicInteger();
            AtomicInteger runningAtReturn = new AtomicInteger(-1);
            try (TestThreads threads = new TestThreads()) {
                threads.start(() -> {
                    Thread self = Thread.currentThread();
                    try {
                        List<Integer> out = pool.parallel(range(n), x -> {
                            running.incrementAndGet();
                            if (started.incrementAndGet() == interruptAfter) {
                                self.interrupt();
                            }
                            Sneaky.spin(2_000);
                            running.decrementAndGet();
                            return x;
                        });
                        assertThat(out).hasSize(n); // the interrupt came after the last chunk started
                    } catch (UncheckedInterruptedException e) {
                        assertThat(Thread.currentThread().isInterrupted()).isTrue();
                    } finally {
                        runningAtReturn.set(running.get());
                    }
                });
            }
            assertThat(runningAtReturn).as("round %d", round).hasValue(0);
        }
    }

    @Test
    void failuresAtRandomPositionsAreThrownAsThemselves() {
        SplittableRandom random = new SplittableRandom(2);
        for (int round = 0; round < ROUNDS; round++) {
            int n = random.nextInt(1, 50_000);
            int failAt = random.nextInt(n);
            IllegalStateException boom = new IllegalStateException("round " + round);
            AtomicInteger running = new AtomicInteger();
            assertThatThrownBy(() -> pool.over(range(n)).map(x -> {
                running.incrementAndGet();
                try {
                    if (x == failAt) {
                        throw boom;
                    }
                    return x;
                } finally {
                    running.decrementAndGet();
                }
            }).toList()).isSameAs(boom);
            assertThat(running).hasValue(0);
        }
    }

    @Test
    void backgroundCancelledAtRandomPointsStopsAndLeavesTheWorkerClean() throws Exception {
        SplittableRandom random = new SplittableRandom(3);
        for (int round = 0; round < ROUNDS; round++) {
            int cancelAfter = random.nextInt(1, 500);
            AtomicInteger started = new AtomicInteger();
            java.util.concurrent.CountDownLatch reached = new java.util.concurrent.CountDownLatch(1);
            Task<Integer> task = pool.background(() -> pool.parallel(range(100_000), x -> {
                if (started.incrementAndGet() == cancelAfter) {
                    reached.countDown();
                }
                Sneaky.spin(1_000);
                return x;
            }).size());
            reached.await();
            task.cancel();
            assertThatThrownBy(task::await).isInstanceOf(CancellationException.class);
            Task<Boolean> next = pool.background(() -> Thread.currentThread().isInterrupted());
            Task<Boolean> other = pool.background(() -> Thread.currentThread().isInterrupted());
            assertThat(next.await()).isFalse();
            assertThat(other.await()).isFalse();
        }
    }

    @Test
    void randomNestingFromPlatformVirtualAndBackgroundCallersCompletes() throws Exception {
        SplittableRandom random = new SplittableRandom(4);
        for (int round = 0; round < ROUNDS; round++) {
            int depth = random.nextInt(1, 4);
            int width = random.nextInt(1, 40);
            long expected = expected(depth, width);
            AtomicInteger onVirtual = new AtomicInteger();
            try (TestThreads threads = new TestThreads()) {
                threads.startVirtual(() -> assertThat(nested(depth, width, onVirtual)).isEqualTo(expected));
                threads.start(() -> assertThat(nested(depth, width, onVirtual)).isEqualTo(expected));
                Task<Long> background = pool.background(() -> nested(depth, width, onVirtual));
                threads.start(() -> assertThat(background.await()).isEqualTo(expected));
            }
            if (onVirtual.get() != 0) {
                fail("user code ran on a virtual thread %d times in round %d", onVirtual.get(), round);
            }
        }
    }

    private long nested(int depth, int width, AtomicInteger onVirtual) {
        if (Thread.currentThread().isVirtual() && depth == 0) {
            onVirtual.incrementAndGet();
        }
        if (depth == 0) {
            return 1;
        }
        Pair<Long, Long> halves = pool.join(
                () -> pool.mapReduce(range(width), x -> nested(depth - 1, width, onVirtual), Long::sum, 0L),
                () -> pool.range(0, width).mapToLong(x -> nested(depth - 1, width, onVirtual)).sum());
        return halves.first() + halves.second();
    }

    private static long expected(int depth, int width) {
        long value = 1;
        for (int d = 0; d < depth; d++) {
            value = 2L * width * value;
        }
        return value;
    }
}
