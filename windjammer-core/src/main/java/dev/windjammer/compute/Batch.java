package dev.windjammer.compute;

import dev.windjammer.compute.spi.MapBatch;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * The {@link MapBatch} of a {@code parallel} call that goes through backends: one result slot
 * per item, each taking its first result only (a CAS from the PENDING marker).
 *
 * @param <T> item type
 * @param <R> result type
 */
final class Batch<T, R> implements MapBatch<T, R> {

    private static final Object PENDING = new Object();
    private static final VarHandle SLOT = MethodHandles.arrayElementVarHandle(Object[].class);

    private final List<? extends T> items;
    private final Function<? super T, ? extends R> function;
    private final Object[] results;

    Batch(List<? extends T> items, Function<? super T, ? extends R> function) {
        this.items = items;
        this.function = function;
        this.results = new Object[items.size()];
        java.util.Arrays.fill(results, PENDING);
    }

    @Override
    public Function<? super T, ? extends R> function() {
        return function;
    }

    @Override
    public int size() {
        return results.length;
    }

    @Override
    public T item(int index) {
        return items.get(Objects.checkIndex(index, results.length));
    }

    @Override
    public int[] pending() {
        int count = 0;
        for (int i = 0; i < results.length; i++) {
            if (SLOT.getAcquire(results, i) == PENDING) {
                count++;
            }
        }
        int[] pending = new int[count];
        for (int i = 0, k = 0; i < results.length && k < count; i++) {
            if (SLOT.getAcquire(results, i) == PENDING) {
                pending[k++] = i;
            }
        }
        return pending;
    }

    @Override
    public boolean complete(int index, R result) {
        return SLOT.compareAndSet(results, Objects.checkIndex(index, results.length), PENDING, result);
    }

    /** The results, once no slot is pending any more. */
    Object[] results() {
        return results;
    }

    /** Computes the pending items at positions {@code pending[lo..hi)} locally. */
    final class LocalRest extends Job {
        private final int[] pending;

        LocalRest(int[] pending) {
            super(pending.length, 1, Long.MAX_VALUE, "Compute.parallel");
            this.pending = pending;
        }

        @Override
        void leaf(RangeTask node, long lo, long hi) {
            for (int k = (int) lo; k < hi; k++) {
                int index = pending[k];
                complete(index, function.apply(items.get(index)));
            }
        }
    }
}
