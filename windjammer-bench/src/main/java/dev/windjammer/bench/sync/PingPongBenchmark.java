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
 * Rendezvous ping-pong: two threads bounce one element over two rendezvous channels; the score
 * is the time of one round trip (two hand-offs). Peers: jox rendezvous channel,
 * {@code SynchronousQueue} ({@code jdkQueue}), {@code LinkedTransferQueue.transfer}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class PingPongBenchmark {

    private static final int ROUND_TRIPS = 50_000;

    @Param({"windjammer", "jox", "jdkQueue", "linkedTransferQueue"})
    public String impl;

    @Param({"platform", "virtual"})
    public String threads;

    @Benchmark
    @OperationsPerInvocation(ROUND_TRIPS)
    public void roundTrip() throws InterruptedException {
        Pipe ping = Pipe.of(impl, 0);
        Pipe pong = Pipe.of(impl, 0);
        Workers workers = new Workers(threads);
        workers.start(() -> {
            for (int i = 0; i < ROUND_TRIPS; i++) {
                ping.put(Pipe.ELEMENT);
                pong.take();
            }
        });
        workers.start(() -> {
            for (int i = 0; i < ROUND_TRIPS; i++) {
                pong.put(ping.take());
            }
        });
        workers.joinAll();
    }
}
