package dev.windjammer.bench.compute;

import dev.windjammer.compute.Compute;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.util.Arrays;
import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * Sorting random ints: Windjammer's {@code sorted()} against {@code Arrays.parallelSort} (the
 * peer named by the issue, on the common pool), its run inside a two-worker pool, the
 * sequential {@code Arrays.sort}, and an oracle that sorts two halves on two threads and
 * merges each half of the output on one of them.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class SortBench {

    @Param({"1000000", "10000000"})
    public int n;

    private int[] original;
    private int[] work;

    @Setup(Level.Trial)
    public void generate() {
        original = new Random(1).ints(n).toArray();
    }

    @Setup(Level.Invocation)
    public void copy() {
        work = original.clone();
    }

    @Benchmark
    public int[] sequential() {
        Arrays.sort(work);
        return work;
    }

    @Benchmark
    public int[] parallelStream() {
        Arrays.parallelSort(work);
        return work;
    }

    @Benchmark
    public int[] parallelStreamFjp2() throws Exception {
        int[] a = work;
        Peers.FJP2.submit(() -> Arrays.parallelSort(a)).get();
        return a;
    }

    @Benchmark
    public int[] windjammer() {
        return Compute.over(work).sorted().toArray();
    }

    @Benchmark
    public int[] oracle() {
        int[] a = work;
        int[] out = new int[a.length];
        int mid = a.length / 2;
        Peers.ORACLE.run(half -> Arrays.sort(a, half == 0 ? 0 : mid, half == 0 ? mid : a.length));
        Peers.ORACLE.run(half -> {
            int k0 = half == 0 ? 0 : mid;
            int k1 = half == 0 ? mid : a.length;
            int i = coRank(a, mid, k0);
            int iEnd = coRank(a, mid, k1);
            int j = mid + (k0 - i);
            int jEnd = mid + (k1 - iEnd);
            int o = k0;
            while (i < iEnd && j < jEnd) {
                out[o++] = a[j] < a[i] ? a[j++] : a[i++];
            }
            while (i < iEnd) {
                out[o++] = a[i++];
            }
            while (j < jEnd) {
                out[o++] = a[j++];
            }
        });
        return out;
    }

    /** How many of the first k outputs of merging a[0, mid) and a[mid, n) come from the left. */
    private static int coRank(int[] a, int mid, int k) {
        int n = a.length - mid;
        int lo = Math.max(0, k - n);
        int hi = Math.min(k, mid);
        while (lo < hi) {
            int i = (lo + hi) >>> 1;
            int j = k - i;
            if (j == 0 || a[mid + j - 1] < a[i]) {
                hi = i;
            } else {
                lo = i + 1;
            }
        }
        return lo;
    }
}
