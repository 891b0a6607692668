package dev.windjammer.compute;

import java.util.List;
import java.util.function.Function;

/**
 * {@code parallel(items, fn)}: applies {@code fn} to every item and writes each result into
 * its own slot of the output array, so the output is in input order without any merging.
 *
 * @param <T> item type
 * @param <R> result type
 */
final class MapJob<T, R> extends Job {

    private final List<? extends T> items;
    private final Function<? super T, ? extends R> fn;
    final Object[] out;

    MapJob(List<? extends T> items, Function<? super T, ? extends R> fn) {
        super(items.size(), 1, Long.MAX_VALUE, "Compute.parallel");
        this.items = items;
        this.fn = fn;
        this.out = new Object[items.size()];
    }

    @Override
    void leaf(RangeTask node, long lo, long hi) {
        List<? extends T> items = this.items;
        Function<? super T, ? extends R> fn = this.fn;
        Object[] out = this.out;
        for (int i = (int) lo, end = (int) hi; i < end; i++) {
            out[i] = fn.apply(items.get(i));
        }
    }
}
