package dev.windjammer.async;

import dev.windjammer.TaskFailedException;
import dev.windjammer.UncheckedInterruptedException;
import dev.windjammer.testkit.Delays;
import dev.windjammer.testkit.TestThreads;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@ExtendWith(VirtualThreadLeakCheck.class)
class AsyncJoinAllTest {

    private static List<Callable<Integer>> numbered(int count) {
        List<Callable<Integer>> bodies = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int value = i;
            bodies.add(() -> {
                Thread.sleep((value * 7) % 5);
                return value;
            });
        }
        return bodies;
    }

    private static List<Integer> range(int count) {
        List<Integer> values = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            values.add(i);
        }
        return values;
    }

    @Test
    void returnsResultsInIterationOrder() {
        assertThat(Async.joinAll(numbered(200))).isEqualTo(range(200));
    }

    @Test
    void emptyCollectionGivesEmptyList() {
        assertThat(Async.joinAll(List.<Callable<String>>of())).isEmpty();
    }

    @Test
    void resultsAreUnmodifiableAndMayHoldNull() {
        List<String> results = Async.joinAll(List.of(() -> "a", () -> null));
        assertThat(results).containsExactly("a", null);
        assertThatThrownBy(() -> results.add("b")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void firstFailureCancelsTheOthersAndIsThrownOnceTheyEnded() {
        IllegalStateException boom = new IllegalStateException("boom");
        int blocked = 10;
        CountDownLatch started = new CountDownLatch(blocked);
        AtomicInteger ended = new AtomicInteger();
        List<Callable<Object>> bodies = new ArrayList<>();
        for (int i = 0; i < blocked; i++) {
            bodies.add(() -> {
                started.countDown();
                try {
                    return Bodies.blockUntilCancelled();
                } finally {
                    ended.incrementAndGet();
                }
            });
        }
        bodies.add(() -> {
            Bodies.await(started);
            throw boom;
        });
        assertThatThrownBy(() -> Async.joinAll(bodies)).isSameAs(boom);
        assertThat(ended).hasValue(blocked);
        assertThat(boom.getSuppressed()).isEmpty();
    }

    @Test
    void checkedFailureIsWrappedOnce() {
        IOException boom = new IOException("boom");
        assertThatThrownBy(() -> Async.joinAll(List.of(() -> 1, () -> {
            throw boom;
        }))).isExactlyInstanceOf(TaskFailedException.class).hasCause(boom);
    }

    @Test
    void nullElementIsRefusedBeforeAnythingStarts() {
        AtomicBoolean ran = new AtomicBoolean();
        List<Callable<Boolean>> bodies = Arrays.asList(() -> ran.getAndSet(true), null);
        assertThatThrownBy(() -> Async.joinAll(bodies)).isInstanceOf(NullPointerException.class)
                .hasMessage("bodies[1] is null");
        assertThat(ran).isFalse();
    }

    @Test
    void nullCollectionIsRefused() {
        assertThatThrownBy(() -> Async.joinAll(null)).isInstanceOf(NullPointerException.class)
                .hasMessage("bodies");
    }

    @Test
    void interruptingTheCallerCancelsEveryBodyAndThrows() throws Exception {
        int count = 5;
        CountDownLatch started = new CountDownLatch(count);
        AtomicInteger cancelled = new AtomicInteger();
        List<Callable<Object>> bodies = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            bodies.add(() -> AsyncJoinTest.blockCounting(started, cancelled));
        }
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        try (TestThreads threads = new TestThreads()) {
            Thread caller = threads.start(() -> {
                try {
                    Async.joinAll(bodies);
                } catch (Throwable t) {
                    thrown.set(t);
                }
            });
            Bodies.await(started);
            caller.interrupt();
        }
        assertThat(thrown.get()).isInstanceOf(UncheckedInterruptedException.class);
        assertThat(cancelled).hasValue(count);
    }

    @Test
    void limitedVariantNeverRunsMoreThanTheLimitAndKeepsOrder() {
        int limit = 3;
        AtomicInteger running = new AtomicInteger();
        AtomicInteger mostAtOnce = new AtomicInteger();
        List<Callable<Integer>> bodies = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            int value = i;
            bodies.add(() -> {
                mostAtOnce.accumulateAndGet(running.incrementAndGet(), Math::max);
                try {
                    Thread.sleep(1);
                    return value;
                } finally {
                    running.decrementAndGet();
                }
            });
        }
        assertThat(Async.joinAll(bodies, limit)).isEqualTo(range(60));
        assertThat(mostAtOnce.get()).isBetween(1, limit);
    }

    @Test
    void limitedVariantStartsNoBodyAfterAFailure() {
        IllegalStateException boom = new IllegalStateException("boom");
        AtomicInteger started = new AtomicInteger();
        List<Callable<Object>> bodies = new ArrayList<>();
        bodies.add(() -> {
            started.incrementAndGet();
            throw boom;
        });
        for (int i = 0; i < 50; i++) {
            bodies.add(() -> started.incrementAndGet());
        }
        assertThatThrownBy(() -> Async.joinAll(bodies, 1)).isSameAs(boom);
        assertThat(started).hasValue(1);
    }

    @Test
    void interruptingTheCallerOfTheLimitedVariantCancelsTheRunningBodiesAndStartsNoMore() throws Exception {
        int limit = 3;
        CountDownLatch started = new CountDownLatch(limit);
        AtomicInteger cancelled = new AtomicInteger();
        AtomicInteger entered = new AtomicInteger();
        List<Callable<Object>> bodies = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            bodies.add(() -> {
                entered.incrementAndGet();
                return AsyncJoinTest.blockCounting(started, cancelled);
            });
        }
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        try (TestThreads threads = new TestThreads()) {
            Thread caller = threads.start(() -> {
                try {
                    Async.joinAll(bodies, limit);
                } catch (Throwable t) {
                    thrown.set(t);
                }
            });
            Bodies.await(started);
            caller.interrupt();
        }
        assertThat(thrown.get()).isInstanceOf(UncheckedInterruptedException.class);
        assertThat(cancelled).hasValue(limit);
        assertThat(entered).hasValue(limit);
    }

    @Test
    void limitedVariantRefusesALimitBelowOne() {
        assertThatThrownBy(() -> Async.joinAll(numbered(2), 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("maxConcurrency must be at least 1, was 0");
    }

    @Test
    void settledVariantReportsEveryOutcomeAndAFailureCancelsNothing() {
        IOException boom = new IOException("boom");
        CountDownLatch failed = new CountDownLatch(1);
        List<Outcome<String>> outcomes = Async.joinAllSettled(List.of(
                () -> "first",
                () -> {
                    failed.countDown();
                    throw boom;
                },
                () -> {
                    Bodies.await(failed);
                    Thread.sleep(Delays.SHORT);
                    return "after the failure";
                }));
        assertThat(outcomes).containsExactly(
                new Outcome.Success<>("first"),
                new Outcome.Failure<>(boom),
                new Outcome.Success<>("after the failure"));
    }

    @Test
    void settledVariantWithALimitReportsEveryOutcomeInOrder() {
        IllegalStateException boom = new IllegalStateException("boom");
        List<Callable<Integer>> bodies = new ArrayList<>(numbered(10));
        bodies.set(4, () -> {
            throw boom;
        });
        List<Outcome<Integer>> outcomes = Async.joinAllSettled(bodies, 2);
        assertThat(outcomes).hasSize(10);
        assertThat(outcomes.get(4)).isEqualTo(new Outcome.Failure<Integer>(boom));
        assertThat(outcomes.get(9)).isEqualTo(new Outcome.Success<>(9));
    }

    @Test
    void settledVariantRefusesALimitBelowOne() {
        assertThatThrownBy(() -> Async.joinAllSettled(numbered(2), -1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void settledVariantRefusesANullElement() {
        assertThatThrownBy(() -> Async.joinAllSettled(Arrays.<Callable<Integer>>asList(() -> 1, null)))
                .isInstanceOf(NullPointerException.class).hasMessage("bodies[1] is null");
    }

    @Test
    void interruptingTheCallerOfTheSettledVariantCancelsEveryBodyAndThrows() throws Exception {
        int count = 4;
        CountDownLatch started = new CountDownLatch(count);
        AtomicInteger cancelled = new AtomicInteger();
        List<Callable<Object>> bodies = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            bodies.add(() -> AsyncJoinTest.blockCounting(started, cancelled));
        }
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        try (TestThreads threads = new TestThreads()) {
            Thread caller = threads.start(() -> {
                try {
                    Async.joinAllSettled(bodies);
                } catch (Throwable t) {
                    thrown.set(t);
                }
            });
            Bodies.await(started);
            caller.interrupt();
        }
        assertThat(thrown.get()).isInstanceOf(UncheckedInterruptedException.class);
        assertThat(cancelled).hasValue(count);
    }
}
