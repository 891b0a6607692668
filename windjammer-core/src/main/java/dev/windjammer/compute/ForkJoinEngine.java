package dev.windjammer.compute;

import dev.windjammer.Pair;
import dev.windjammer.async.Task;
import dev.windjammer.internal.RunnableTask;

import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.ForkJoinWorkerThread;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * The local engine: a {@link ForkJoinPool} of its own (never the common pool) running
 * {@link RangeTask} trees with adaptive splitting.
 */
final class ForkJoinEngine implements Engine {
    /*
     * Implementation notes
     *
     * Overview. One ForkJoinPool per ComputePool, LIFO local queues (asyncMode false: the
     * divide-and-conquer order), FIFO steals, workers from our own factory so that they carry
     * the pool's name, are daemons, and can be joined on close(). The pool's work-stealing
     * deques are Chase-Lev style ("Dynamic circular work-stealing deque", SPAA 2005); the
     * splitting policy on top is ours (RangeTask).
     *
     * Who runs what. run(job) depends on the calling thread:
     *  - a platform thread runs the inline prefix (Job.runInline); what is left goes to the
     *    pool and the caller parks (managedBlock if it is a worker of another pool, so that
     *    pool compensates and neither starves);
     *  - a worker of this pool runs the root itself (invoke): nested parallelism forks and
     *    joins in place, as rayon does inside its pool, and cannot deadlock;
     *  - a virtual thread never runs user code: the whole range goes to the pool and the
     *    virtual thread parks, which releases its carrier.
     *
     * Cancellation. Jobs submitted from outside are registered in `active` so that an
     * interrupted close() can stop them (no new chunks start); background tasks likewise.
     * A cancelled background task interrupts the worker that runs it; BackgroundRunner
     * clears that interrupt after the task, so it never leaks into the next task the worker
     * runs (FutureTask deliberately leaves it set).
     *
     * Termination. close() = shutdown + awaitTermination + join of every worker thread the
     * factory made, so that no thread of the pool is alive when it returns. Dead threads are
     * pruned from the set when a new one is made (keep-alive expiry, compensation spares).
     */

    private static final System.Logger LOG = System.getLogger(ForkJoinEngine.class.getName());

    private final String name;
    private final int parallelism;
    private final long inlineBudgetNanos;
    private final boolean adaptiveSplitting = !"static".equals(System.getProperty("windjammer.compute.splitting"));
    private final ForkJoinPool pool;
    private final Set<Thread> threads = ConcurrentHashMap.newKeySet();
    private final Set<Job> active = ConcurrentHashMap.newKeySet();
    private final Set<RunnableTask<?>> backgroundTasks = ConcurrentHashMap.newKeySet();
    private final AtomicInteger workerCount = new AtomicInteger();
    private volatile boolean closed;

    ForkJoinEngine(String name, int parallelism, long inlineBudgetNanos) {
        this.name = name;
        this.parallelism = parallelism;
        this.inlineBudgetNanos = inlineBudgetNanos;
        this.pool = new ForkJoinPool(parallelism, this::newWorker, this::uncaught, false);
    }

    private ForkJoinWorkerThread newWorker(ForkJoinPool owner) {
        Worker worker = new Worker(owner, this, name + "-worker-" + workerCount.incrementAndGet());
        threads.removeIf(t -> !t.isAlive());
        threads.add(worker);
        return worker;
    }

    private void uncaught(Thread thread, Throwable failure) {
        LOG.log(System.Logger.Level.ERROR, "uncaught failure in compute worker " + thread.getName(), failure);
    }

    private boolean isOwnWorker(Thread thread) {
        return thread instanceof Worker worker && worker.engine == this;
    }

    @Override
    public RangeTask run(Job job) {
        ensureOpen();
        Thread current = Thread.currentThread();
        RangeTask prefix = null;
        long start = 0;
        if (!current.isVirtual() && !job.expectedLongerThan(2 * inlineBudgetNanos)) {
            prefix = new RangeTask(job);
            start = job.runInline(prefix, inlineBudgetNanos);
            if (start >= job.size) {
                job.recordCost();
                job.throwIfFailed();
                return prefix;
            }
        }
        RangeTask root = new RangeTask(job, start, job.size, parallelism, adaptiveSplitting);
        if (isOwnWorker(current)) {
            root.invoke();
        } else {
            active.add(job);
            try {
                pool.execute(root);
            } catch (RejectedExecutionException e) {
                active.remove(job);
                throw closedException();
            }
            job.awaitDone();
            active.remove(job);
        }
        job.recordCost();
        job.throwIfFailed();
        if (prefix == null) {
            return root;
        }
        RangeTask both = new RangeTask(job);
        job.runCombine(both, prefix, root);
        job.throwIfFailed();
        return both;
    }

    @Override
    public <A, B> Pair<A, B> join(Supplier<? extends A> a, Supplier<? extends B> b) {
        ensureOpen();
        Thread current = Thread.currentThread();
        try {
            if (current.isVirtual()) {
                return JoinTask.joinInPool(pool, a, b);
            }
            return JoinTask.joinHere(pool, isOwnWorker(current), a, b);
        } catch (RejectedExecutionException e) {
            throw closedException();
        }
    }

    @Override
    public <T> Task<T> background(Supplier<? extends T> fn) {
        ensureOpen();
        RunnableTask<T> task = new RunnableTask<>(fn::get, "Compute.background on " + name);
        backgroundTasks.add(task);
        task.whenDone(() -> backgroundTasks.remove(task));
        try {
            pool.execute(new BackgroundRunner(task));
        } catch (RejectedExecutionException e) {
            backgroundTasks.remove(task);
            throw closedException();
        }
        return task;
    }

    @Override
    public int workers() {
        return parallelism;
    }

    @Override
    public boolean isClosed() {
        return closed;
    }

    @Override
    public void close() {
        if (isOwnWorker(Thread.currentThread())) {
            throw new IllegalStateException("compute pool '" + name
                    + "' cannot be closed from one of its own workers: close() waits for them to end");
        }
        closed = true;
        pool.shutdown();
        boolean interrupted = false;
        while (true) {
            try {
                if (pool.awaitTermination(1, TimeUnit.DAYS)) {
                    break;
                }
            } catch (InterruptedException e) {
                if (!interrupted) {
                    interrupted = true;
                    cancelEverything();
                }
            }
        }
        for (Thread thread : threads) {
            while (thread.isAlive()) {
                try {
                    thread.join();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        }
        threads.clear();
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private void cancelEverything() {
        CancellationException reason = new CancellationException("compute pool '" + name + "' was closed");
        for (Job job : active) {
            job.fail(reason);
        }
        for (RunnableTask<?> task : backgroundTasks) {
            task.cancel(true);
        }
    }

    private void ensureOpen() {
        if (closed) {
            throw closedException();
        }
    }

    private IllegalStateException closedException() {
        return new IllegalStateException("compute pool '" + name + "' is closed");
    }

    @Override
    public String toString() {
        return "local engine '" + name + "' with " + parallelism + " workers";
    }

    /** A worker thread that knows its engine, so nested calls can be recognised cheaply. */
    private static final class Worker extends ForkJoinWorkerThread {
        final ForkJoinEngine engine;

        Worker(ForkJoinPool pool, ForkJoinEngine engine, String name) {
            super(null, pool, true);
            this.engine = engine;
            setName(name);
            setDaemon(true);
        }
    }

    /** Runs a background task and clears the interrupt a cancel(true) may have left. */
    private static final class BackgroundRunner extends ForkJoinTask<Void> {
        private final RunnableTask<?> task;

        BackgroundRunner(RunnableTask<?> task) {
            this.task = task;
        }

        @Override
        protected boolean exec() {
            try {
                task.run();
            } finally {
                Thread.interrupted();
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
}
