package dev.windjammer.examples.compute;

import dev.windjammer.compute.Compute;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import java.util.stream.LongStream;

/**
 * The interim main job ({@code ./windjammer demo}): measures a few workloads as a sequential
 * loop and with {@link Compute#parallel} on this machine, and prints the speedups.
 */
public final class ComputeDemo {

    private ComputeDemo() {
    }

    /** One measured workload: the same result computed sequentially and in parallel. */
    record Workload(String name, Supplier<Object> sequential, Supplier<Object> parallel) {
    }

    /**
     * Runs the demo.
     *
     * @param args ignored
     */
    public static void main(String[] args) {
        run(System.out, 5);
    }

    /**
     * Measures every workload {@code rounds} times (after one warm-up round each) and prints a
     * table; returns the median speedups in workload order.
     *
     * @param out    where the table goes
     * @param rounds measured rounds per workload
     * @return speedup (sequential time / parallel time) per workload
     */
    static double[] run(PrintStream out, int rounds) {
        List<Long> numbers = LongStream.range(10_000_000_000L, 10_000_000_000L + 2_000).boxed().toList();
        List<ImageFilters.Image> images = IntStream.range(0, 32).mapToObj(i -> new ImageFilters.Image(256, 256,
                IntStream.range(0, 256 * 256).map(p -> p * 2_654_435 + i).toArray())).toList();
        List<Long> squares = LongStream.range(0, 2_000_000).boxed().toList();
        List<Workload> workloads = List.of(
                new Workload("prime factors of 2,000 large numbers",
                        () -> numbers.stream().map(ParallelItems::process).toList(),
                        () -> ParallelItems.results(numbers)),
                new Workload("sepia filter on 32 images of 256x256",
                        () -> images.stream().map(ImageFilters::applyFilter).toList(),
                        () -> ImageFilters.processAll(images)),
                new Workload("map_reduce sum of squares of 2,000,000",
                        () -> sequentialSumOfSquares(squares),
                        () -> MapReduceSquares.sumOfSquares(squares)));
        out.printf(Locale.ROOT, "Windjammer compute demo: %d workers (Compute.numWorkers()), %d processors%n",
                Compute.numWorkers(), Runtime.getRuntime().availableProcessors());
        out.printf(Locale.ROOT, "%-42s %12s %12s %8s%n", "workload", "sequential", "parallel", "speedup");
        double[] speedups = new double[workloads.size()];
        for (int w = 0; w < workloads.size(); w++) {
            Workload workload = workloads.get(w);
            long seq = medianNanos(workload.sequential(), rounds);
            long par = medianNanos(workload.parallel(), rounds);
            speedups[w] = (double) seq / par;
            out.printf(Locale.ROOT, "%-42s %9.2f ms %9.2f ms %7.2fx%n", workload.name(), seq / 1e6, par / 1e6, speedups[w]);
        }
        return speedups;
    }

    /** The same boxed work as {@code map_reduce(data, |x| x*x, |a,b| a+b, 0)}, in a loop. */
    private static Long sequentialSumOfSquares(List<Long> data) {
        Long sum = 0L;
        for (Long x : data) {
            Long square = x * x;
            sum = sum + square;
        }
        return sum;
    }

    private static long medianNanos(Supplier<Object> body, int rounds) {
        body.get();
        long[] times = new long[rounds];
        for (int r = 0; r < rounds; r++) {
            long start = System.nanoTime();
            if (body.get() == null) {
                throw new IllegalStateException("workload returned nothing");
            }
            times[r] = System.nanoTime() - start;
        }
        java.util.Arrays.sort(times);
        return times[rounds / 2];
    }
}
