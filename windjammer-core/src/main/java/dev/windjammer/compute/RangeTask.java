package dev.windjammer.compute;

import java.util.concurrent.CountedCompleter;

/**
 * A node of the splitting tree of a {@link Job}: a range of positions that either splits in two
 * (forking the right half) or runs as a leaf, plus the slots for its partial result.
 */
final class RangeTask extends CountedCompleter<Void> {
    /*
     * Implementation notes
     *
     * Overview. The tree is built lazily while it runs, in the style of the JDK's
     * java.util.stream.AbstractTask: compute() splits its range, forks the right half, keeps
     * the left half on the same thread and loops; the last range left becomes a leaf. Each
     * parent waits for its two children through CountedCompleter's pending count, so no
     * thread ever blocks in a join; the child that completes last runs the parent's
     * onCompletion, which combines left before right. The root's onCompletion signals the
     * caller.
     *
     * Splitting policy: adaptive thief-splitting (rayon, src/iter/plumbing/mod.rs, Splitter
     * and LengthSplitter). A task carries a split budget that starts at the number of workers
     * and halves with every split, so an undisturbed run makes about 2 x workers leaves. When
     * a task runs on a thread other than the one that forked it, it was stolen: some worker
     * was idle, so the budget is reset to max(workers, budget / 2) and the stolen range splits
     * again. Work that is uneven (Mandelbrot rows) keeps being divided where the thieves are;
     * balanced work is cut into few large leaves with little task overhead. The JDK's static
     * policy (leaf = size / (4 x parallelism), AbstractTask.suggestTargetSize) is kept as
     * the alternative for measurement: a pool built while the system property
     * windjammer.compute.splitting=static is set uses it (the benchmarks compare both in one
     * run). ADR 0010 has the measurements that chose the adaptive one.
     *
     * minChunk and maxChunk (rayon with_min_len / with_max_len) bound every leaf: a range is
     * never split below 2 x minChunk and always split above maxChunk.
     *
     * Memory ordering. lo/hi/budget are written before fork(), which publishes them (the work
     * queue's release store). Partial results are plain fields: a leaf's writes happen-before
     * the parent's onCompletion through the CAS on the pending count.
     *
     * Failures. User code runs inside Job.runLeaf and Job.runCombine, which record what it
     * throws; this class lets nothing escape compute() or onCompletion(), because an exception
     * escaping a CountedCompleter completes the root exceptionally while siblings still run.
     * onExceptionalCompletion remains as a safety net that releases the caller.
     */

    final Job job;
    final long lo;
    final long hi;
    private final int workers;
    /** Whether the adaptive (rayon) policy splits this tree; false: the JDK's static policy. */
    private final boolean adaptive;
    private int budget;
    private final Thread forker;
    private RangeTask left;
    private RangeTask right;

    /** Partial result: an object. */
    Object value;
    /** Partial result: a primitive, as raw bits (int, long, or double via doubleToRawLongBits). */
    long bits;
    /** Whether the primitive partial result is present (min/max of an empty range is not). */
    boolean present;

    /** Creates a root task over {@code [lo, hi)} of {@code job} for a pool of {@code workers}. */
    RangeTask(Job job, long lo, long hi, int workers, boolean adaptive) {
        this(null, job, lo, hi, workers, adaptive, workers);
    }

    /** Creates a container for a partial result that no pool runs (the inline prefix). */
    RangeTask(Job job) {
        this(null, job, 0, 0, 1, true, 0);
    }

    private RangeTask(RangeTask parent, Job job, long lo, long hi, int workers, boolean adaptive, int budget) {
        super(parent);
        this.job = job;
        this.lo = lo;
        this.hi = hi;
        this.workers = workers;
        this.adaptive = adaptive;
        this.budget = budget;
        this.forker = Thread.currentThread();
    }

    @Override
    public void compute() {
        RangeTask task = this;
        try {
            Job job = this.job;
            long lo = this.lo;
            long hi = this.hi;
            int budget = this.budget;
            boolean stolen = Thread.currentThread() != forker;
            long staticLeaf = adaptive ? 0 : Math.max(1, job.size / (4L * workers));
            while (!job.stoppedAt(lo)) {
                long length = hi - lo;
                boolean split;
                if (length < 2 * job.minChunk) {
                    split = false;
                } else if (length > job.maxChunk) {
                    split = true;
                } else if (!adaptive) {
                    split = length > staticLeaf;
                } else if (stolen) {
                    budget = Math.max(workers, budget / 2);
                    split = true;
                } else if (budget > 0) {
                    budget /= 2;
                    split = true;
                } else {
                    split = false;
                }
                if (!split) {
                    break;
                }
                stolen = false;
                long mid = lo + (length >>> 1);
                RangeTask l = new RangeTask(task, job, lo, mid, workers, adaptive, budget);
                RangeTask r = new RangeTask(task, job, mid, hi, workers, adaptive, budget);
                task.left = l;
                task.right = r;
                task.setPendingCount(1);
                try {
                    r.fork();
                } catch (Throwable t) { // queue capacity exceeded: give up the right half
                    job.fail(t);
                    r.tryComplete();
                }
                task = l;
                hi = mid;
            }
            job.runLeaf(task, lo, hi);
        } catch (Throwable t) {
            job.fail(t);
        }
        task.tryComplete();
    }

    @Override
    public void onCompletion(CountedCompleter<?> caller) {
        RangeTask l = left;
        if (l != null) {
            job.runCombine(this, l, right);
            left = null;
            right = null;
        }
        if (getCompleter() == null) {
            job.signalDone();
        }
    }

    @Override
    public boolean onExceptionalCompletion(Throwable ex, CountedCompleter<?> caller) {
        if (getCompleter() == null) {
            job.fail(ex);
            job.signalDone();
        }
        return true;
    }
}
