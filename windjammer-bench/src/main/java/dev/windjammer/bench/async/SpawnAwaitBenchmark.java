package dev.windjammer.bench.async;

import dev.windjammer.async.Async;
import dev.windjammer.async.Task;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

/**
 * Spawning a task and awaiting its result: {@code Async.spawn(..).await()} against its peers
 * in the same run &mdash; a raw virtual thread ({@code Thread.ofVirtual().start} + {@code join},
 * the result passed through a field), {@code CompletableFuture.supplyAsync(..).join()} on the
 * common pool (the peer) and on a virtual-thread-per-task executor.
 *
 * <p>{@code single*}: one task at a time, the latency of a round trip. {@code batch*}: 100 tasks
 * started, then all awaited, per invocation (reported per task) &mdash; the fan-out shape of
 * real code. The task body is a token of CPU work ({@code Blackhole.consumeCPU}).
 *
 * <pre>
 * scripts/bench 'async.SpawnAwaitBenchmark' -f 2 -wi 5 -i 5 -w 2s -r 2s
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(java.util.concurrent.TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 2, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class SpawnAwaitBenchmark {

    private static final int BATCH = 100;
    private static final long WORK_TOKENS = 50;
    private static final Callable<Long> CALLABLE = SpawnAwaitBenchmark::work;
    private static final Supplier<Long> SUPPLIER = SpawnAwaitBenchmark::work;

    private ExecutorService virtualThreadPerTask;

    @Setup
    public void setUp() {
        virtualThreadPerTask = Executors.newVirtualThreadPerTaskExecutor();
    }

    @TearDown
    public void tearDown() {
        virtualThreadPerTask.close();
    }

    private static long work() {
        Blackhole.consumeCPU(WORK_TOKENS);
        return WORK_TOKENS;
    }

    /** A raw virtual thread's result holder, as hand-written code would have. */
    private static final class RawTask implements Runnable {
        long result;

        @Override
        public void run() {
            result = work();
        }
    }

    @Benchmark
    public long singleWindjammerSpawnAwait() {
        return Async.spawn(CALLABLE).await();
    }

    @Benchmark
    public long singleRawVirtualThread() throws InterruptedException {
        RawTask task = new RawTask();
        Thread.ofVirtual().start(task).join();
        return task.result;
    }

    @Benchmark
    public long singleCompletableFutureSupplyAsync() {
        return CompletableFuture.supplyAsync(SUPPLIER).join();
    }

    @Benchmark
    public long singleCompletableFutureOnVirtualThreads() {
        return CompletableFuture.supplyAsync(SUPPLIER, virtualThreadPerTask).join();
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void batchWindjammerSpawnAwait(Blackhole bh) {
        List<Task<Long>> tasks = new ArrayList<>(BATCH);
        for (int i = 0; i < BATCH; i++) {
            tasks.add(Async.spawn(CALLABLE));
        }
        for (Task<Long> task : tasks) {
            bh.consume(task.await());
        }
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void batchWindjammerJoinAll(Blackhole bh) {
        List<Callable<Long>> bodies = new ArrayList<>(BATCH);
        for (int i = 0; i < BATCH; i++) {
            bodies.add(CALLABLE);
        }
        bh.consume(Async.joinAll(bodies));
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void batchRawVirtualThreads(Blackhole bh) throws InterruptedException {
        RawTask[] tasks = new RawTask[BATCH];
        Thread[] threads = new Thread[BATCH];
        for (int i = 0; i < BATCH; i++) {
            tasks[i] = new RawTask();
            threads[i] = Thread.ofVirtual().start(tasks[i]);
        }
        for (int i = 0; i < BATCH; i++) {
            threads[i].join();
            bh.consume(tasks[i].result);
        }
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void batchCompletableFutureSupplyAsync(Blackhole bh) {
        List<CompletableFuture<Long>> futures = new ArrayList<>(BATCH);
        for (int i = 0; i < BATCH; i++) {
            futures.add(CompletableFuture.supplyAsync(SUPPLIER));
        }
        for (CompletableFuture<Long> future : futures) {
            bh.consume(future.join());
        }
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void batchCompletableFutureOnVirtualThreads(Blackhole bh) {
        List<CompletableFuture<Long>> futures = new ArrayList<>(BATCH);
        for (int i = 0; i < BATCH; i++) {
            futures.add(CompletableFuture.supplyAsync(SUPPLIER, virtualThreadPerTask));
        }
        for (CompletableFuture<Long> future : futures) {
            bh.consume(future.join());
        }
    }
}
