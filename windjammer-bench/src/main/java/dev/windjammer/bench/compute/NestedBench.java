package dev.windjammer.bench.compute;

import dev.windjammer.compute.Compute;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

/** Nested parallelism: 32 outer items, each a parallel sum over 20,000 items of about 20 ns. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class NestedBench {

    static final int OUTER = 32;
    static final int INNER = 20_000;
    private List<Integer> outer;
    private int[] inner;

    @Setup
    public void setUp() {
        outer = new ArrayList<>(IntStream.range(0, OUTER).boxed().toList());
        inner = IntStream.range(0, INNER).toArray();
    }

    private static long item(int o, int i) {
        return Peers.work(o * 31L + i, 20);
    }

    private long innerSequential(int o) {
        long sum = 0;
        for (int i : inner) {
            sum += item(o, i);
        }
        return sum;
    }

    @Benchmark
    public long sequential() {
        long total = 0;
        for (Integer o : outer) {
            total += innerSequential(o);
        }
        return total;
    }

    @Benchmark
    public long parallelStream() {
        return outer.parallelStream().mapToLong(o -> Arrays.stream(inner).parallel().mapToLong(i -> item(o, i)).sum()).sum();
    }

    @Benchmark
    public long parallelStreamFjp2() throws Exception {
        return Peers.FJP2.submit(() -> outer.parallelStream()
                .mapToLong(o -> Arrays.stream(inner).parallel().mapToLong(i -> item(o, i)).sum()).sum()).get();
    }

    @Benchmark
    public long windjammer() {
        return Compute.mapReduce(outer, o -> Compute.over(inner).mapToLong(i -> item(o, i)).sum(), Long::sum, 0L);
    }

    @Benchmark
    public long windjammerStaticSplit() {
        return Peers.STATIC_SPLIT.mapReduce(outer, o -> Peers.STATIC_SPLIT.over(inner).mapToLong(i -> item(o, i)).sum(),
                Long::sum, 0L);
    }

    @Benchmark
    public long oracle() {
        long[] sums = new long[2];
        Peers.ORACLE.run(half -> {
            long sum = 0;
            for (int o = half == 0 ? 0 : OUTER / 2, end = half == 0 ? OUTER / 2 : OUTER; o < end; o++) {
                sum += innerSequential(o);
            }
            sums[half] = sum;
        });
        return sums[0] + sums[1];
    }
}
