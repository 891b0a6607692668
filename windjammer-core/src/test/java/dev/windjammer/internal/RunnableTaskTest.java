package dev.windjammer.internal;

import dev.windjammer.TaskFailedException;
import dev.windjammer.TimedOutException;
import dev.windjammer.UncheckedInterruptedException;
import dev.windjammer.async.Outcome;
import dev.windjammer.async.VirtualThreadLeakCheck;
import dev.windjammer.testkit.Delays;
import dev.windjammer.testkit.TestThreads;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@ExtendWith(VirtualThreadLeakCheck.class)
class RunnableTaskTest {

    @Test
    void awaitReturnsTheValue() {
        RunnableTask<String> task = new RunnableTask<>(() -> "v", "t");
        task.run();
        assertThat(task.await()).isEqualTo("v");
        assertThat(task.isReady()).isTrue();
        assertThat(task.state()).isEqualTo(Future.State.SUCCESS);
    }

    @Test
    void uncheckedFailureIsRethrownAsTheSameInstance() {
        IllegalStateException boom = new IllegalStateException("boom");
        RunnableTask<String> task = new RunnableTask<>(() -> { throw boom; }, "t");
        task.run();
        assertThatThrownBy(task::await).isSameAs(boom);
        assertThat(task.exceptionNow()).isSameAs(boom);
    }

    @Test
    void errorIsRethrownAsTheSameInstance() {
        AssertionError boom = new AssertionError("boom");
        RunnableTask<String> task = new RunnableTask<>(() -> { throw boom; }, "t");
        task.run();
        assertThatThrownBy(task::await).isSameAs(boom);
    }

    @Test
    void checkedFailureIsWrappedOnce() {
        IOException boom = new IOException("boom");
        RunnableTask<String> task = new RunnableTask<>(() -> { throw boom; }, "t");
        task.run();
        assertThatThrownBy(task::await).isInstanceOf(TaskFailedException.class).hasCause(boom);
    }

    @Test
    void cancelledTaskNeverRunsAndAwaitThrowsCancellation() {
        AtomicInteger runs = new AtomicInteger();
        RunnableTask<Integer> task = new RunnableTask<>(runs::incrementAndGet, "t");
        assertThat(task.cancel()).isTrue();
        task.run();
        assertThat(runs).hasValue(0);
        assertThat(task.isCancelled()).isTrue();
        assertThatThrownBy(task::await).isInstanceOf(CancellationException.class);
    }

    @Test
    void cancelInterruptsTheRunner() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        RunnableTask<String> task = new RunnableTask<>(() -> {
            started.countDown();
            Thread.sleep(Delays.LONG);
            return "late";
        }, "t");
        try (TestThreads threads = new TestThreads()) {
            Thread runner = threads.start(task::run);
            started.await();
            task.cancel();
            TestThreads.awaitTermination(runner);
        }
        assertThat(task.state()).isEqualTo(Future.State.CANCELLED);
    }

    @Test
    void timedAwaitThrowsTimedOutAndLeavesTheTaskAlone() {
        RunnableTask<String> task = new RunnableTask<>(() -> "v", "slow task");
        assertThatThrownBy(() -> task.await(Delays.SHORT))
                .isInstanceOf(TimedOutException.class)
                .hasMessageContaining("slow task");
        assertThat(task.isCancelled()).isFalse();
        task.run();
        assertThat(task.await(Duration.ZERO)).isEqualTo("v");
    }

    @Test
    void interruptedAwaitThrowsUncheckedAndKeepsTheFlag() {
        RunnableTask<String> task = new RunnableTask<>(() -> "v", "t");
        Thread.currentThread().interrupt();
        try {
            assertThatThrownBy(task::await).isInstanceOf(UncheckedInterruptedException.class)
                    .hasCauseInstanceOf(InterruptedException.class);
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
        } finally {
            Thread.interrupted();
        }
    }

    @Test
    void callbacksRunOnceWhetherAddedBeforeOrAfterCompletion() {
        AtomicInteger calls = new AtomicInteger();
        RunnableTask<String> task = new RunnableTask<>(() -> "v", "t");
        task.whenDone(calls::incrementAndGet);
        task.whenDone(calls::incrementAndGet);
        assertThat(calls).hasValue(0);
        task.run();
        assertThat(calls).hasValue(2);
        task.whenDone(calls::incrementAndGet);
        assertThat(calls).hasValue(3);
    }

    @Test
    void hugeTimeoutsSaturate() {
        assertThat(RunnableTask.toNanos(Duration.ofSeconds(Long.MAX_VALUE))).isEqualTo(Long.MAX_VALUE);
        assertThat(RunnableTask.toNanos(Duration.ofSeconds(Long.MIN_VALUE))).isEqualTo(Long.MIN_VALUE);
    }

    @Test
    void outcomeOfASuccessCarriesTheValue() {
        RunnableTask<String> task = new RunnableTask<>(() -> "v", "t");
        task.run();
        assertThat(task.outcomeNow()).isEqualTo(new Outcome.Success<>("v"));
        assertThat(task.awaitOutcome()).isEqualTo(new Outcome.Success<>("v"));
    }

    @Test
    void outcomeOfAFailureCarriesTheExceptionUnwrapped() {
        IOException boom = new IOException("boom");
        RunnableTask<String> task = new RunnableTask<>(() -> { throw boom; }, "t");
        task.run();
        assertThat(task.awaitOutcome()).isEqualTo(new Outcome.Failure<String>(boom));
    }

    @Test
    void outcomeOfACancelledTaskIsCancelled() {
        RunnableTask<String> task = new RunnableTask<>(() -> "v", "t");
        task.cancel();
        assertThat(task.awaitOutcome()).isEqualTo(new Outcome.Cancelled<String>());
    }

    @Test
    void outcomeNowRefusesATaskThatHasNotCompleted() {
        RunnableTask<String> task = new RunnableTask<>(() -> "v", "slow task");
        assertThatThrownBy(task::outcomeNow).isInstanceOf(IllegalStateException.class)
                .hasMessage("slow task has not completed");
    }

    @Test
    void interruptedAwaitOutcomeThrowsUncheckedAndKeepsTheFlag() {
        RunnableTask<String> task = new RunnableTask<>(() -> "v", "t");
        Thread.currentThread().interrupt();
        try {
            assertThatThrownBy(task::awaitOutcome).isInstanceOf(UncheckedInterruptedException.class);
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
        } finally {
            Thread.interrupted();
        }
    }

    @Test
    void awaitingATaskRunByAPlatformWorkerHoldsNoCarrier() throws Exception {
        // The shape of Compute.background awaited from async code: far more virtual threads
        // wait than there are carriers, while a platform thread runs the task.
        int waiters = 20 * Runtime.getRuntime().availableProcessors();
        CountDownLatch allWaiting = new CountDownLatch(waiters);
        RunnableTask<String> task = new RunnableTask<>(() -> {
            allWaiting.await();
            return "computed";
        }, "background");
        List<String> results = new java.util.concurrent.CopyOnWriteArrayList<>();
        try (TestThreads threads = new TestThreads()) {
            threads.start(task::run);
            for (int i = 0; i < waiters; i++) {
                threads.startVirtual(() -> {
                    allWaiting.countDown();
                    results.add(task.await());
                });
            }
        }
        assertThat(results).hasSize(waiters).containsOnly("computed");
    }
}
