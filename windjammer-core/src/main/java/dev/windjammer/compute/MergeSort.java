package dev.windjammer.compute;

/**
 * A parallel, stable merge sort of one array on a compute pool: runs sorted in parallel with
 * {@code Arrays.sort}, then merged pairwise, each merge cut into independent pieces by merge
 * path. Subclasses supply the element-specific steps for one array type.
 */
abstract class MergeSort {
    /*
     * Implementation notes
     *
     * Overview. 1. The array is cut into R runs (R = the power of two >= 2 x workers, fewer
     * for small arrays so a run holds at least MIN_RUN elements); one job sorts them in
     * parallel with Arrays.sort (dual-pivot quicksort for primitives, TimSort for objects).
     * 2. log2(R) merge passes ping-pong between the array and one scratch array. Every pass is
     * one job over about 4 x workers pieces: a piece is a slice [k0, k1) of a pair's output,
     * and the co-rank of k0 in the two inputs is found by binary search ("merge path",
     * Odeh, Green, Mwassi, Shmueli, Birk: "Merge Path - Parallel Merging Made Simple",
     * IPDPSW 2012). Pieces never depend on each other, so the pass balances like any other
     * range job. The same structure as Arrays.parallelSort (cilksort), on our own pool.
     *
     * Stability. On equal keys the left run's element comes first, both in the co-rank
     * (B[j-1] < A[i] strictly) and in the merge, so equal objects keep their input order.
     *
     * Cancellation. Each run or piece is one item of its job (a run takes well over a chunk's
     * 10 µs, so each is its own chunk): an interrupt or a failing comparator stops the sort
     * between items, and the array is then left partly sorted.
     */

    /** Runs shorter than this are not worth a task of their own. */
    static final int MIN_RUN = 1 << 13;

    final int length;

    MergeSort(int length) {
        this.length = length;
    }

    /** Sorts the positions {@code [from, to)} of the array in place. */
    abstract void sortRun(int from, int to);

    /** Makes the scratch array, of the same type and length. */
    abstract Object newScratch();

    /** The array being sorted. */
    abstract Object array();

    /**
     * Returns how many of the first {@code k} outputs of a stable merge of
     * {@code src[aLo, aHi)} and {@code src[bLo, bHi)} come from the first run.
     */
    abstract int coRank(Object src, int aLo, int aHi, int bLo, int bHi, int k);

    /** Merges {@code src[a, aEnd)} and {@code src[b, bEnd)} into {@code dst} from {@code out}. */
    abstract void merge(Object src, int a, int aEnd, int b, int bEnd, Object dst, int out);

    /** Sorts the array on {@code pool}. */
    final void sort(ComputePool pool) {
        if (length < 2) {
            return;
        }
        Engine engine = pool.engine();
        int workers = engine.workers();
        int runs = Integer.highestOneBit(Math.max(1, 2 * workers - 1)) << 1;
        while (runs > 1 && length / runs < MIN_RUN) {
            runs >>>= 1;
        }
        int runLength = (length + runs - 1) / runs;
        int runCount = (length + runLength - 1) / runLength;
        engine.run(new Job(runCount, 1, 1, "sorted") {
            @Override
            void leaf(RangeTask node, long lo, long hi) {
                for (long r = lo; r < hi; r++) {
                    sortRun((int) r * runLength, (int) Math.min(length, (r + 1) * runLength));
                }
            }
        });
        Object src = array();
        Object dst = null;
        for (long width = runLength; width < length; width *= 2) {
            if (dst == null) {
                dst = newScratch();
            }
            mergePass(engine, src, dst, (int) width, workers);
            Object swap = src;
            src = dst;
            dst = swap;
        }
        if (src != array()) {
            System.arraycopy(src, 0, array(), 0, length);
        }
    }

    private void mergePass(Engine engine, Object src, Object dst, int width, int workers) {
        int pairs = (int) ((length + 2L * width - 1) / (2L * width));
        int piecesPerPair = Math.max(1, (4 * workers + pairs - 1) / pairs);
        engine.run(new Job((long) pairs * piecesPerPair, 1, 1, "sorted") {
            @Override
            void leaf(RangeTask node, long lo, long hi) {
                for (long p = lo; p < hi; p++) {
                    int pair = (int) (p / piecesPerPair);
                    int part = (int) (p % piecesPerPair);
                    int aLo = (int) Math.min(length, (long) pair * 2 * width);
                    int aHi = (int) Math.min(length, (long) aLo + width);
                    int bHi = (int) Math.min(length, (long) aLo + 2L * width);
                    int total = bHi - aLo;
                    int k0 = (int) ((long) part * total / piecesPerPair);
                    int k1 = (int) ((long) (part + 1) * total / piecesPerPair);
                    int i0 = coRank(src, aLo, aHi, aHi, bHi, k0);
                    int i1 = coRank(src, aLo, aHi, aHi, bHi, k1);
                    merge(src, aLo + i0, aLo + i1, aHi + (k0 - i0), aHi + (k1 - i1), dst, aLo + k0);
                }
            }
        });
    }
}
