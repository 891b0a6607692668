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
 * A chain of {@code length} threads, each receiving from the channel before it and sending to
 * the one after it (jox's ChainedBenchmark); the score is the time per hop. With 10,000 links
 * this is a virtual-thread workload; run platform threads with a shorter chain
 * ({@code -p threads=platform -p length=100}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
public class ChainBenchmark {

    private static final int HOPS = 2_000_000;

    @Param({"windjammer", "jox", "jdkQueue", "linkedTransferQueue"})
    public String impl;

    @Param({"0", "16"})
    public int capacity;

    @Param({"10000"})
    public int length;

    @Param({"virtual"})
    public String threads;

    @Benchmark
    @OperationsPerInvocation(HOPS)
    public void chain() throws InterruptedException {
        int elements = HOPS / length;
        Pipe[] links = new Pipe[length];
        for (int i = 0; i < length; i++) {
            links[i] = Pipe.of(impl, capacity);
        }
        Workers workers = new Workers(threads);
        workers.start(() -> {
            for (int i = 0; i < elements; i++) {
                links[0].put(Pipe.ELEMENT);
            }
        });
        for (int t = 1; t < length; t++) {
            Pipe from = links[t - 1];
            Pipe to = links[t];
            workers.start(() -> {
                for (int i = 0; i < elements; i++) {
                    to.put(from.take());
                }
            });
        }
        Pipe last = links[length - 1];
        workers.start(() -> {
            for (int i = 0; i < elements; i++) {
                last.take();
            }
        });
        workers.joinAll();
    }
}
