package dev.windjammer.compute;

import java.util.Arrays;
import java.util.Comparator;

/**
 * {@link MergeSort} of an {@code Object[]} by a comparator; stable.
 *
 * @param <T> element type
 */
final class ObjectMergeSort<T> extends MergeSort {

    private final T[] array;
    private final Comparator<? super T> comparator;

    ObjectMergeSort(T[] array, Comparator<? super T> comparator) {
        super(array.length);
        this.array = array;
        this.comparator = comparator;
    }

    @Override
    void sortRun(int from, int to) {
        Arrays.sort(array, from, to, comparator);
    }

    @Override
    Object newScratch() {
        return new Object[length];
    }

    @Override
    Object array() {
        return array;
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
