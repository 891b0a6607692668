package dev.windjammer.compute.spi;

import java.util.function.Function;

/**
 * The map step of one {@code parallel} or {@code mapReduce} call, as handed to a
 * {@link ComputeBackend}: the items, the function, and the slots for the results.
 *
 * <p>Thread-safe: results may be recorded from many threads. Each slot takes its first result
 * only, so a backend that retries, or a fallback that recomputes an item whose result was lost
 * in transit, cannot change or duplicate an entry of the output.
 *
 * @param <T> item type
 * @param <R> result type
 */
public interface MapBatch<T, R> {

    /**
     * Returns the function to apply to every item.
     *
     * @return the user's function, as passed to {@code parallel}
     */
    Function<? super T, ? extends R> function();

    /**
     * Returns the number of items of the whole batch.
     *
     * @return the size
     */
    int size();

    /**
     * Returns the item at {@code index}.
     *
     * @param index a position in {@code [0, size())}
     * @return the item
     * @throws IndexOutOfBoundsException if the index is out of range
     */
    T item(int index);

    /**
     * Returns the positions that have no result yet, in ascending order; a fresh array on
     * every call.
     *
     * @return the pending positions
     */
    int[] pending();

    /**
     * Records the result for the item at {@code index}, unless one was recorded before.
     *
     * @param index  a position in {@code [0, size())}
     * @param result the function's result, may be {@code null}
     * @return {@code true} if this result was recorded, {@code false} if the slot already
     *         had one (this result is then ignored)
     * @throws IndexOutOfBoundsException if the index is out of range
     */
    boolean complete(int index, R result);
}
