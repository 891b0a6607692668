package dev.windjammer.compute;

import dev.windjammer.UncheckedInterruptedException;
import dev.windjammer.internal.Failures;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinWorkerThread;
import java.util.concurrent.locks.LockSupport;

/**
 * One data-parallel operation in progress over the positions {@code [0, size)} of a source:
 * what a leaf does with a range, how two partial results combine, and the shared state that
 * stops the work early (a failure, the caller's interrupt, a short-circuit).
 */
abstract class Job {
    /*
     * Implementation notes
     *
     * Overview. A Job is the unit the engines run. The local engine (ForkJoinEngine) splits
     * [0, size) into a tree of RangeTasks; each leaf calls leaf(node, lo, hi) and each inner
     * node combine(parent, left, right), so results keep encounter order without any list
     * merging. The sequential engine calls leaf once for the whole range. Subclasses hold the
     * operation (the user's function, the output array) and write partial results into the
     * RangeTask nodes' value/bits/present fields.
     *
     * Chunks. runChunks is the only loop that decides whether work may start: it feeds a
     * leaf's range to leaf() in chunks sized, by measurement, to take about CHUNK_NANOS
     * (10 µs) each, or one item when an item takes longer; before each chunk it asks
     * mayStart. So "no new chunk starts after a failure" holds with a chunk of at most ~10 µs
     * of work, cancellation is seen within ~10 µs plus one item, and the leaves' own loops
     * carry no check at all: they stay tight loops the JIT can unroll and vectorise. The
     * first chunk is one item; each next one is sized from the time per item measured on
     * the last (aiming at CHUNK_NANOS), growing at most eightfold, so a cheap input of 64
     * items takes three chunks and uneven items shrink the size at once; the size reached
     * is kept as a racy hint for the next leaf of the job. Two nanoTime reads per chunk cost
     * under 1 %.
     *
     * Stopping. One volatile long, stopAt, answers "may the chunk at position i start?": a
     * chunk starts only if i < stopAt. A failure, a cancellation and anyMatch set it to
     * Long.MIN_VALUE; findFirst lowers it to the end of the chunk that found a match (CAS-min),
     * so chunks to the right stop while chunks to the left still run. mayStart also reads the caller's
     * interrupt status, so an interrupt is seen by every worker even when the caller is itself
     * a pool worker that is busy running leaves (nested parallel inside background).
     *
     * Failures. The first Throwable wins a CAS into `failure`; later ones are added to it as
     * suppressed (Throwable.addSuppressed is synchronized). The caller rethrows it through
     * internal.Failures after every task of the tree has completed, so the caller never
     * returns while a chunk of its call still runs. An interrupt is recorded the same way, as
     * an UncheckedInterruptedException made at the moment it is seen.
     *
     * Memory ordering. Writes made by leaves happen-before the combine of their parent (the
     * CAS on CountedCompleter's pending count), the root's completion sets `done` (volatile
     * write) after all combines, and the caller reads `done` before reading any result.
     *
     * Inline prefix. On a platform thread the first chunks run on the caller while the
     * elapsed time stays under INLINE_BUDGET_NANOS; what is left when the budget is spent
     * goes to the pool, unless it is itself smaller than a budget (then a hand-off would
     * cost more than it saves, and a preempted caller would wait for a worker to be
     * scheduled). The budget is the measured cost of a hand-off to an
     * idle pool and back (docs/adr/0011), so a call whose whole work is smaller than one
     * hand-off never pays for one, and a large call loses at most half the budget. A
     * CostHint (per function class) lets a call skip the prefix when earlier calls showed its
     * work to be well over the budget (a few expensive items); a job whose items are all known
     * to be large (the phases of a sort) skips it outright (skipInlinePrefix).
     */

    /**
     * How long a call may run items on the calling thread before the rest is handed to the
     * pool, unless the pool says otherwise: about two round trips to a parked worker on the
     * reference machine (see ADR 0011).
     */
    static final long INLINE_BUDGET_NANOS = 20_000L;

    /** The work a chunk aims at: the longest a worker runs between two stop checks. */
    static final long CHUNK_NANOS = 10_000L;

    /** Chunks never grow beyond this many positions. */
    private static final long MAX_CHUNK = 1 << 20;

    /** A chunk is at most this many times larger than the one before it. */
    private static final long GROWTH = 8;

    private static final VarHandle STOP_AT;
    private static final VarHandle FAILURE;

    static {
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            STOP_AT = lookup.findVarHandle(Job.class, "stopAt", long.class);
            FAILURE = lookup.findVarHandle(Job.class, "failure", Throwable.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** Number of positions of the source. */
    final long size;
    /** The thread that called the operation; its interrupt cancels the job. */
    final Thread caller;
    /** Smallest range a task may split into (rayon {@code with_min_len}). */
    final long minChunk;
    /** Largest range a leaf may keep (rayon {@code with_max_len}). */
    final long maxChunk;
    /** What the caller was doing, for the message of an interrupt. */
    final String description;

    private volatile long stopAt = Long.MAX_VALUE;
    private volatile Throwable failure;
    private volatile boolean done;
    /** The chunk size the last leaf ended with; racy, a hint only. */
    private long chunkHint = 1;
    /** Time per item measured by the last chunk that ran; racy, a hint only. */
    private long lastNanosPerItem;
    /** What earlier calls with the same function measured, or null for none. */
    private CostHint costHint;
    /** Whether the job is known to take far longer than an inline budget (a sort phase). */
    private boolean knownLarge;

    Job(long size, long minChunk, long maxChunk, String description) {
        this.size = size;
        this.caller = Thread.currentThread();
        this.minChunk = Math.max(1, minChunk);
        this.maxChunk = Math.max(this.minChunk, maxChunk);
        this.description = description;
    }

    /**
     * Folds the items at positions {@code [lo, hi)} into {@code node}'s partial result: one
     * chunk, run without any stop check. Called several times per node, with consecutive
     * chunks in order. May throw what user code throws.
     */
    abstract void leaf(RangeTask node, long lo, long hi);

    /** Combines the partial results of two adjacent ranges, left before right, into parent. */
    void combine(RangeTask parent, RangeTask left, RangeTask right) {
    }

    /**
     * Returns whether the chunk at {@code position} may start; false once the job failed,
     * was cancelled, short-circuited before this position, or its caller was interrupted.
     */
    final boolean mayStart(long position) {
        if (position < stopAt) {
            if (!caller.isInterrupted()) {
                return true;
            }
            interrupted();
        }
        return false;
    }

    /** Whether nothing at or after {@code position} will start any more. */
    final boolean stoppedAt(long position) {
        return position >= stopAt;
    }

    /** Runs the leaf range {@code [lo, hi)} in timed chunks, recording what user code throws. */
    final void runLeaf(RangeTask node, long lo, long hi) {
        runChunks(node, lo, hi, Long.MAX_VALUE);
    }

    /**
     * Runs chunks of {@code [lo, hi)} in order until the range is done, the job stops, or
     * {@code budget} nanoseconds have been spent at a chunk boundary while the rest, at the
     * time per item measured so far, would take at least one more budget.
     *
     * @return the first position not run
     */
    private long runChunks(RangeTask node, long lo, long hi, long budget) {
        long chunk = chunkHint;
        long next = lo;
        long spent = 0;
        try {
            while (next < hi && mayStart(next)) {
                long chunkStart = next;
                long end = hi - next <= chunk ? hi : next + chunk;
                long began = System.nanoTime();
                leaf(node, next, end);
                long took = System.nanoTime() - began;
                next = end;
                spent += took;
                lastNanosPerItem = took / Math.max(1, end - chunkStart);
                long aim = took <= 0 ? chunk * GROWTH : chunk * CHUNK_NANOS / took;
                chunk = Math.max(1, Math.min(aim, Math.min(MAX_CHUNK, chunk * GROWTH)));
                if (spent >= budget && (hi - next) * spent / (next - lo) >= budget) {
                    break; // the rest is worth a hand-off: at least one more budget of work
                }
            }
        } catch (Throwable t) {
            fail(t);
        } finally {
            chunkHint = chunk;
        }
        return next;
    }

    /** Combines two nodes, recording what a user-supplied combiner throws. */
    final void runCombine(RangeTask parent, RangeTask left, RangeTask right) {
        if (failure != null) {
            return;
        }
        try {
            combine(parent, left, right);
        } catch (Throwable t) {
            fail(t);
        }
    }

    /** Records a failure: the first becomes the one thrown, later ones are suppressed onto it. */
    final void fail(Throwable t) {
        Throwable first = (Throwable) FAILURE.compareAndExchange(this, null, t);
        if (first != null) {
            Failures.suppress(first, t);
        }
        stopAt = Long.MIN_VALUE;
    }

    private void interrupted() {
        fail(new UncheckedInterruptedException("interrupted while waiting for " + description, null));
    }

    /** Lowers stopAt to {@code position} if that is lower (findFirst). */
    final void stopFrom(long position) {
        long current = stopAt;
        while (position < current) {
            long witness = (long) STOP_AT.compareAndExchange(this, current, position);
            if (witness == current) {
                return;
            }
            current = witness;
        }
    }

    /** Stops every item that has not started (anyMatch, findAny). */
    final void stopAll() {
        stopAt = Long.MIN_VALUE;
    }

    final Throwable failure() {
        return failure;
    }

    /**
     * Runs chunks from position 0 on the calling thread until {@code budgetNanos} are spent.
     *
     * @return the first position not processed: {@code size} if the caller did everything,
     *         or the job stopped
     */
    final long runInline(RangeTask node, long budgetNanos) {
        long next = runChunks(node, 0, size, budgetNanos);
        return next >= size || stoppedAt(next) ? size : next;
    }

    /** Lets this job use and refine what earlier calls with the same function measured. */
    final void useCostHint(CostHint hint) {
        this.costHint = hint;
    }

    /**
     * Declares that this job takes far longer than any inline budget, so that the engine hands
     * all of it to the pool at once instead of running its first item on the caller while the
     * workers wait (each item of a sort phase sorts or scans thousands of values).
     *
     * @return this job
     */
    final Job skipInlinePrefix() {
        knownLarge = true;
        return this;
    }

    /**
     * Whether this job is known to take longer than {@code nanos}: declared by
     * {@link #skipInlinePrefix()}, or said by earlier calls with the same function; false
     * without either.
     */
    final boolean expectedLongerThan(long nanos) {
        if (knownLarge) {
            return true;
        }
        CostHint hint = costHint;
        return hint != null && hint.expectsMoreThan(size, nanos);
    }

    /** Passes the time per item this call measured on to later calls with the same function. */
    final void recordCost() {
        CostHint hint = costHint;
        if (hint != null) {
            hint.record(lastNanosPerItem);
        }
    }

    /** Called by the root task once every task of the tree has completed. */
    final void signalDone() {
        done = true;
        LockSupport.unpark(caller);
    }

    final boolean isDone() {
        return done;
    }

    /**
     * Parks the caller until {@link #signalDone()}; an interrupt cancels the job and the wait
     * goes on until the chunks in flight have ended. A worker of another fork/join pool
     * blocks through {@link ForkJoinPool#managedBlock} so that pool can add a spare worker.
     */
    final void awaitDone() {
        boolean interrupted = false;
        boolean managed = Thread.currentThread() instanceof ForkJoinWorkerThread;
        while (!done) {
            if (managed) {
                try {
                    ForkJoinPool.managedBlock(new Blocker(this));
                } catch (InterruptedException e) {
                    Thread.interrupted();
                    interrupted = true;
                }
            } else {
                LockSupport.park(this);
            }
            if (Thread.interrupted()) {
                interrupted = true;
            }
            if (interrupted && failure == null) {
                interrupted();
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Throws the recorded failure, if any, on the caller. An interrupt is rethrown with the
     * caller's interrupt status set.
     */
    final void throwIfFailed() {
        Throwable f = failure;
        if (f != null) {
            if (f instanceof UncheckedInterruptedException) {
                Thread.currentThread().interrupt();
            }
            throw Failures.propagate(f);
        }
    }

    private record Blocker(Job job) implements ForkJoinPool.ManagedBlocker {
        @Override
        public boolean block() {
            if (!job.done) {
                LockSupport.park(job);
            }
            return isReleasable();
        }

        @Override
        public boolean isReleasable() {
            return job.done || Thread.currentThread().isInterrupted();
        }
    }
}
