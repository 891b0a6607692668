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
 * {@code pairs} independent sender/receiver pairs, each over its own channel (jox's
 * ParallelBenchmark); the score is the time per element over all pairs. With 10,000 pairs this
 * is a virtual-thread workload; run platform threads with fewer pairs
 * ({@code -p threads=platform -p pairs=100}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
public class ParallelPairsBenchmark {

    private static final int ELEMENTS = 2_000_000;

    @Param({"windjammer", "jox", "jdkQueue", "linkedTransferQueue"})
    public String impl;

    @Param({"0", "16", "100"})
    public int capacity;

    @Param({"10000"})
    public int pairs;

    @Param({"virtual"})
    public String threads;

    @Benchmark
    @OperationsPerInvocation(ELEMENTS)
    public void pairs() throws InterruptedException {
        int perPair = ELEMENTS / pairs;
        Workers workers = new Workers(threads);
        for (int p = 0; p < pairs; p++) {
            Pipe pipe = Pipe.of(impl, capacity);
            workers.start(() -> {
                for (int i = 0; i < perPair; i++) {
                    pipe.put(Pipe.ELEMENT);
                }
            });
            workers.start(() -> {
                for (int i = 0; i < perPair; i++) {
                    pipe.take();
                }
            });
        }
        workers.joinAll();
    }
}
