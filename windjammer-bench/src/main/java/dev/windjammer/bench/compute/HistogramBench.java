package dev.windjammer.bench.compute;

import dev.windjammer.compute.Compute;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.util.Arrays;
import java.util.Random;
import java.util.concurrent.TimeUnit;

/** A 256-bucket histogram of 10^6 ints: a fold into mutable per-chunk accumulators. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class HistogramBench {

    static final int N = 1_000_000;
    static final int BUCKETS = 256;
    private int[] values;

    @Setup
    public void setUp() {
        values = new Random(42).ints(N, 0, 1 << 20).toArray();
    }

    private static int bucket(int v) {
        return (v * 0x9E3779B1) >>> 24;
    }

    private static long[] merge(long[] a, long[] b) {
        for (int i = 0; i < a.length; i++) {
            a[i] += b[i];
        }
        return a;
    }

    @Benchmark
    public long[] sequential() {
        long[] h = new long[BUCKETS];
        for (int v : values) {
            h[bucket(v)]++;
        }
        return h;
    }

    @Benchmark
    public long[] parallelStream() {
        return Arrays.stream(values).parallel().collect(() -> new long[BUCKETS], (h, v) -> h[bucket(v)]++,
                HistogramBench::merge);
    }

    @Benchmark
    public long[] parallelStreamFjp2() throws Exception {
        return Peers.FJP2.submit(() -> Arrays.stream(values).parallel().collect(() -> new long[BUCKETS],
                (h, v) -> h[bucket(v)]++, HistogramBench::merge)).get();
    }

    @Benchmark
    public long[] windjammer() {
        return Compute.over(values).fold(() -> new long[BUCKETS], (h, v) -> {
            h[bucket(v)]++;
            return h;
        }, HistogramBench::merge);
    }

    @Benchmark
    public long[] oracle() {
        long[][] halves = new long[2][];
        Peers.ORACLE.run(half -> {
            long[] h = new long[BUCKETS];
            for (int i = half == 0 ? 0 : N / 2, end = half == 0 ? N / 2 : N; i < end; i++) {
                h[bucket(values[i])]++;
            }
            halves[half] = h;
        });
        return merge(halves[0], halves[1]);
    }
}
