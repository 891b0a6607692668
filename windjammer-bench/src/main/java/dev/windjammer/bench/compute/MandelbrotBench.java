package dev.windjammer.bench.compute;

import dev.windjammer.compute.Compute;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

/**
 * Uneven cost: the rows of a Mandelbrot image, where rows through the set cost up to a hundred
 * times more than rows outside it. The image is symmetric about the real axis, so the oracle's
 * fixed halves happen to be balanced: the best case for a static split.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class MandelbrotBench {

    static final int WIDTH = 640;
    static final int HEIGHT = 480;
    static final int MAX_ITERATIONS = 256;

    /** Escape counts of one row. */
    static int[] row(int y) {
        int[] counts = new int[WIDTH];
        double ci = -1.2 + 2.4 * (y + 0.5) / HEIGHT;
        for (int x = 0; x < WIDTH; x++) {
            double cr = -2.2 + 3.0 * x / WIDTH;
            double zr = 0;
            double zi = 0;
            int k = 0;
            while (k < MAX_ITERATIONS && zr * zr + zi * zi <= 4) {
                double t = zr * zr - zi * zi + cr;
                zi = 2 * zr * zi + ci;
                zr = t;
                k++;
            }
            counts[x] = k;
        }
        return counts;
    }

    @Benchmark
    public int[][] sequential() {
        int[][] image = new int[HEIGHT][];
        for (int y = 0; y < HEIGHT; y++) {
            image[y] = row(y);
        }
        return image;
    }

    @Benchmark
    public int[][] parallelStream() {
        return IntStream.range(0, HEIGHT).parallel().mapToObj(MandelbrotBench::row).toArray(int[][]::new);
    }

    @Benchmark
    public int[][] parallelStreamFjp2() throws Exception {
        return Peers.FJP2.submit(() ->
                IntStream.range(0, HEIGHT).parallel().mapToObj(MandelbrotBench::row).toArray(int[][]::new)).get();
    }

    @Benchmark
    public Object windjammer() {
        return Compute.range(0, HEIGHT).mapToObj(MandelbrotBench::row).toList();
    }

    @Benchmark
    public Object windjammerStaticSplit() {
        return Peers.STATIC_SPLIT.range(0, HEIGHT).mapToObj(MandelbrotBench::row).toList();
    }

    @Benchmark
    public int[][] oracle() {
        int[][] image = new int[HEIGHT][];
        Peers.ORACLE.run(half -> {
            for (int y = half == 0 ? 0 : HEIGHT / 2, end = half == 0 ? HEIGHT / 2 : HEIGHT; y < end; y++) {
                image[y] = row(y);
            }
        });
        return image;
    }
}
