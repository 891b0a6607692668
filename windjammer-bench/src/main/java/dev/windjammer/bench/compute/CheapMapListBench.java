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

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

/** A cheap map over a {@code List<Integer>} into a list: boxing, allocation, order. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class CheapMapListBench {

    @Param({"10", "1000", "100000", "10000000"})
    public int n;

    private List<Integer> input;

    @Setup
    public void setUp() {
        input = new ArrayList<>(IntStream.range(0, n).boxed().toList());
    }

    @Benchmark
    public List<Integer> sequential() {
        List<Integer> out = new ArrayList<>(input.size());
        for (Integer x : input) {
            out.add(Peers.cheap(x));
        }
        return out;
    }

    @Benchmark
    public List<Integer> parallelStream() {
        return input.parallelStream().map(Peers::cheap).toList();
    }

    @Benchmark
    public List<Integer> parallelStreamFjp2() throws Exception {
        return Peers.FJP2.submit(() -> input.parallelStream().map(Peers::cheap).toList()).get();
    }

    @Benchmark
    public List<Integer> windjammer() {
        return Compute.parallel(input, Peers::cheap);
    }

    @Benchmark
    public List<Integer> oracle() {
        List<Integer> in = input;
        Integer[] out = new Integer[in.size()];
        int mid = out.length / 2;
        Peers.ORACLE.run(half -> {
            for (int i = half == 0 ? 0 : mid, end = half == 0 ? mid : out.length; i < end; i++) {
                out[i] = Peers.cheap(in.get(i));
            }
        });
        return Arrays.asList(out);
    }
}
