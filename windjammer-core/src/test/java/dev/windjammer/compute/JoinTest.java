package dev.windjammer.compute;

import dev.windjammer.Pair;
import dev.windjammer.UncheckedInterruptedException;
import dev.windjammer.testkit.TestThreads;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JoinTest {

    private static ComputePool pool; // one per test: the leak check verifies close() every time

    @BeforeEach
    void startPool() {
        pool = ComputePool.builder().threads(2).name("join-test").build();
    }

    @AfterEach
    void closePool() {
        pool.close();
    }

    @Test
    void returnsBothResultsInArgumentOrder() {
        Pair<String, Integer> pair = pool.join(() -> "a", () -> 2);
        assertThat(pair).isEqualTo(Pair.of("a", 2));
    }

    @Test
    void bothRunInParallelWhenBothBlockOnEachOther() throws Exception {
        CountDownLatch meet = new CountDownLatch(2);
        Pair<Boolean, Boolean> pair = pool.join(
                () -> await(meet), () -> await(meet));
        assertThat(pair).isEqualTo(Pair.of(true, true));
    }

    private static boolean await(CountDownLatch latch) {
        latch.countDown();
        try {
            return latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void secondRunsEvenWhenFirstFails() {
        AtomicBoolean secondRan = new AtomicBoolean();
        IllegalStateException boom = new IllegalStateException("a");
        assertThatThrownBy(() -> pool.join(() -> {
            throw boom;
        }, () -> secondRan.getAndSet(true))).isSameAs(boom);
        assertThat(secondRan).isTrue();
    }

    @Test
    void firstFailureIsThrownWithSecondSuppressedWhenBothFail() {
        IllegalStateException a = new IllegalStateException("a");
        IllegalArgumentException b = new IllegalArgumentException("b");
        assertThatThrownBy(() -> pool.join(() -> {
            throw a;
        }, () -> {
            throw b;
        })).isSameAs(a).satisfies(t -> assertThat(t.getSuppressed()).containsExactly(b));
    }

    @Test
    void secondFailureAloneIsThrownAsTheSameInstance() {
        IllegalArgumentException b = new IllegalArgumentException("b");
        assertThatThrownBy(() -> pool.join(() -> 1, () -> {
            throw b;
        })).isSameAs(b);
    }

    @Test
    void nullFirstIsRejectedByName() {
        assertThatThrownBy(() -> pool.join(null, () -> 1))
                .isInstanceOf(NullPointerException.class).hasMessage("a");
    }

    @Test
    void nullSecondIsRejectedByName() {
        assertThatThrownBy(() -> pool.join(() -> 1, null))
                .isInstanceOf(NullPointerException.class).hasMessage("b");
    }

    @Test
    void virtualCallerRunsNeitherSide() throws Exception {
        AtomicInteger onVirtual = new AtomicInteger();
        AtomicReference<Pair<Integer, Integer>> result = new AtomicReference<>();
        try (TestThreads threads = new TestThreads()) {
            threads.startVirtual(() -> result.set(pool.join(
                    () -> Thread.currentThread().isVirtual() ? onVirtual.incrementAndGet() : 1,
                    () -> Thread.currentThread().isVirtual() ? onVirtual.incrementAndGet() : 2)));
        }
        assertThat(onVirtual).hasValue(0);
        assertThat(result.get()).isEqualTo(Pair.of(1, 2));
    }

    @Test
    void interruptedCallerRunsNothing() {
        AtomicInteger runs = new AtomicInteger();
        Thread.currentThread().interrupt();
        try {
            assertThatThrownBy(() -> pool.join(runs::incrementAndGet, runs::incrementAndGet))
                    .isInstanceOf(UncheckedInterruptedException.class);
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
        } finally {
            Thread.interrupted();
        }
        assertThat(runs).hasValue(0);
    }

    @Test
    void recursiveJoinInsideTheWorkersCompletes() {
        assertThat(fib(22)).isEqualTo(17_711);
    }

    private static int fib(int n) {
        if (n < 2) {
            return n;
        }
        Pair<Integer, Integer> p = pool.join(() -> fib(n - 1), () -> fib(n - 2));
        return p.first() + p.second();
    }
}
