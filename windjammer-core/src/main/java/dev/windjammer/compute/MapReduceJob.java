package dev.windjammer.compute;

import java.util.List;
import java.util.function.BinaryOperator;
import java.util.function.Function;

/**
 * {@code mapReduce(items, map, reduce, identity)} in one pass: every leaf folds its items
 * into a partial result that starts at {@code identity}, and partial results are reduced
 * left before right, so an associative but non-commutative {@code reduce} gives the same
 * result as a sequential fold.
 *
 * @param <T> item type
 * @param <R> result type
 */
final class MapReduceJob<T, R> extends Job {

    private final List<? extends T> items;
    private final Function<? super T, ? extends R> map;
    private final BinaryOperator<R> reduce;
    private final R identity;

    MapReduceJob(List<? extends T> items, Function<? super T, ? extends R> map, BinaryOperator<R> reduce,
                 R identity) {
        super(items.size(), 1, Long.MAX_VALUE, "Compute.mapReduce");
        this.items = items;
        this.map = map;
        this.reduce = reduce;
        this.identity = identity;
    }

    @Override
    @SuppressWarnings("unchecked")
    void leaf(RangeTask node, long lo, long hi) {
        R acc = node.present ? (R) node.value : identity;
        for (int i = (int) lo, end = (int) hi; i < end; i++) {
            acc = reduce.apply(acc, map.apply(items.get(i)));
        }
        node.value = acc;
        node.present = true;
    }

    @Override
    @SuppressWarnings("unchecked")
    void combine(RangeTask parent, RangeTask left, RangeTask right) {
        if (!left.present) {
            parent.value = right.value;
            parent.present = right.present;
        } else if (!right.present) {
            parent.value = left.value;
            parent.present = true;
        } else {
            parent.value = reduce.apply((R) left.value, (R) right.value);
            parent.present = true;
        }
    }

    @SuppressWarnings("unchecked")
    R result(RangeTask node) {
        return node.present ? (R) node.value : identity;
    }
}
