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
import java.util.stream.LongStream;

/** A map of about 1 µs of CPU per item: the balanced, CPU-bound case. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class MicroMapBench {

    @Param({"16", "1000", "100000"})
    public int n;

    private List<Long> input;

    @Setup
    public void setUp() {
        input = new ArrayList<>(LongStream.range(0, n).boxed().toList());
    }

    private static long item(long x) {
        return Peers.work(x, Peers.ONE_MICROSECOND);
    }

    @Benchmark
    public List<Long> sequential() {
        List<Long> out = new ArrayList<>(input.size());
        for (Long x : input) {
            out.add(item(x));
        }
        return out;
    }

    @Benchmark
    public List<Long> parallelStream() {
        return input.parallelStream().map(MicroMapBench::item).toList();
    }

    @Benchmark
    public List<Long> parallelStreamFjp2() throws Exception {
        return Peers.FJP2.submit(() -> input.parallelStream().map(MicroMapBench::item).toList()).get();
    }

    @Benchmark
    public List<Long> windjammer() {
        return Compute.parallel(input, MicroMapBench::item);
    }

    @Benchmark
    public List<Long> windjammerStaticSplit() {
        return Peers.STATIC_SPLIT.parallel(input, MicroMapBench::item);
    }

    @Benchmark
    public List<Long> oracle() {
        List<Long> in = input;
        Long[] out = new Long[in.size()];
        int mid = out.length / 2;
        Peers.ORACLE.run(half -> {
            for (int i = half == 0 ? 0 : mid, end = half == 0 ? mid : out.length; i < end; i++) {
                out[i] = item(in.get(i));
            }
        });
        return Arrays.asList(out);
    }
}
