package dev.windjammer.async;

import dev.windjammer.compute.Compute;
import dev.windjammer.compute.ComputePool;
import dev.windjammer.testkit.Delays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The seed's "better integration with async": CPU work started from async code with
 * {@code Compute.background} runs on compute workers, and awaiting it from a virtual thread
 * does not hold a carrier thread.
 */
@ExtendWith(VirtualThreadLeakCheck.class)
class ComputeBackgroundFromAsyncTest {

    /** Many more awaiting virtual threads than carriers (one per core by default). */
    private static final int AWAITING_TASKS = 64;

    @Test
    void awaitingBackgroundWorkFromManyVirtualThreadsLeavesCarriersFree() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch allStarted = new CountDownLatch(AWAITING_TASKS);
        AtomicBoolean ranOnVirtualThread = new AtomicBoolean();
        try (ComputePool pool = ComputePool.builder().threads(2).name("bg-from-async").build()) {
            List<Task<Integer>> awaiting = new ArrayList<>();
            for (int i = 0; i < AWAITING_TASKS; i++) {
                int n = i;
                awaiting.add(Async.spawn(() -> {
                    Task<Integer> cpu = pool.background(() -> {
                        ranOnVirtualThread.compareAndSet(false, Thread.currentThread().isVirtual());
                        awaitUninterruptibly(release);
                        return n * n;
                    });
                    allStarted.countDown();
                    return cpu.await();
                }));
            }
            assertThat(allStarted.await(Delays.LONG.toMillis(), TimeUnit.MILLISECONDS)).isTrue();
            // Every spawned task now waits on background work that cannot finish before the
            // latch opens. If awaiting held carriers, this task could never run.
            Task<String> opener = Async.spawn(() -> {
                release.countDown();
                return "opened";
            });
            assertThat(opener.await(Delays.LONG)).isEqualTo("opened");
            List<Integer> results = new ArrayList<>();
            for (Task<Integer> task : awaiting) {
                results.add(task.await(Delays.LONG));
            }
            assertThat(results).containsExactlyElementsOf(
                    IntStream.range(0, AWAITING_TASKS).map(i -> i * i).boxed().toList());
        }
        assertThat(ranOnVirtualThread).isFalse();
    }

    @Test
    void parallelInsideAnAsyncTaskRunsOnComputeWorkers() {
        Task<List<Boolean>> task = Async.spawn(() ->
                Compute.parallel(IntStream.range(0, 1_000).boxed().toList(),
                        i -> Thread.currentThread().isVirtual()));
        assertThat(task.await(Delays.LONG)).hasSize(1_000).doesNotContain(true);
    }

    @Test
    void cancellingTheAsyncScopeCancelsTheBackgroundWorkItAwaits() throws Exception {
        CountDownLatch computing = new CountDownLatch(1);
        AtomicBoolean interrupted = new AtomicBoolean();
        try (ComputePool pool = ComputePool.builder().threads(1).name("bg-cancel").build()) {
            Task<Integer> owner = Async.spawn(() -> {
                Task<Integer> cpu = pool.background(() -> {
                    computing.countDown();
                    try {
                        Thread.sleep(Delays.LONG);
                    } catch (InterruptedException e) {
                        interrupted.set(true);
                    }
                    return 0;
                });
                try {
                    return cpu.await();
                } finally {
                    cpu.cancel();
                }
            });
            assertThat(computing.await(Delays.LONG.toMillis(), TimeUnit.MILLISECONDS)).isTrue();
            owner.cancel();
            assertThat(owner.awaitOutcome()).isInstanceOf(Outcome.Cancelled.class);
        }
        assertThat(interrupted).isTrue();
    }

    private static void awaitUninterruptibly(CountDownLatch latch) {
        boolean interrupted = false;
        while (true) {
            try {
                latch.await();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
