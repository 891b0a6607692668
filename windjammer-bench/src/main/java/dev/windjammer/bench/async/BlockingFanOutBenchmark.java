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

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The async layer's own workload: a fan-out of 100 bodies that each block for 1 ms
 * (a stand-in for an I/O wait), spawned and then all awaited. Windjammer ({@code Async.spawn}
 * + {@code await}, and {@code Async.joinAll}) against raw virtual threads and
 * {@code CompletableFuture.supplyAsync} on the common pool (the peer) and on a
 * virtual-thread-per-task executor, in the same run. Reported per body.
 *
 * <pre>
 * scripts/bench 'async.BlockingFanOutBenchmark' -f 2 -wi 5 -i 5 -w 2s -r 2s
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 2, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class BlockingFanOutBenchmark {

    private static final Duration BLOCK = Duration.ofMillis(1);
    private static final int TASKS = 100;
    private static final Callable<Long> CALLABLE = BlockingFanOutBenchmark::blockingCall;
    private static final Supplier<Long> SUPPLIER = BlockingFanOutBenchmark::blockingCall;

    private ExecutorService virtualThreadPerTask;
    private List<Callable<Long>> bodies;

    @Setup
    public void setUp() {
        virtualThreadPerTask = Executors.newVirtualThreadPerTaskExecutor();
        bodies = new ArrayList<>(TASKS);
        for (int i = 0; i < TASKS; i++) {
            bodies.add(CALLABLE);
        }
    }

    @TearDown
    public void tearDown() {
        virtualThreadPerTask.close();
    }

    private static long blockingCall() {
        try {
            Thread.sleep(BLOCK);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return 1;
    }

    /** A raw virtual thread's result holder, as hand-written code would have. */
    private static final class RawTask implements Runnable {
        long result;

        @Override
        public void run() {
            result = blockingCall();
        }
    }

    @Benchmark
    @OperationsPerInvocation(TASKS)
    public void windjammerSpawnAwait(Blackhole bh) {
        List<Task<Long>> handles = new ArrayList<>(TASKS);
        for (int i = 0; i < TASKS; i++) {
            handles.add(Async.spawn(CALLABLE));
        }
        for (Task<Long> task : handles) {
            bh.consume(task.await());
        }
    }

    @Benchmark
    @OperationsPerInvocation(TASKS)
    public void windjammerJoinAll(Blackhole bh) {
        bh.consume(Async.joinAll(bodies));
    }

    @Benchmark
    @OperationsPerInvocation(TASKS)
    public void rawVirtualThreads(Blackhole bh) throws InterruptedException {
        RawTask[] raw = new RawTask[TASKS];
        Thread[] threads = new Thread[TASKS];
        for (int i = 0; i < TASKS; i++) {
            raw[i] = new RawTask();
            threads[i] = Thread.ofVirtual().start(raw[i]);
        }
        for (int i = 0; i < TASKS; i++) {
            threads[i].join();
            bh.consume(raw[i].result);
        }
    }

    @Benchmark
    @OperationsPerInvocation(TASKS)
    public void completableFutureSupplyAsync(Blackhole bh) {
        List<CompletableFuture<Long>> futures = new ArrayList<>(TASKS);
        for (int i = 0; i < TASKS; i++) {
            futures.add(CompletableFuture.supplyAsync(SUPPLIER));
        }
        for (CompletableFuture<Long> future : futures) {
            bh.consume(future.join());
        }
    }

    @Benchmark
    @OperationsPerInvocation(TASKS)
    public void completableFutureOnVirtualThreads(Blackhole bh) {
        List<CompletableFuture<Long>> futures = new ArrayList<>(TASKS);
        for (int i = 0; i < TASKS; i++) {
            futures.add(CompletableFuture.supplyAsync(SUPPLIER, virtualThreadPerTask));
        }
        for (CompletableFuture<Long> future : futures) {
            bh.consume(future.join());
        }
    }
}
