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

import java.util.Arrays;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;

/** Ordered findFirst over 10^7 ints with the only match at the start, middle, end, or absent. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class FindFirstBench {

    static final int N = 10_000_000;

    @Param({"start", "middle", "end", "absent"})
    public String match;

    private int[] values;
    private int target;

    @Setup
    public void setUp() {
        values = new int[N];
        Arrays.fill(values, 1);
        int at = switch (match) {
            case "start" -> 10;
            case "middle" -> N / 2;
            case "end" -> N - 10;
            default -> -1;
        };
        if (at >= 0) {
            values[at] = 7;
        }
        target = 7;
    }

    @Benchmark
    public int sequential() {
        for (int v : values) {
            if (v == target) {
                return v;
            }
        }
        return -1;
    }

    @Benchmark
    public OptionalInt parallelStream() {
        int t = target;
        return Arrays.stream(values).parallel().filter(v -> v == t).findFirst();
    }

    @Benchmark
    public OptionalInt parallelStreamFjp2() throws Exception {
        int t = target;
        return Peers.FJP2.submit(() -> Arrays.stream(values).parallel().filter(v -> v == t).findFirst()).get();
    }

    @Benchmark
    public OptionalInt windjammer() {
        int t = target;
        return Compute.over(values).filter(v -> v == t).findFirst();
    }

    @Benchmark
    public OptionalInt windjammerStaticSplit() {
        int t = target;
        return Peers.STATIC_SPLIT.over(values).filter(v -> v == t).findFirst();
    }

    @Benchmark
    public int oracle() {
        int[] found = {-1, -1};
        int[] vs = values;
        int t = target;
        Peers.ORACLE.run(half -> {
            for (int i = half == 0 ? 0 : N / 2, end = half == 0 ? N / 2 : N; i < end; i++) {
                if (vs[i] == t) {
                    found[half] = i;
                    return;
                }
            }
        });
        return found[0] >= 0 ? found[0] : found[1];
    }
}
