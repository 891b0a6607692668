package dev.windjammer.compute;

import dev.windjammer.UncheckedInterruptedException;
import dev.windjammer.async.Task;
import dev.windjammer.testkit.Delays;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.concurrent.CancellationException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BackgroundTest {

    private ComputePool pool;

    @BeforeEach
    void startPool() {
        pool = ComputePool.builder().threads(1).name("background-test").build();
    }

    @AfterEach
    void closePool() {
        pool.close();
    }

    @Test
    void awaitReturnsTheResultComputedOnAWorker() {
        Task<String> task = pool.background(() -> Thread.currentThread().getName());
        assertThat(task.await()).startsWith("background-test-worker-");
        assertThat(task.isReady()).isTrue();
        assertThat(task.state()).isEqualTo(Future.State.SUCCESS);
    }

    @Test
    void failureIsRethrownByAwaitAsTheSameInstance() {
        IllegalStateException boom = new IllegalStateException("boom");
        Task<String> task = pool.background(() -> {
            throw boom;
        });
        assertThatThrownBy(task::await).isSameAs(boom);
    }

    @Test
    void cancelBeforeStartMeansItNeverRuns() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        Task<Boolean> blocker = pool.background(() -> {
            try {
                return release.await(Delays.LONG.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
        });
        AtomicBoolean ran = new AtomicBoolean();
        Task<Boolean> queued = pool.background(() -> ran.getAndSet(true));
        assertThat(queued.cancel()).isTrue();
        release.countDown();
        assertThat(blocker.await()).isTrue();
        assertThatThrownBy(queued::await).isInstanceOf(CancellationException.class);
        assertThat(ran).isFalse();
    }

    @Test
    void cancelStopsAParallelRunningInside() throws Exception {
        int n = 1_000_000;
        AtomicInteger started = new AtomicInteger();
        AtomicReference<Throwable> innerOutcome = new AtomicReference<>();
        CountDownLatch running = new CountDownLatch(1);
        Task<Integer> task = pool.background(() -> {
            try {
                return pool.parallel(IntStream.range(0, n).boxed().toList(), x -> {
                    started.incrementAndGet();
                    running.countDown();
                    Sneaky.spin(10_000);
                    return x;
                }).size();
            } catch (Throwable t) {
                innerOutcome.set(t);
                throw t;
            }
        });
        running.await();
        assertThat(task.cancel()).isTrue();
        assertThatThrownBy(task::await).isInstanceOf(CancellationException.class);
        // the worker is free again once the inner parallel stopped
        assertThat(pool.background(() -> 7).await()).isEqualTo(7);
        assertThat(innerOutcome.get()).isInstanceOf(UncheckedInterruptedException.class);
        assertThat(started.get()).isLessThan(n);
    }

    @Test
    void interruptOfACancelledTaskDoesNotLeakIntoTheNextTask() throws Exception {
        CountDownLatch running = new CountDownLatch(1);
        Task<Boolean> task = pool.background(() -> {
            running.countDown();
            while (!Thread.currentThread().isInterrupted()) {
                Thread.onSpinWait();
            }
            return true;
        });
        running.await();
        task.cancel();
        // one worker: the next task runs on the same thread
        Task<Boolean> next = pool.background(() -> Thread.currentThread().isInterrupted());
        assertThat(next.await()).isFalse();
    }

    @Test
    void nullFunctionIsRejectedByName() {
        assertThatThrownBy(() -> pool.background(null))
                .isInstanceOf(NullPointerException.class).hasMessage("fn");
    }

    @Test
    void parallelInsideBackgroundCompletes() {
        Task<Integer> task = pool.background(() ->
                pool.mapReduce(IntStream.range(0, 10_000).boxed().toList(), x -> 1, Integer::sum, 0));
        assertThat(task.await()).isEqualTo(10_000);
    }

    @Test
    void virtualThreadAwaitsBackgroundWork() throws Exception {
        AtomicReference<Boolean> workerWasVirtual = new AtomicReference<>();
        Thread vt = Thread.ofVirtual().start(() ->
                workerWasVirtual.set(pool.background(() -> Thread.currentThread().isVirtual()).await()));
        vt.join(Delays.LONG);
        assertThat(workerWasVirtual.get()).isFalse();
    }
}
