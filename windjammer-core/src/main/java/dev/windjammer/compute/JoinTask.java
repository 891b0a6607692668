package dev.windjammer.compute;

import dev.windjammer.Pair;
import dev.windjammer.UncheckedInterruptedException;
import dev.windjammer.internal.Failures;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.ForkJoinWorkerThread;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;

/**
 * The second half of a {@code join}: a task that either a pool worker or the joining thread
 * runs, whichever claims it first.
 *
 * @param <B> the result type of the second supplier
 */
final class JoinTask<B> extends ForkJoinTask<Void> {
    /*
     * Implementation notes
     *
     * Overview. rayon's join (rayon-core/src/join/mod.rs) pushes b on the local deque, runs a,
     * then pops b back if nobody stole it. A ForkJoinPool can only pop back tasks of the
     * current worker's own queue, and the joining thread is often not a worker, so the claim
     * is made explicit: a CAS on `state` from NEW to RUNNING decides who runs b. The pool's
     * copy of the task becomes a no-op when the joining thread won. The joining thread, after
     * a, either wins the claim and runs b itself (b was not stolen: no hand-off cost at all)
     * or waits for the worker that won.
     *
     * Cancellation. An interrupted joiner moves b from NEW to CANCELLED; if b already runs, it
     * finishes and the joiner waits for it (no chunk in flight is abandoned).
     *
     * Memory ordering. result/failure are written before the volatile write of DONE, read
     * after a volatile read of DONE.
     */

    private static final int NEW = 0;
    private static final int RUNNING = 1;
    private static final int DONE = 2;
    private static final int CANCELLED = 3;
    private static final VarHandle STATE;

    static {
        try {
            STATE = MethodHandles.lookup().findVarHandle(JoinTask.class, "state", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final Supplier<? extends B> body;
    private final Thread joiner;
    private volatile int state;
    private B result;
    private Throwable failure;

    private JoinTask(Supplier<? extends B> body) {
        this.body = body;
        this.joiner = Thread.currentThread();
    }

    /**
     * Runs a join on the calling platform thread: b is handed to {@code pool} (or forked, on
     * one of its own workers), a runs here, then b runs here too unless a worker took it
     * first. Both always run unless the caller is interrupted before b started.
     */
    static <A, B> Pair<A, B> joinHere(ForkJoinPool pool, boolean ownWorker,
                                      Supplier<? extends A> a, Supplier<? extends B> b) {
        if (Thread.currentThread().isInterrupted()) {
            throw UncheckedInterruptedException.interrupted("Compute.join", null);
        }
        JoinTask<B> second = new JoinTask<>(b);
        if (ownWorker) {
            second.fork();
        } else {
            pool.execute(second);
        }
        A first = null;
        Throwable firstFailure = null;
        try {
            first = a.get();
        } catch (Throwable t) {
            firstFailure = t;
        }
        if (Thread.currentThread().isInterrupted()) {
            second.cancelIfNotStarted();
        } else if (second.claim()) {
            if (ownWorker) {
                second.tryUnfork(); // usually still on top of our deque: take the stale copy off
            }
            second.runClaimed();
        }
        if (ownWorker && second.state == RUNNING) {
            second.quietlyJoin(); // helps with other tasks meanwhile
        }
        second.awaitFinished();
        return outcome(first, firstFailure, false, second);
    }

    /**
     * Runs a join entirely on pool workers, for a caller that must not run the work itself
     * (a virtual thread); the caller parks until both have finished. An interrupt cancels the
     * halves that have not started.
     */
    static <A, B> Pair<A, B> joinInPool(ForkJoinPool pool, Supplier<? extends A> a, Supplier<? extends B> b) {
        if (Thread.currentThread().isInterrupted()) {
            throw UncheckedInterruptedException.interrupted("Compute.join", null);
        }
        JoinTask<A> first = new JoinTask<>(a);
        JoinTask<B> second = new JoinTask<>(b);
        pool.execute(first);
        pool.execute(second);
        boolean interrupted = false;
        while (!first.finished() || !second.finished()) {
            LockSupport.park(first);
            if (Thread.interrupted()) {
                interrupted = true;
                first.cancelIfNotStarted();
                second.cancelIfNotStarted();
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        return outcome(first.result, first.failure, first.state == CANCELLED, second);
    }

    private static <A, B> Pair<A, B> outcome(A first, Throwable firstFailure, boolean firstCancelled,
                                             JoinTask<B> second) {
        Throwable secondFailure = second.failure;
        if (firstFailure == null && secondFailure == null && (firstCancelled || second.state == CANCELLED)) {
            throw UncheckedInterruptedException.interrupted("Compute.join", null);
        }
        return pair(first, firstFailure, second.result, secondFailure);
    }

    /**
     * The outcome of a join whose halves both ran (rayon's rule, for every engine): the first
     * half's failure, with the second's suppressed onto it; else the second's; else both values.
     */
    static <A, B> Pair<A, B> pair(A first, Throwable firstFailure, B second, Throwable secondFailure) {
        if (firstFailure != null) {
            Failures.suppress(firstFailure, secondFailure);
            throw Failures.propagate(firstFailure);
        }
        if (secondFailure != null) {
            throw Failures.propagate(secondFailure);
        }
        return Pair.of(first, second);
    }

    private boolean claim() {
        return STATE.compareAndSet(this, NEW, RUNNING);
    }

    private void cancelIfNotStarted() {
        if (STATE.compareAndSet(this, NEW, CANCELLED)) {
            LockSupport.unpark(joiner);
        }
    }

    private boolean finished() {
        int s = state;
        return s == DONE || s == CANCELLED;
    }

    private void runClaimed() {
        try {
            result = body.get();
        } catch (Throwable t) {
            failure = t;
        }
        state = DONE;
        LockSupport.unpark(joiner);
    }

    /** Waits, uninterruptibly, until a worker that claimed this task has run it. */
    private void awaitFinished() {
        boolean interrupted = false;
        while (!finished()) {
            if (Thread.currentThread() instanceof ForkJoinWorkerThread) {
                try {
                    ForkJoinPool.managedBlock(new ForkJoinPool.ManagedBlocker() {
                        @Override
                        public boolean block() {
                            LockSupport.park(JoinTask.this);
                            return isReleasable();
                        }

                        @Override
                        public boolean isReleasable() {
                            return finished() || Thread.currentThread().isInterrupted();
                        }
                    });
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            } else {
                LockSupport.park(this);
            }
            if (Thread.interrupted()) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    protected boolean exec() {
        if (claim()) {
            runClaimed();
        }
        return true;
    }

    @Override
    public Void getRawResult() {
        return null;
    }

    @Override
    protected void setRawResult(Void value) {
    }
}
