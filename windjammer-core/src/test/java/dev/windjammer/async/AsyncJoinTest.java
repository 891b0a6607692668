package dev.windjammer.async;

import dev.windjammer.Pair;
import dev.windjammer.TaskFailedException;
import dev.windjammer.UncheckedInterruptedException;
import dev.windjammer.testkit.Delays;
import dev.windjammer.testkit.TestThreads;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@ExtendWith(VirtualThreadLeakCheck.class)
class AsyncJoinTest {

    @Test
    void returnsBothResultsInArgumentOrder() {
        Pair<String, Integer> pair = Async.join(() -> "a", () -> 2);
        assertThat(pair).isEqualTo(Pair.of("a", 2));
    }

    @Test
    void runsBothBodiesAtTheSameTimeOnVirtualThreads() {
        CyclicBarrier bothRunning = new CyclicBarrier(2);
        Pair<Boolean, Boolean> pair = Async.join(
                () -> {
                    bothRunning.await(Delays.LONG.toMillis(), TimeUnit.MILLISECONDS);
                    return Thread.currentThread().isVirtual();
                },
                () -> {
                    bothRunning.await(Delays.LONG.toMillis(), TimeUnit.MILLISECONDS);
                    return Thread.currentThread().isVirtual();
                });
        assertThat(pair).isEqualTo(Pair.of(true, true));
    }

    @Test
    void nullResultsArePassedThrough() {
        assertThat(Async.join(() -> null, () -> null)).isEqualTo(Pair.of(null, null));
    }

    @Test
    void firstFailureCancelsTheSiblingAndIsThrownOnceItEnded() {
        IllegalStateException boom = new IllegalStateException("boom");
        AtomicBoolean siblingInterrupted = new AtomicBoolean();
        AtomicBoolean siblingEnded = new AtomicBoolean();
        CountDownLatch siblingStarted = new CountDownLatch(1);
        assertThatThrownBy(() -> Async.join(
                () -> {
                    siblingStarted.countDown();
                    try {
                        return Bodies.blockUntilCancelled();
                    } catch (InterruptedException e) {
                        siblingInterrupted.set(true);
                        throw e;
                    } finally {
                        siblingEnded.set(true);
                    }
                },
                () -> {
                    Bodies.await(siblingStarted);
                    throw boom;
                })).isSameAs(boom);
        assertThat(siblingInterrupted).isTrue();
        assertThat(siblingEnded).isTrue();
        assertThat(boom.getSuppressed()).isEmpty();
    }

    @Test
    void checkedFailureIsWrappedOnce() {
        IOException boom = new IOException("boom");
        assertThatThrownBy(() -> Async.join(() -> 1, () -> {
            throw boom;
        })).isExactlyInstanceOf(TaskFailedException.class).hasCause(boom);
    }

    @Test
    void aSiblingThatIgnoresCancellationDelaysTheFailureButNeverOutlivesTheCall() {
        AtomicBoolean stubbornEnded = new AtomicBoolean();
        CountDownLatch started = new CountDownLatch(1);
        assertThatThrownBy(() -> Async.join(
                () -> {
                    started.countDown();
                    Bodies.sleepIgnoringInterrupts(Delays.MEDIUM);
                    stubbornEnded.set(true);
                    return null;
                },
                () -> {
                    Bodies.await(started);
                    throw new IllegalStateException("boom");
                })).isInstanceOf(IllegalStateException.class);
        assertThat(stubbornEnded).isTrue();
    }

    @Test
    void interruptingTheCallerCancelsBothBodiesAndThrows() throws Exception {
        CountDownLatch started = new CountDownLatch(2);
        AtomicInteger cancelled = new AtomicInteger();
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        AtomicBoolean flagAfter = new AtomicBoolean();
        try (TestThreads threads = new TestThreads()) {
            Thread caller = threads.start(() -> {
                try {
                    Async.join(() -> blockCounting(started, cancelled), () -> blockCounting(started, cancelled));
                } catch (Throwable t) {
                    thrown.set(t);
                    flagAfter.set(Thread.currentThread().isInterrupted());
                }
            });
            Bodies.await(started);
            caller.interrupt();
        }
        assertThat(thrown.get()).isInstanceOf(UncheckedInterruptedException.class);
        assertThat(flagAfter).isTrue();
        assertThat(cancelled).hasValue(2);
    }

    @Test
    void refusesANullFirstBody() {
        assertThatThrownBy(() -> Async.join(null, () -> 1)).isInstanceOf(NullPointerException.class)
                .hasMessage("first");
    }

    @Test
    void refusesANullSecondBody() {
        assertThatThrownBy(() -> Async.join(() -> 1, null)).isInstanceOf(NullPointerException.class)
                .hasMessage("second");
    }

    static Object blockCounting(CountDownLatch started, AtomicInteger cancelled) throws InterruptedException {
        started.countDown();
        try {
            return Bodies.blockUntilCancelled();
        } catch (InterruptedException e) {
            cancelled.incrementAndGet();
            throw e;
        }
    }
}
