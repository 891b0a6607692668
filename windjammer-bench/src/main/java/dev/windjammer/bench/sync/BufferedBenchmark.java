package dev.windjammer.bench.sync;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.TimeUnit;

/**
 * Buffered throughput: one producer sends a million elements through a buffered channel to
 * one consumer; the score is the time per element. Peers: jox buffered channel,
 * {@code ArrayBlockingQueue} ({@code jdkQueue}), unbounded {@code LinkedTransferQueue}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class BufferedBenchmark {

    private static final int ELEMENTS = 1_000_000;

    @Param({"windjammer", "jox", "jdkQueue", "linkedTransferQueue"})
    public String impl;

    @Param({"16", "100"})
    public int capacity;

    @Param({"platform", "virtual"})
    public String threads;

    @Benchmark
    @OperationsPerInvocation(ELEMENTS)
    public void sendReceive() throws InterruptedException {
        Pipe pipe = Pipe.of(impl, capacity);
        Workers workers = new Workers(threads);
        workers.start(() -> {
            for (int i = 0; i < ELEMENTS; i++) {
                pipe.put(Pipe.ELEMENT);
            }
        });
        workers.start(() -> {
            for (int i = 0; i < ELEMENTS; i++) {
                pipe.take();
            }
        });
        workers.joinAll();
    }
}
