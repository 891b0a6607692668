package dev.windjammer.async;

import dev.windjammer.UncheckedInterruptedException;
import dev.windjammer.testkit.Delays;
import dev.windjammer.testkit.TestThreads;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@ExtendWith(VirtualThreadLeakCheck.class)
class AsyncSleepTest {

    @Test
    void neverReturnsEarly() {
        long start = System.nanoTime();
        Async.sleep(Delays.SHORT);
        assertThat(System.nanoTime() - start).isGreaterThanOrEqualTo(Delays.SHORT.toNanos());
    }

    @Test
    void interruptWhileSleepingThrowsUncheckedAndKeepsTheFlag() throws Exception {
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        AtomicBoolean flagAfter = new AtomicBoolean();
        try (TestThreads threads = new TestThreads()) {
            Thread sleeper = threads.startVirtual(() -> {
                try {
                    Async.sleep(Delays.LONG);
                } catch (Throwable t) {
                    thrown.set(t);
                    flagAfter.set(Thread.currentThread().isInterrupted());
                }
            });
            Delays.sleep(Delays.SHORT);
            sleeper.interrupt();
        }
        assertThat(thrown.get()).isInstanceOf(UncheckedInterruptedException.class)
                .hasCauseInstanceOf(InterruptedException.class);
        assertThat(flagAfter).isTrue();
    }

    @Test
    void zeroDurationIsACancellationPoint() {
        Thread.currentThread().interrupt();
        try {
            assertThatThrownBy(() -> Async.sleep(Duration.ZERO)).isInstanceOf(UncheckedInterruptedException.class);
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
        } finally {
            Thread.interrupted();
        }
    }

    @Test
    void negativeDurationIsACancellationPoint() {
        Thread.currentThread().interrupt();
        try {
            assertThatThrownBy(() -> Async.sleep(Duration.ofMillis(-1))).isInstanceOf(UncheckedInterruptedException.class);
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
        } finally {
            Thread.interrupted();
        }
    }

    @Test
    void negativeDurationReturnsAtOnce() {
        Async.sleep(Duration.ofDays(-1));
        assertThat(Thread.currentThread().isInterrupted()).isFalse();
    }

    @Test
    void refusesANullDuration() {
        assertThatThrownBy(() -> Async.sleep(null)).isInstanceOf(NullPointerException.class)
                .hasMessage("duration");
    }
}
