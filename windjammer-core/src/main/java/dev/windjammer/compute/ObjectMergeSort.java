package dev.windjammer.compute;

import java.util.Arrays;
import java.util.Comparator;

/**
 * {@link MergeSort} of an {@code Object[]} by a comparator; stable.
 *
 * @param <T> element type
 */
final class ObjectMergeSort<T> extends MergeSort {

    private final Comparator<? super T> comparator;

    /** A sort of {@code values}, which the pipeline owns: it is sorted in place. */
    ObjectMergeSort(T[] values, Comparator<? super T> comparator) {
        super(values, values.length, true);
        this.comparator = comparator;
    }

    @Override
    Object newArray() {
        return new Object[length];
    }

    @Override
    @SuppressWarnings("unchecked")
    void sortRun(Object source, Object runs, int from, int to) {
        T[] into = (T[]) runs;
        if (source != runs) {
            System.arraycopy(source, from, into, from, to - from);
        }
        Arrays.sort(into, from, to, comparator);
    }

    @Override
    @SuppressWarnings("unchecked")
    int coRank(Object src, int aLo, int aHi, int bLo, int bHi, int k) {
        T[] s = (T[]) src;
        int m = aHi - aLo;
        int n = bHi - bLo;
        int lo = Math.max(0, k - n);
        int hi = Math.min(k, m);
        while (lo < hi) {
            int i = (lo + hi) >>> 1;
            int j = k - i;
            if (j == 0 || comparator.compare(s[bLo + j - 1], s[aLo + i]) < 0) {
                hi = i;
            } else {
                lo = i + 1;
            }
        }
        return lo;
    }

    @Override
    @SuppressWarnings("unchecked")
    void merge(Object src, int a, int aEnd, int b, int bEnd, Object dst, int out) {
        T[] s = (T[]) src;
        Object[] d = (Object[]) dst;
        while (a < aEnd && b < bEnd) {
            d[out++] = comparator.compare(s[b], s[a]) < 0 ? s[b++] : s[a++];
        }
        while (a < aEnd) {
            d[out++] = s[a++];
        }
        while (b < bEnd) {
            d[out++] = s[b++];
        }
    }
}
