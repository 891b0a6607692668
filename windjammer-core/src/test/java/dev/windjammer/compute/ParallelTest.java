package dev.windjammer.compute;

import dev.windjammer.TaskFailedException;
import dev.windjammer.UncheckedInterruptedException;
import dev.windjammer.testkit.Delays;
import dev.windjammer.testkit.TestThreads;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.LinkedList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ParallelTest {

    private static ComputePool pool; // one per test: the leak check verifies close() every time

    @BeforeEach
    void startPool() {
        pool = ComputePool.builder().threads(2).name("parallel-test").build();
    }

    @AfterEach
    void closePool() {
        pool.close();
    }

    private static List<Integer> range(int n) {
        return IntStream.range(0, n).boxed().toList();
    }

    @Test
    void resultsAreInInputOrder() {
        List<Integer> out = pool.parallel(range(100_000), x -> x * 3);
        assertThat(out).hasSize(100_000);
        for (int i = 0; i < out.size(); i++) {
            assertThat(out.get(i)).isEqualTo(i * 3);
        }
    }

    @Test
    void resultsFollowTheIterationOrderOfCollectionsWithoutRandomAccess() {
        LinkedList<Integer> linked = new LinkedList<>(range(10_000));
        assertThat(pool.parallel(linked, x -> x + 1)).isEqualTo(range(10_000).stream().map(x -> x + 1).toList());
        Set<String> set = new LinkedHashSet<>(List.of("c", "a", "b"));
        assertThat(pool.parallel(set, String::toUpperCase)).containsExactly("C", "A", "B");
    }

    @Test
    void emptyInputGivesEmptyResultWithoutCallingFn() {
        AtomicInteger calls = new AtomicInteger();
        assertThat(pool.parallel(List.<Integer>of(), x -> calls.incrementAndGet())).isEmpty();
        assertThat(calls).hasValue(0);
    }

    @Test
    void nullResultsAreKept() {
        assertThat(pool.parallel(List.of(1, 2, 3), x -> x == 2 ? null : x)).containsExactly(1, null, 3);
    }

    @Test
    void resultIsUnmodifiable() {
        List<Integer> out = pool.parallel(List.of(1, 2), x -> x);
        assertThatThrownBy(() -> out.set(0, 5)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void nullFunctionIsRejectedByName() {
        assertThatThrownBy(() -> pool.parallel(List.of(1), null))
                .isInstanceOf(NullPointerException.class).hasMessage("fn");
    }

    @Test
    void nullItemsAreRejectedByName() {
        assertThatThrownBy(() -> pool.parallel(null, x -> x))
                .isInstanceOf(NullPointerException.class).hasMessage("items");
    }

    @Test
    void everyItemIsProcessedExactlyOnce() {
        int n = 200_000;
        AtomicInteger[] seen = new AtomicInteger[n];
        for (int i = 0; i < n; i++) {
            seen[i] = new AtomicInteger();
        }
        pool.parallel(range(n), x -> seen[x].incrementAndGet());
        for (AtomicInteger s : seen) {
            assertThat(s).hasValue(1);
        }
    }

    @Test
    void uncheckedFailureReachesTheCallerAsTheSameInstance() {
        IllegalStateException boom = new IllegalStateException("boom");
        assertThatThrownBy(() -> pool.parallel(range(10_000), x -> {
            if (x == 5_000) {
                throw boom;
            }
            return x;
        })).isSameAs(boom);
    }

    @Test
    void errorReachesTheCallerAsTheSameInstance() {
        AssertionError boom = new AssertionError("boom");
        assertThatThrownBy(() -> pool.parallel(range(100), x -> {
            throw boom;
        })).isSameAs(boom);
    }

    @Test
    void checkedFailureIsWrappedOnceInTaskFailedException() {
        IOException boom = new IOException("disk");
        assertThatThrownBy(() -> pool.parallel(range(100), x -> {
            throw Sneaky.raise(boom);
        })).isInstanceOf(TaskFailedException.class).hasCause(boom);
    }

    @Test
    void laterFailuresAreSuppressedOntoTheFirst() throws Exception {
        CountDownLatch bothFailing = new CountDownLatch(2);
        RuntimeException thrown = null;
        try {
            pool.parallel(range(2_000), x -> {
                Sneaky.spin(5_000); // a 20 µs inline prefix takes at most a few items
                if (x == 100 || x == 1_999) { // far apart: different workers' ranges
                    bothFailing.countDown();
                    try {
                        bothFailing.await(Delays.LONG.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
                    } catch (InterruptedException e) {
                        throw new AssertionError(e);
                    }
                    throw new IllegalArgumentException("item " + x);
                }
                return x;
            });
        } catch (IllegalArgumentException e) {
            thrown = e;
        }
        assertThat(thrown).isNotNull();
        assertThat(thrown.getSuppressed()).hasSize(1);
        assertThat(thrown.getSuppressed()[0]).isInstanceOf(IllegalArgumentException.class)
                .isNotSameAs(thrown);
    }

    @Test
    void noNewItemsStartAfterAFailure() {
        int n = 20_000;
        IllegalStateException stop = new IllegalStateException("stop"); // made up front: throwing is quick
        AtomicBoolean failed = new AtomicBoolean();
        AtomicInteger startedAfterFailure = new AtomicInteger();
        assertThatThrownBy(() -> pool.parallel(range(n), x -> {
            if (failed.get()) {
                startedAfterFailure.incrementAndGet();
            }
            Sneaky.spin(2_000);
            if (x == 1_000) {
                failed.set(true);
                throw stop;
            }
            return x;
        })).isSameAs(stop);
        // Only the rest of the chunks in flight on the other workers (a chunk is ~10 µs, here
        // about 5 items) plus what starts while the failing worker unwinds. Without the stop,
        // about 19,000 items would start; a busy machine can stretch the unwinding, so the
        // bound is generous.
        assertThat(startedAfterFailure.get()).isLessThan((n - 1_000) / 20);
    }

    @Test
    void inputWithinTheInlineBudgetRunsOnAPlatformCaller() {
        Thread caller = Thread.currentThread();
        Set<Thread> runners = ConcurrentHashMap.newKeySet();
        try (ComputePool generous = ComputePool.builder().threads(2).inlineBudgetNanos(60_000_000_000L).build()) {
            generous.parallel(range(1_000), x -> runners.add(Thread.currentThread()));
        }
        assertThat(runners).containsExactly(caller);
    }

    @Test
    void fewExpensiveItemsAllRunOnWorkersOnceTheirCostIsKnown() {
        Thread caller = Thread.currentThread();
        Function<Integer, Thread> expensive = x -> {
            Sneaky.spin(2_000_000);
            return Thread.currentThread();
        };
        pool.parallel(List.of(1, 2), expensive); // measures: the first item runs on the caller
        assertThat(pool.parallel(List.of(1, 2), expensive)).doesNotContain(caller);
    }

    @Test
    void inputBeyondTheInlineBudgetRunsOnTheWorkers() {
        Set<String> runners = ConcurrentHashMap.newKeySet();
        try (ComputePool strict = ComputePool.builder().threads(2).name("strict").inlineBudgetNanos(0).build()) {
            strict.parallel(range(1_000), x -> runners.add(Thread.currentThread().getName()));
        }
        // the caller runs the first chunk, then the budget is spent
        assertThat(runners).anyMatch(name -> name.startsWith("strict-worker-"));
    }

    @Test
    void largeInputRunsOnTheWorkers() {
        Set<String> runners = ConcurrentHashMap.newKeySet();
        pool.parallel(range(200), x -> {
            Sneaky.spin(50_000);
            return runners.add(Thread.currentThread().getName());
        });
        assertThat(runners).anyMatch(name -> name.startsWith("parallel-test-worker-"));
    }

    @Test
    void virtualCallerNeverRunsTheFunctionEvenForTinyInput() throws Exception {
        List<Boolean> onVirtual = Collections.synchronizedList(new ArrayList<>());
        try (TestThreads threads = new TestThreads()) {
            threads.startVirtual(() -> {
                pool.parallel(List.of(1), x -> onVirtual.add(Thread.currentThread().isVirtual()));
                pool.parallel(range(1_000), x -> onVirtual.add(Thread.currentThread().isVirtual()));
            });
        }
        assertThat(onVirtual).hasSize(1_001).containsOnly(false);
    }

    @Test
    void interruptingTheCallerCancelsTheWorkAndThrows() throws Exception {
        int n = 100_000;
        AtomicInteger running = new AtomicInteger();
        AtomicInteger started = new AtomicInteger();
        AtomicInteger maxAfterReturn = new AtomicInteger(-1);
        CountDownLatch inFlight = new CountDownLatch(1);
        try (TestThreads threads = new TestThreads()) {
            Thread caller = threads.start(() -> {
                assertThatThrownBy(() -> pool.parallel(range(n), x -> {
                    running.incrementAndGet();
                    started.incrementAndGet();
                    inFlight.countDown();
                    Sneaky.spin(100_000);
                    running.decrementAndGet();
                    return x;
                })).isInstanceOf(UncheckedInterruptedException.class);
                assertThat(Thread.currentThread().isInterrupted()).isTrue();
                maxAfterReturn.set(running.get());
            });
            inFlight.await();
            Delays.sleep(Delays.SHORT);
            caller.interrupt();
        }
        assertThat(maxAfterReturn).hasValue(0); // returned only after items in flight ended
        assertThat(started.get()).isLessThan(n);
    }

    @Test
    void callerInterruptedBeforeTheCallRunsNothing() {
        AtomicInteger calls = new AtomicInteger();
        Thread.currentThread().interrupt();
        try {
            assertThatThrownBy(() -> pool.parallel(range(10), x -> calls.incrementAndGet()))
                    .isInstanceOf(UncheckedInterruptedException.class);
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
        } finally {
            Thread.interrupted();
        }
        assertThat(calls).hasValue(0);
    }

    @Test
    void nestedParallelInsideParallelCompletes() {
        List<Integer> sums = pool.parallel(range(64), x ->
                pool.parallel(range(1_000), y -> y + x).stream().mapToInt(Integer::intValue).sum());
        for (int x = 0; x < 64; x++) {
            assertThat(sums.get(x)).isEqualTo(499_500 + 1_000 * x);
        }
    }

    @Test
    void nestedParallelNeverRunsOnAVirtualThread() throws Exception {
        AtomicBoolean sawVirtual = new AtomicBoolean();
        Function<Integer, Integer> inner = y -> {
            if (Thread.currentThread().isVirtual()) {
                sawVirtual.set(true);
            }
            return y;
        };
        try (TestThreads threads = new TestThreads()) {
            for (int t = 0; t < 8; t++) {
                threads.startVirtual(() -> pool.parallel(range(50), x -> pool.parallel(range(50), inner)));
            }
        }
        assertThat(sawVirtual).isFalse();
    }

    @Test
    void workersOfTwoPoolsCallingEachOtherDoNotDeadlock() {
        try (ComputePool other = ComputePool.builder().threads(2).name("other-pool").build()) {
            List<Integer> out = pool.parallel(range(32), x ->
                    other.parallel(range(32), y -> pool.parallel(range(8), z -> z).size() + y).get(31) + x);
            assertThat(out.get(0)).isEqualTo(39);
            assertThat(out.get(31)).isEqualTo(70);
        }
    }
}
