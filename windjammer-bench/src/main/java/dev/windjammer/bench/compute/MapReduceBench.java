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
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

/** {@code map_reduce(data, |x| x*x, |a,b| a+b, 0)} over a list of 10^6 boxed integers. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class MapReduceBench {

    static final int N = 1_000_000;
    private List<Integer> input;

    @Setup
    public void setUp() {
        input = new ArrayList<>(IntStream.range(0, N).boxed().toList());
    }

    @Benchmark
    public long sequential() {
        long sum = 0;
        for (Integer x : input) {
            sum += (long) x * x;
        }
        return sum;
    }

    @Benchmark
    public long parallelStream() {
        return input.parallelStream().map(x -> (long) x * x).reduce(0L, Long::sum);
    }

    @Benchmark
    public long parallelStreamFjp2() throws Exception {
        return Peers.FJP2.submit(() -> input.parallelStream().map(x -> (long) x * x).reduce(0L, Long::sum)).get();
    }

    @Benchmark
    public long windjammer() {
        return Compute.mapReduce(input, x -> (long) x * x, Long::sum, 0L);
    }

    @Benchmark
    public long oracle() {
        long[] sums = new long[2];
        Peers.ORACLE.run(half -> {
            long sum = 0;
            for (int i = half == 0 ? 0 : N / 2, end = half == 0 ? N / 2 : N; i < end; i++) {
                long x = input.get(i);
                sum += x * x;
            }
            sums[half] = sum;
        });
        return sums[0] + sums[1];
    }
}
