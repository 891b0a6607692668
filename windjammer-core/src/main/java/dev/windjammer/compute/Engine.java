package dev.windjammer.compute;

import dev.windjammer.Pair;
import dev.windjammer.async.Task;

import java.util.function.Supplier;

/**
 * Where the work of a {@link ComputePool} runs: the local work-stealing engine or the calling
 * thread. Every operation of the public API reduces to these four.
 */
sealed interface Engine permits ForkJoinEngine, CallerEngine {

    /**
     * Runs {@code job} to completion and returns the node that holds its result.
     *
     * @throws RuntimeException what the job's user code threw (the same instance), a
     *         {@link dev.windjammer.TaskFailedException} for a checked failure, or an
     *         {@link dev.windjammer.UncheckedInterruptedException} if the caller was interrupted
     */
    RangeTask run(Job job);

    /** Runs both suppliers, possibly in parallel, and returns both results. */
    <A, B> Pair<A, B> join(Supplier<? extends A> a, Supplier<? extends B> b);

    /** Starts {@code fn} off the calling thread (or, sequentially, on it). */
    <T> Task<T> background(Supplier<? extends T> fn);

    /** The number of threads that run work. */
    int workers();

    /** Whether {@link #close()} was called. */
    boolean isClosed();

    /** Stops accepting work and waits until every thread of the engine has ended. */
    void close();
}
