package dev.windjammer.examples.compute;

import dev.windjammer.compute.Compute;

import java.util.List;

/**
 * The seed's first compute example:
 *
 * <pre>
 * let results = parallel(items, |item| {
 *     // CPU-intensive operation
 *     process(item)
 * })
 * </pre>
 */
public final class ParallelItems {

    private ParallelItems() {
    }

    /** A CPU-intensive operation on one item: the sum of the prime factors of {@code item}. */
    static long process(long item) {
        long n = item;
        long sum = 0;
        for (long p = 2; p * p <= n; p++) {
            while (n % p == 0) {
                sum += p;
                n /= p;
            }
        }
        return n > 1 ? sum + n : sum;
    }

    /**
     * Processes every item in parallel; the results are in the order of the items.
     *
     * @param items the inputs
     * @return one result per item
     */
    public static List<Long> results(List<Long> items) {
        return Compute.parallel(items, item -> process(item));
    }
}
