package dev.windjammer.thread;

import dev.windjammer.TaskFailedException;
import dev.windjammer.TimedOutException;
import dev.windjammer.UncheckedInterruptedException;
import dev.windjammer.testkit.Delays;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JoinHandleTest {

    @Test
    void joinReturnsTheValue() {
        JoinHandle<String> handle = Threads.spawn(() -> "value");
        assertThat(handle.join()).isEqualTo("value");
    }

    @Test
    void joinOfARunnableReturnsNull() {
        int[] ran = new int[1];
        JoinHandle<Void> handle = Threads.spawn(() -> {
            ran[0]++;
        });
        assertThat(handle.join()).isNull();
        assertThat(ran[0]).isEqualTo(1);
    }

    @Test
    void joinRethrowsAnUncheckedFailureAsTheSameInstance() {
        IllegalStateException boom = new IllegalStateException("boom");
        JoinHandle<String> handle = Threads.spawn(() -> {
            throw boom;
        });
        assertThatThrownBy(handle::join).isSameAs(boom);
    }

    @Test
    void joinRethrowsAnErrorAsTheSameInstance() {
        AssertionError boom = new AssertionError("boom");
        JoinHandle<String> handle = Threads.spawn(() -> {
            throw boom;
        });
        assertThatThrownBy(handle::join).isSameAs(boom);
    }

    @Test
    void joinWrapsACheckedFailureOnce() {
        IOException boom = new IOException("boom");
        JoinHandle<String> handle = Threads.spawn(() -> {
            throw boom;
        });
        assertThatThrownBy(handle::join).isExactlyInstanceOf(TaskFailedException.class).hasCause(boom);
    }

    @Test
    void everyJoinDeliversTheSameOutcome() {
        IllegalStateException boom = new IllegalStateException("boom");
        JoinHandle<String> failing = Threads.spawn(() -> {
            throw boom;
        });
        assertThatThrownBy(failing::join).isSameAs(boom);
        assertThatThrownBy(failing::join).isSameAs(boom);
        JoinHandle<Object> value = Threads.spawn(Object::new);
        assertThat(value.join()).isSameAs(value.join());
    }

    @Test
    void aFailureIsNotPassedToTheUncaughtExceptionHandler() throws Exception {
        CountDownLatch handlerInstalled = new CountDownLatch(1);
        AtomicReference<Throwable> uncaught = new AtomicReference<>();
        JoinHandle<Void> handle = Threads.spawn(() -> {
            awaitQuietly(handlerInstalled);
            throw new IllegalStateException("boom");
        });
        handle.thread().setUncaughtExceptionHandler((thread, failure) -> uncaught.set(failure));
        handlerInstalled.countDown();
        assertThatThrownBy(handle::join).hasMessage("boom");
        assertThat(uncaught).hasNullValue();
    }

    @Test
    void afterJoinTheThreadHasTerminated() {
        JoinHandle<String> handle = Threads.spawn(() -> "value");
        handle.join();
        assertThat(handle.thread().isAlive()).isFalse();
        assertThat(handle.isFinished()).isTrue();
    }

    @Test
    void joinSeesEverythingTheThreadWrote() {
        int[] written = new int[1000];
        JoinHandle<Void> handle = Threads.spawn(() -> {
            for (int i = 0; i < written.length; i++) {
                written[i] = i;
            }
        });
        handle.join();
        for (int i = 0; i < written.length; i++) {
            assertThat(written[i]).isEqualTo(i);
        }
    }

    @Test
    void isFinishedIsFalseWhileTheBodyRuns() {
        CountDownLatch release = new CountDownLatch(1);
        JoinHandle<Void> handle = Threads.spawn(() -> awaitQuietly(release));
        assertThat(handle.isFinished()).isFalse();
        release.countDown();
        handle.join();
        assertThat(handle.isFinished()).isTrue();
    }

    @Test
    void timedJoinReturnsTheValueOfAThreadThatEndsInTime() {
        JoinHandle<String> handle = Threads.spawn(() -> "value");
        assertThat(handle.join(Delays.LONG)).isEqualTo("value");
    }

    @Test
    void timedJoinThrowsTimedOutAndLeavesTheThreadRunning() {
        CountDownLatch release = new CountDownLatch(1);
        JoinHandle<String> handle = Threads.spawn(() -> {
            awaitQuietly(release);
            return "late";
        });
        assertThatThrownBy(() -> handle.join(Delays.SHORT))
                .isInstanceOf(TimedOutException.class)
                .hasMessageContaining(handle.thread().getName());
        assertThat(handle.thread().isAlive()).isTrue();
        release.countDown();
        assertThat(handle.join()).isEqualTo("late");
    }

    @Test
    void timedJoinWithZeroTimeoutDoesNotWait() {
        CountDownLatch release = new CountDownLatch(1);
        JoinHandle<Void> handle = Threads.spawn(() -> awaitQuietly(release));
        assertThatThrownBy(() -> handle.join(Duration.ZERO)).isInstanceOf(TimedOutException.class);
        release.countDown();
        handle.join();
        assertThat(handle.join(Duration.ZERO)).isNull();
    }

    @Test
    void timedJoinRethrowsTheFailure() {
        IllegalStateException boom = new IllegalStateException("boom");
        JoinHandle<String> handle = Threads.spawn(() -> {
            throw boom;
        });
        assertThatThrownBy(() -> handle.join(Delays.LONG)).isSameAs(boom);
    }

    @Test
    void interruptedJoinThrowsUncheckedAndKeepsTheInterruptStatus() {
        CountDownLatch release = new CountDownLatch(1);
        JoinHandle<Void> handle = Threads.spawn(() -> awaitQuietly(release));
        Thread.currentThread().interrupt();
        try {
            assertThatThrownBy(handle::join).isInstanceOf(UncheckedInterruptedException.class)
                    .hasCauseInstanceOf(InterruptedException.class);
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
        } finally {
            Thread.interrupted();
            release.countDown();
            handle.join();
        }
    }

    @Test
    void interruptedTimedJoinThrowsUncheckedAndKeepsTheInterruptStatus() {
        CountDownLatch release = new CountDownLatch(1);
        JoinHandle<Void> handle = Threads.spawn(() -> awaitQuietly(release));
        Thread.currentThread().interrupt();
        try {
            assertThatThrownBy(() -> handle.join(Delays.LONG)).isInstanceOf(UncheckedInterruptedException.class);
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
        } finally {
            Thread.interrupted();
            release.countDown();
            handle.join();
        }
    }

    @Test
    void aThreadCannotJoinItself() {
        AtomicReference<JoinHandle<Object>> self = new AtomicReference<>();
        CountDownLatch published = new CountDownLatch(1);
        JoinHandle<Object> handle = Threads.spawn(() -> {
            awaitQuietly(published);
            return self.get().join();
        });
        self.set(handle);
        published.countDown();
        assertThatThrownBy(handle::join).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("cannot join itself");
    }

    @Test
    void aThreadCannotJoinItselfWithATimeout() {
        AtomicReference<JoinHandle<Object>> self = new AtomicReference<>();
        CountDownLatch published = new CountDownLatch(1);
        JoinHandle<Object> handle = Threads.spawn(() -> {
            awaitQuietly(published);
            return self.get().join(Delays.LONG);
        });
        self.set(handle);
        published.countDown();
        assertThatThrownBy(handle::join).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("cannot join itself");
    }

    @Test
    void timedJoinRejectsNull() {
        JoinHandle<String> handle = Threads.spawn(() -> "value");
        assertThatThrownBy(() -> handle.join(null)).isInstanceOf(NullPointerException.class).hasMessage("timeout");
        handle.join();
    }

    @Test
    void toStringNamesTheThreadAndItsState() {
        JoinHandle<String> handle = Threads.spawn(() -> "value");
        handle.join();
        assertThat(handle).hasToString("JoinHandle[" + handle.thread().getName() + ", finished]");
    }

    static void awaitQuietly(CountDownLatch latch) {
        try {
            if (!latch.await(Delays.LONG.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new AssertionError("latch not released within " + Delays.LONG);
            }
        } catch (InterruptedException e) {
            throw new AssertionError("interrupted", e);
        }
    }
}
