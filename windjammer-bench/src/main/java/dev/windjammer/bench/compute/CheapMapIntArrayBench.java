package dev.windjammer.bench.compute;

import dev.windjammer.compute.Compute;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

/** A cheap map over an {@code int[]} into a new {@code int[]}: overhead and memory bandwidth. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class CheapMapIntArrayBench {

    @Param({"10", "1000", "100000", "10000000"})
    public int n;

    private int[] input;

    @Setup
    public void setUp() {
        input = IntStream.range(0, n).toArray();
    }

    @Benchmark
    public int[] sequential() {
        int[] in = input;
        int[] out = new int[in.length];
        for (int i = 0; i < in.length; i++) {
            out[i] = Peers.cheap(in[i]);
        }
        return out;
    }

    @Benchmark
    public int[] parallelStream() {
        return java.util.Arrays.stream(input).parallel().map(Peers::cheap).toArray();
    }

    @Benchmark
    public int[] parallelStreamFjp2() throws Exception {
        return Peers.FJP2.submit(() -> java.util.Arrays.stream(input).parallel().map(Peers::cheap).toArray()).get();
    }

    @Benchmark
    public int[] windjammer() {
        return Compute.over(input).map(Peers::cheap).toArray();
    }

    @Benchmark
    public int[] windjammerStaticSplit() {
        return Peers.STATIC_SPLIT.over(input).map(Peers::cheap).toArray();
    }

    @Benchmark
    public int[] oracle() {
        int[] in = input;
        int[] out = new int[in.length];
        int mid = in.length / 2;
        Peers.ORACLE.run(half -> {
            for (int i = half == 0 ? 0 : mid, end = half == 0 ? mid : in.length; i < end; i++) {
                out[i] = Peers.cheap(in[i]);
            }
        });
        return out;
    }
}
