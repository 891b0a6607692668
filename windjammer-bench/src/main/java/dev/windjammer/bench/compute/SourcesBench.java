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
import java.util.Collection;
import java.util.LinkedList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

/**
 * The same map (about 50 ns per item) over 10^5 items held in an array, an {@code ArrayList}
 * and a {@code LinkedList}: what the shape of the source costs.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class SourcesBench {

    static final int N = 100_000;

    @Param({"array", "arrayList", "linkedList"})
    public String source;

    private Integer[] array;
    private Collection<Integer> items;

    @Setup
    public void setUp() {
        array = IntStream.range(0, N).boxed().toArray(Integer[]::new);
        items = switch (source) {
            case "array" -> Arrays.asList(array);
            case "arrayList" -> new ArrayList<>(Arrays.asList(array));
            default -> new LinkedList<>(Arrays.asList(array));
        };
    }

    private static long item(Integer x) {
        return Peers.work(x, 50);
    }

    @Benchmark
    public List<Long> sequential() {
        List<Long> out = new ArrayList<>(N);
        for (Integer x : items) {
            out.add(item(x));
        }
        return out;
    }

    @Benchmark
    public List<Long> parallelStream() {
        return items.parallelStream().map(SourcesBench::item).toList();
    }

    @Benchmark
    public List<Long> parallelStreamFjp2() throws Exception {
        return Peers.FJP2.submit(() -> items.parallelStream().map(SourcesBench::item).toList()).get();
    }

    @Benchmark
    public List<Long> windjammer() {
        return Compute.parallel(items, SourcesBench::item);
    }

    @Benchmark
    public List<Long> oracle() {
        Object[] in = items instanceof LinkedList<Integer> ? items.toArray() : null;
        List<Integer> list = in == null ? (List<Integer>) items : null;
        Long[] out = new Long[N];
        Peers.ORACLE.run(half -> {
            for (int i = half == 0 ? 0 : N / 2, end = half == 0 ? N / 2 : N; i < end; i++) {
                out[i] = item(in != null ? (Integer) in[i] : list.get(i));
            }
        });
        return Arrays.asList(out);
    }
}
