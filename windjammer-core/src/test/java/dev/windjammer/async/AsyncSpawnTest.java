package dev.windjammer.async;

import dev.windjammer.TaskFailedException;
import dev.windjammer.TimedOutException;
import dev.windjammer.UncheckedInterruptedException;
import dev.windjammer.testkit.Delays;
import dev.windjammer.testkit.TestThreads;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@ExtendWith(VirtualThreadLeakCheck.class)
class AsyncSpawnTest {

    @Test
    void awaitReturnsTheValueComputedOnAVirtualThread() {
        Task<Boolean> task = Async.spawn(() -> Thread.currentThread().isVirtual());
        assertThat(task.await()).isTrue();
        assertThat(task.state()).isEqualTo(Future.State.SUCCESS);
    }

    @Test
    void uncheckedFailureIsRethrownAsTheSameInstance() {
        IllegalStateException boom = new IllegalStateException("boom");
        Task<String> task = Async.spawn(() -> {
            throw boom;
        });
        assertThatThrownBy(task::await).isSameAs(boom);
    }

    @Test
    void checkedFailureIsWrappedOnce() {
        IOException boom = new IOException("boom");
        Task<String> task = Async.spawn(() -> {
            throw boom;
        });
        assertThatThrownBy(task::await).isExactlyInstanceOf(TaskFailedException.class).hasCause(boom);
    }

    @Test
    void failureIsInspectableWithoutThrowing() {
        IOException boom = new IOException("boom");
        Task<String> task = Async.spawn(() -> {
            throw boom;
        });
        assertThat(task.awaitOutcome()).isEqualTo(new Outcome.Failure<String>(boom));
        assertThat(task.state()).isEqualTo(Future.State.FAILED);
        assertThat(task.exceptionNow()).isSameAs(boom);
    }

    @Test
    void cancelInterruptsTheRunningTask() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch interrupted = new CountDownLatch(1);
        Task<String> task = Async.spawn(() -> {
            started.countDown();
            try {
                return Bodies.blockUntilCancelled();
            } catch (InterruptedException e) {
                interrupted.countDown();
                throw e;
            }
        });
        Bodies.await(started);
        assertThat(task.cancel()).isTrue();
        Bodies.await(interrupted);
        assertThat(task.isCancelled()).isTrue();
        assertThat(task.awaitOutcome()).isEqualTo(new Outcome.Cancelled<String>());
        assertThatThrownBy(task::await).isInstanceOf(CancellationException.class);
    }

    @Test
    void outcomeNowRefusesARunningTask() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        Task<String> task = Async.spawn(() -> {
            Bodies.await(release);
            return "done";
        });
        try {
            assertThatThrownBy(task::outcomeNow).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("has not completed");
        } finally {
            release.countDown();
        }
        assertThat(task.awaitOutcome()).isEqualTo(new Outcome.Success<>("done"));
        assertThat(task.outcomeNow()).isEqualTo(new Outcome.Success<>("done"));
    }

    @Test
    void timedAwaitThatExpiresLeavesTheTaskRunning() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        Task<String> task = Async.spawn(() -> {
            Bodies.await(release);
            return "late";
        });
        assertThatThrownBy(() -> task.await(Delays.SHORT)).isInstanceOf(TimedOutException.class);
        assertThat(task.isReady()).isFalse();
        release.countDown();
        assertThat(task.await()).isEqualTo("late");
    }

    @Test
    void interruptedAwaitThrowsUncheckedAndKeepsTheFlag() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        Task<String> task = Async.spawn(() -> {
            Bodies.await(release);
            return "v";
        });
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        AtomicReference<Boolean> flag = new AtomicReference<>();
        try (TestThreads threads = new TestThreads()) {
            Thread waiter = threads.startVirtual(() -> {
                try {
                    task.await();
                } catch (Throwable t) {
                    thrown.set(t);
                    flag.set(Thread.currentThread().isInterrupted());
                }
            });
            Delays.sleep(Delays.SHORT);
            waiter.interrupt();
        }
        release.countDown();
        assertThat(thrown.get()).isInstanceOf(UncheckedInterruptedException.class);
        assertThat(flag.get()).isTrue();
        assertThat(task.await()).isEqualTo("v");
    }

    @Test
    void namedSpawnNamesTheThread() {
        Task<String> task = Async.spawn("fetch-user", () -> Thread.currentThread().getName());
        assertThat(task.await()).isEqualTo("fetch-user");
        assertThat(task.toString()).startsWith("fetch-user[");
    }

    @Test
    void spawnRefusesANullBody() {
        assertThatThrownBy(() -> Async.spawn(null)).isInstanceOf(NullPointerException.class)
                .hasMessage("body");
    }

    @Test
    void namedSpawnRefusesANullName() {
        assertThatThrownBy(() -> Async.spawn(null, () -> 1)).isInstanceOf(NullPointerException.class)
                .hasMessage("name");
    }

    @Test
    void awaitingFromVirtualThreadsHoldsNoCarrier() throws Exception {
        // Far more waiters than carriers: if awaiting pinned a carrier, the task they wait for
        // could never run.
        int waiters = 20 * Runtime.getRuntime().availableProcessors();
        CountDownLatch allWaiting = new CountDownLatch(waiters);
        Task<String> awaited = Async.spawn(() -> {
            Bodies.await(allWaiting);
            return "v";
        });
        List<Task<String>> tasks = new ArrayList<>();
        for (int i = 0; i < waiters; i++) {
            tasks.add(Async.spawn(() -> {
                allWaiting.countDown();
                return awaited.await();
            }));
        }
        for (Task<String> task : tasks) {
            assertThat(task.await()).isEqualTo("v");
        }
    }
}
