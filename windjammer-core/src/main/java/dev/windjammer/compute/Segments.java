package dev.windjammer.compute;

import java.util.ArrayList;
import java.util.List;

/**
 * The output of a pipeline whose size is not known in advance (after filter or flatMap): the
 * arrays filled by each leaf, in encounter order, concatenated once at the end. Works for any
 * array type ({@code Object[]}, {@code int[]} ...) through {@link System#arraycopy}.
 */
final class Segments {
    /*
     * Combining two partial outputs appends one list of segment references to another, so the
     * cost of combining is proportional to the number of leaves, not of elements; each element
     * is copied exactly once, into the final array. (The JDK's Nodes.conc builds a tree for
     * the same reason.)
     */

    private final List<Object> arrays = new ArrayList<>();
    private final List<Integer> lengths = new ArrayList<>();
    private long total;

    /** Adds the first {@code length} elements of {@code array}. */
    void add(Object array, int length) {
        if (length > 0) {
            arrays.add(array);
            lengths.add(length);
            total += length;
        }
    }

    /** Appends all segments of {@code later}. */
    Segments append(Segments later) {
        arrays.addAll(later.arrays);
        lengths.addAll(later.lengths);
        total += later.total;
        return this;
    }

    /** The number of elements held. */
    int size() {
        if (total > Integer.MAX_VALUE - 8) {
            throw new OutOfMemoryError("result of " + total + " elements does not fit in an array");
        }
        return (int) total;
    }

    /** Copies every segment, in order, into {@code target}, which has {@link #size()} slots. */
    <A> A copyInto(A target) {
        int at = 0;
        for (int i = 0; i < arrays.size(); i++) {
            int length = lengths.get(i);
            System.arraycopy(arrays.get(i), 0, target, at, length);
            at += length;
        }
        return target;
    }

    /** Combines the Segments partial results of two nodes into parent. */
    static void combine(RangeTask parent, RangeTask left, RangeTask right) {
        Segments l = (Segments) left.value;
        Segments r = (Segments) right.value;
        parent.value = l == null ? r : r == null ? l : l.append(r);
    }
}
