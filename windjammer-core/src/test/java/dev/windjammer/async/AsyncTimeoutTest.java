package dev.windjammer.async;

import dev.windjammer.TaskFailedException;
import dev.windjammer.TimedOutException;
import dev.windjammer.UncheckedInterruptedException;
import dev.windjammer.testkit.Delays;
import dev.windjammer.testkit.TestThreads;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@ExtendWith(VirtualThreadLeakCheck.class)
class AsyncTimeoutTest {

    @Test
    void returnsTheValueOfABodyThatEndsInTime() {
        assertThat(Async.timeout(Delays.LONG, () -> "v")).isEqualTo("v");
        assertThat(Thread.currentThread().isInterrupted()).isFalse();
    }

    @Test
    void runsTheBodyOnTheCallingThread() {
        Thread caller = Thread.currentThread();
        assertThat(Async.timeout(Delays.LONG, Thread::currentThread)).isSameAs(caller);
    }

    @Test
    void expiredLimitInterruptsTheBodyAndThrowsOnceItEnded() {
        AtomicBoolean bodyEnded = new AtomicBoolean();
        assertThatThrownBy(() -> Async.timeout(Delays.SHORT, () -> {
            try {
                return Bodies.blockUntilCancelled();
            } finally {
                bodyEnded.set(true);
            }
        })).isInstanceOf(TimedOutException.class)
                .hasCauseInstanceOf(InterruptedException.class)
                .hasMessageContaining("not available within " + Delays.SHORT);
        assertThat(bodyEnded).isTrue();
    }

    @Test
    void theTimeoutInterruptDoesNotOutliveTheCall() {
        assertThatThrownBy(() -> Async.timeout(Delays.SHORT, () -> {
            Bodies.sleepIgnoringInterrupts(Delays.MEDIUM);
            return "late";
        })).isInstanceOf(TimedOutException.class);
        assertThat(Thread.currentThread().isInterrupted()).isFalse();
    }

    @Test
    void aBodyThatIgnoresInterruptionDelaysTheExceptionAndItsValueIsDiscarded() {
        AtomicBoolean bodyReturned = new AtomicBoolean();
        assertThatThrownBy(() -> Async.timeout(Delays.SHORT, () -> {
            Bodies.sleepIgnoringInterrupts(Delays.MEDIUM);
            bodyReturned.set(true);
            return "late";
        })).isInstanceOf(TimedOutException.class).hasNoCause();
        assertThat(bodyReturned).isTrue();
    }

    @Test
    void zeroLimitThrowsWithoutRunningTheBody() {
        AtomicBoolean ran = new AtomicBoolean();
        assertThatThrownBy(() -> Async.timeout(Duration.ZERO, () -> ran.getAndSet(true)))
                .isInstanceOf(TimedOutException.class);
        assertThat(ran).isFalse();
    }

    @Test
    void negativeLimitThrowsWithoutRunningTheBody() {
        AtomicBoolean ran = new AtomicBoolean();
        assertThatThrownBy(() -> Async.timeout(Duration.ofSeconds(-1), () -> ran.getAndSet(true)))
                .isInstanceOf(TimedOutException.class);
        assertThat(ran).isFalse();
    }

    @Test
    void uncheckedFailureInTimeIsThrownAsTheSameInstance() {
        IllegalStateException boom = new IllegalStateException("boom");
        assertThatThrownBy(() -> Async.timeout(Delays.LONG, () -> {
            throw boom;
        })).isSameAs(boom);
    }

    @Test
    void checkedFailureInTimeIsWrappedOnce() {
        IOException boom = new IOException("boom");
        assertThatThrownBy(() -> Async.timeout(Delays.LONG, () -> {
            throw boom;
        })).isExactlyInstanceOf(TaskFailedException.class).hasCause(boom);
    }

    @Test
    void anInterruptFromOutsideIsReportedAsAnInterruption() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        AtomicBoolean flagAfter = new AtomicBoolean();
        try (TestThreads threads = new TestThreads()) {
            Thread caller = threads.start(() -> {
                try {
                    Async.timeout(Delays.LONG.multipliedBy(2), () -> {
                        started.countDown();
                        return Bodies.blockUntilCancelled();
                    });
                } catch (Throwable t) {
                    thrown.set(t);
                    flagAfter.set(Thread.currentThread().isInterrupted());
                }
            });
            Bodies.await(started);
            caller.interrupt();
        }
        assertThat(thrown.get()).isInstanceOf(UncheckedInterruptedException.class)
                .hasCauseInstanceOf(InterruptedException.class);
        assertThat(flagAfter).isTrue();
    }

    @Test
    void anInnerTimeoutThatExpiresFirstIsTheInnerOnesAlone() {
        String result = Async.timeout(Delays.LONG, () -> {
            try {
                return Async.timeout(Delays.SHORT, Bodies::blockUntilCancelled);
            } catch (TimedOutException inner) {
                return "inner timed out";
            }
        });
        assertThat(result).isEqualTo("inner timed out");
    }

    @Test
    void anOuterTimeoutThatExpiresFirstEndsTheInnerBodyToo() {
        AtomicReference<Throwable> innerSaw = new AtomicReference<>();
        assertThatThrownBy(() -> Async.timeout(Delays.SHORT, () -> {
            try {
                return Async.timeout(Delays.LONG, Bodies::blockUntilCancelled);
            } catch (RuntimeException e) {
                innerSaw.set(e);
                throw e;
            }
        })).isInstanceOf(TimedOutException.class)
                .hasMessageContaining(Delays.SHORT.toString());
        assertThat(innerSaw.get()).isInstanceOf(UncheckedInterruptedException.class);
    }

    @Test
    void cancelsAScopeOpenedInTheBody() {
        int tasks = 3;
        AtomicInteger cancelled = new AtomicInteger();
        CountDownLatch started = new CountDownLatch(tasks);
        assertThatThrownBy(() -> Async.timeout(Delays.MEDIUM, () -> Async.scope(scope -> {
            for (int i = 0; i < tasks; i++) {
                scope.spawn(() -> AsyncJoinTest.blockCounting(started, cancelled));
            }
            return null;
        }))).isInstanceOf(TimedOutException.class);
        assertThat(cancelled).hasValue(tasks);
    }

    @Test
    void refusesANullLimit() {
        assertThatThrownBy(() -> Async.timeout(null, () -> 1)).isInstanceOf(NullPointerException.class)
                .hasMessage("limit");
    }

    @Test
    void refusesANullBody() {
        assertThatThrownBy(() -> Async.timeout(Delays.LONG, null)).isInstanceOf(NullPointerException.class)
                .hasMessage("body");
    }
}
