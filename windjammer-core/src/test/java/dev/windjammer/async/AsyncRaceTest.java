package dev.windjammer.async;

import dev.windjammer.TaskFailedException;
import dev.windjammer.UncheckedInterruptedException;
import dev.windjammer.testkit.TestThreads;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@ExtendWith(VirtualThreadLeakCheck.class)
class AsyncRaceTest {

    @Test
    void returnsTheFirstSuccessAndCancelsTheLosers() {
        int losers = 5;
        CountDownLatch losersStarted = new CountDownLatch(losers);
        AtomicInteger losersCancelled = new AtomicInteger();
        List<Callable<String>> bodies = new ArrayList<>();
        for (int i = 0; i < losers; i++) {
            bodies.add(() -> {
                losersStarted.countDown();
                try {
                    return Bodies.blockUntilCancelled();
                } catch (InterruptedException e) {
                    losersCancelled.incrementAndGet();
                    throw e;
                }
            });
        }
        bodies.add(() -> {
            Bodies.await(losersStarted);
            return "winner";
        });
        assertThat(Async.race(bodies)).isEqualTo("winner");
        assertThat(losersCancelled).hasValue(losers);
    }

    @Test
    void aFailureDoesNotEndTheRace() {
        CountDownLatch failed = new CountDownLatch(1);
        String result = Async.race(List.of(
                () -> {
                    failed.countDown();
                    throw new IllegalStateException("fast failure");
                },
                () -> {
                    Bodies.await(failed);
                    return "slow success";
                }));
        assertThat(result).isEqualTo("slow success");
    }

    @Test
    void whenEveryBodyFailsTheFirstInIterationOrderIsThrownWithTheOthersSuppressed() {
        IllegalStateException first = new IllegalStateException("first");
        IllegalArgumentException second = new IllegalArgumentException("second");
        CountDownLatch secondFailed = new CountDownLatch(1);
        assertThatThrownBy(() -> Async.race(List.<Callable<String>>of(
                () -> {
                    Bodies.await(secondFailed);
                    throw first;
                },
                () -> {
                    secondFailed.countDown();
                    throw second;
                }))).isSameAs(first);
        assertThat(first.getSuppressed()).containsExactly(second);
    }

    @Test
    void checkedFailureOfEveryBodyIsWrappedOnce() {
        IOException boom = new IOException("boom");
        assertThatThrownBy(() -> Async.race(List.<Callable<String>>of(() -> {
            throw boom;
        }))).isExactlyInstanceOf(TaskFailedException.class).hasCause(boom);
    }

    @Test
    void refusesAnEmptyCollection() {
        assertThatThrownBy(() -> Async.race(List.<Callable<String>>of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("a race needs at least one body");
    }

    @Test
    void refusesANullElement() {
        assertThatThrownBy(() -> Async.race(Arrays.<Callable<Integer>>asList(() -> 1, null)))
                .isInstanceOf(NullPointerException.class).hasMessage("bodies[1] is null");
    }

    @Test
    void interruptingTheCallerCancelsEveryBodyAndThrows() throws Exception {
        int count = 3;
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
                    Async.race(bodies);
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
