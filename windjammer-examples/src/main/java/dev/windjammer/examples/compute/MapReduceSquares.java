package dev.windjammer.examples.compute;

import dev.windjammer.compute.Compute;

import java.util.List;

/**
 * The seed's map-reduce example: {@code let sum = map_reduce(data, |x| x * x, |a, b| a + b, 0)}.
 */
public final class MapReduceSquares {

    private MapReduceSquares() {
    }

    /**
     * Returns the sum of the squares of {@code data}, computed in parallel.
     *
     * @param data the numbers
     * @return the sum of their squares, 0 for no numbers
     */
    public static long sumOfSquares(List<Long> data) {
        return Compute.mapReduce(data, x -> x * x, (a, b) -> a + b, 0L);
    }
}
