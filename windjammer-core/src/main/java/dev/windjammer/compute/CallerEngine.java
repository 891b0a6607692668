package dev.windjammer.compute;

import dev.windjammer.Pair;
import dev.windjammer.UncheckedInterruptedException;
import dev.windjammer.async.Task;
import dev.windjammer.internal.RunnableTask;

import java.util.function.Supplier;

/**
 * The sequential engine: everything runs on the calling thread, in order. Selected with
 * {@code windjammer.compute.backend=sequential} or {@code ComputePool.builder().backend("sequential")};
 * the Java twin of the seed's WASM "sequential fallback". No threads are started.
 */
final class CallerEngine implements Engine {
    /*
     * Implementation notes
     *
     * Overview. run(job) is one leaf over the whole range: the same Job code the local
     * engine runs, so results, failure translation and early stopping are identical; only
     * parallelism differs. This is the documented exception to "user code never runs on a
     * virtual thread": a virtual caller runs the work itself.
     *
     * Cancellation. Leaves check the caller's interrupt status before each item, as they do
     * in the pool. background(fn) runs fn before it returns; the Task is already done, so
     * cancel() has nothing to stop.
     */

    private final String name;
    private volatile boolean closed;

    CallerEngine(String name) {
        this.name = name;
    }

    @Override
    public RangeTask run(Job job) {
        ensureOpen();
        RangeTask node = new RangeTask(job);
        job.runLeaf(node, 0, job.size);
        job.throwIfFailed();
        return node;
    }

    @Override
    public <A, B> Pair<A, B> join(Supplier<? extends A> a, Supplier<? extends B> b) {
        ensureOpen();
        if (Thread.currentThread().isInterrupted()) {
            throw UncheckedInterruptedException.interrupted("Compute.join", null);
        }
        A first = null;
        Throwable firstFailure = null;
        try {
            first = a.get();
        } catch (Throwable t) {
            firstFailure = t;
        }
        B second = null;
        Throwable secondFailure = null;
        try {
            second = b.get();
        } catch (Throwable t) {
            secondFailure = t;
        }
        return JoinTask.pair(first, firstFailure, second, secondFailure);
    }

    @Override
    public <T> Task<T> background(Supplier<? extends T> fn) {
        ensureOpen();
        RunnableTask<T> task = new RunnableTask<>(fn::get, "Compute.background on " + name);
        task.run();
        return task;
    }

    @Override
    public int workers() {
        return 1;
    }

    @Override
    public boolean isClosed() {
        return closed;
    }

    @Override
    public void close() {
        closed = true;
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("compute pool '" + name + "' is closed");
        }
    }

    @Override
    public String toString() {
        return "sequential engine '" + name + "'";
    }
}
