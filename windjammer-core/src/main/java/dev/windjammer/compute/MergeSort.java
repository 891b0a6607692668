package dev.windjammer.compute;

/**
 * A parallel, stable merge sort of one array on a compute pool: one run per worker sorted in
 * parallel with {@code Arrays.sort}, then merged pairwise, each merge cut into independent
 * pieces by merge path. Subclasses supply the element-specific steps for one array type.
 */
abstract class MergeSort {
    /*
     * Implementation notes
     *
     * Overview (ADR 0013). 1. The array is cut into R runs, R = the power of two >= workers
     * (fewer for small arrays, so a run holds at least MIN_RUN values; one run below
     * MIN_PARALLEL values or on one worker); one job sorts them in parallel with Arrays.sort,
     * which on HotSpot for primitives is a dual-pivot quicksort whose partitioning and small
     * sorts are vectorised (AVX2/AVX-512 intrinsics), for objects TimSort.
     * 2. log2(R) merge passes ping-pong between two arrays. Every pass is one job over about
     * 4 x workers pieces: a piece is a slice [k0, k1) of a pair's output, and the co-rank of
     * k0 in the two inputs is found by binary search ("merge path", Odeh, Green, Mwassi,
     * Shmueli, Birk: "Merge Path - Parallel Merging Made Simple", IPDPSW 2012). Pieces never
     * depend on each other, so the pass balances like any other range job.
     *
     * Why one run per worker. Arrays.sort vectorised sorts ~10 ns per int at 10^6 on the
     * reference machine, while a scalar merge costs 4-5 ns per value and pass; each halving
     * of the run count saves a whole pass, and more runs than workers only help when a worker
     * is descheduled. Arrays.parallelSort itself forks the partitions of its quicksort (its
     * first partition is sequential) and runs on the common pool only, whose parallelism is
     * 1 on two cores, where it does not run in parallel at all. A sample sort into 16
     * buckets and a partition into one bucket per worker (count, scatter, sort buckets; no
     * merge) were measured and rejected: their scalar passes cost 6-8 ns per value, more than
     * copy + merge (ADR 0013).
     *
     * Arrays and copies. The source is written only when the pipeline owns it (it computed
     * the array itself); otherwise the runs phase copies each run into a new array before
     * sorting it, so the copy is parallel and costs no pass of its own. Runs are placed so
     * that the last merge pass ends in the result: in the source (owned) or a new array, with
     * one scratch array when there is a merge at all.
     *
     * Stability. On equal keys the left run's value comes first, both in the co-rank
     * (B[j-1] < A[i] strictly) and in the merge, so equal objects keep their input order.
     *
     * Cancellation. Each run or piece is one item of its job (a run takes well over a chunk's
     * 10 µs, so each is its own chunk): an interrupt or a failing comparator stops the sort
     * between items, and the arrays are then left partly sorted. The jobs skip the inline
     * prefix, so no run waits for the caller's first one.
     */

    /** Arrays shorter than this are sorted by one Arrays.sort: a split would cost more than it saves. */
    static final int MIN_PARALLEL = 1 << 15;

    /** Runs shorter than this are not worth a task of their own. */
    static final int MIN_RUN = 1 << 13;

    final int length;
    private final Object source;
    private final boolean owned;

    /**
     * A sort of {@code source}, of {@code length} values; {@code owned} says the array was
     * made for this run alone and may be sorted in place, otherwise it is only read.
     */
    MergeSort(Object source, int length, boolean owned) {
        this.source = source;
        this.length = length;
        this.owned = owned;
    }

    /** Makes an array of the same type and length. */
    abstract Object newArray();

    /**
     * Sorts the positions {@code [from, to)} into {@code runs}: copies them from {@code source}
     * first when the two are different arrays.
     */
    abstract void sortRun(Object source, Object runs, int from, int to);

    /**
     * Returns how many of the first {@code k} outputs of a stable merge of
     * {@code src[aLo, aHi)} and {@code src[bLo, bHi)} come from the first run.
     */
    abstract int coRank(Object src, int aLo, int aHi, int bLo, int bHi, int k);

    /** Merges {@code src[a, aEnd)} and {@code src[b, bEnd)} into {@code dst} from {@code out}. */
    abstract void merge(Object src, int a, int aEnd, int b, int bEnd, Object dst, int out);

    /** Sorts on {@code engine}; returns the sorted array: the source if owned, else a new one. */
    final Object sort(Engine engine) {
        int workers = engine.workers();
        int runs = 1;
        if (length >= MIN_PARALLEL && workers > 1) {
            runs = Integer.highestOneBit(workers - 1) << 1;
            while (runs > 1 && length / runs < MIN_RUN) {
                runs >>>= 1;
            }
        }
        int passes = Integer.numberOfTrailingZeros(runs);
        Object into = owned ? source : newArray();
        Object other = passes == 0 ? null : newArray();
        Object runArray = passes % 2 == 0 ? into : other;
        Object from = source;
        int runLength = (length + runs - 1) / runs;
        int runCount = (length + runLength - 1) / runLength;
        Job sortRuns = new Job(runCount, 1, 1, "sorted") {
            @Override
            void leaf(RangeTask node, long lo, long hi) {
                for (long r = lo; r < hi; r++) {
                    sortRun(from, runArray, (int) r * runLength, (int) Math.min(length, (r + 1) * runLength));
                }
            }
        };
        engine.run(runs > 1 ? sortRuns.skipInlinePrefix() : sortRuns);
        Object src = runArray;
        Object dst = runArray == into ? other : into;
        for (long width = runLength; width < length; width *= 2) {
            mergePass(engine, src, dst, (int) width, workers);
            Object swap = src;
            src = dst;
            dst = swap;
        }
        return src;
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
        }.skipInlinePrefix());
    }
}
