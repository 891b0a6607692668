package dev.windjammer.async;

import java.time.Duration;
import java.util.concurrent.Future;

/**
 * A computation that runs concurrently with its creator and can be awaited, inspected and
 * cancelled: the Java twin of a Rust/tokio {@code JoinHandle} and of a Windjammer
 * {@code async fn} result. Made by {@code Async.spawn} (a virtual thread) and by
 * {@link dev.windjammer.compute.Compute#background Compute.background} (a compute worker).
 *
 * <p>A {@code Task} is a {@link Future}, so it works with JDK code that expects one; the
 * Windjammer methods differ from {@code Future.get} in that they throw no checked exceptions:
 *
 * <ul>
 *   <li>a {@link RuntimeException} or {@link Error} thrown by the task is rethrown by
 *       {@link #await()} as the same instance;</li>
 *   <li>a checked exception is wrapped once in {@link dev.windjammer.TaskFailedException};</li>
 *   <li>a cancelled task makes {@code await} throw
 *       {@link java.util.concurrent.CancellationException};</li>
 *   <li>interrupting the awaiting thread makes {@code await} throw
 *       {@link dev.windjammer.UncheckedInterruptedException} with the interrupt status set (the
 *       task itself keeps running).</li>
 * </ul>
 *
 * <p><b>Memory consistency:</b> everything the task did happens-before a successful return from
 * {@link #await()}, {@link #get()}, {@link #resultNow()} or {@link #exceptionNow()}, and
 * before {@link #isReady()} returns {@code true}.
 *
 * <p><b>Virtual threads:</b> awaiting parks the caller; on a virtual thread that releases its
 * carrier, so awaiting CPU work from async code costs no carrier thread.
 *
 * <p>State inspection comes from {@link Future}: {@link #state()}, {@link #isCancelled()},
 * {@link #resultNow()}, {@link #exceptionNow()}.
 *
 * @param <T> the type of the result
 */
public interface Task<T> extends Future<T> {

    /**
     * Waits for the task and returns its result.
     *
     * @return the task's result
     * @throws java.util.concurrent.CancellationException if the task was cancelled
     * @throws dev.windjammer.TaskFailedException if the task failed with a checked exception
     * @throws dev.windjammer.UncheckedInterruptedException if the calling thread was
     *         interrupted while waiting
     */
    T await();

    /**
     * Waits at most {@code timeout} for the task and returns its result. When the time runs
     * out the task is <em>not</em> cancelled; use {@code Async.timeout} for that.
     *
     * @param timeout how long to wait at most; zero or negative means do not wait
     * @return the task's result
     * @throws dev.windjammer.TimedOutException if the task is not done in time
     * @throws java.util.concurrent.CancellationException if the task was cancelled
     * @throws dev.windjammer.TaskFailedException if the task failed with a checked exception
     * @throws dev.windjammer.UncheckedInterruptedException if the calling thread was
     *         interrupted while waiting
     * @throws NullPointerException if {@code timeout} is {@code null}
     */
    T await(Duration timeout);

    /**
     * Returns whether the task has completed, normally, with a failure or by cancellation;
     * the same as {@link #isDone()}.
     *
     * @return {@code true} once the task is done
     */
    boolean isReady();

    /**
     * Cancels the task: if it has not started it never will; if it is running, its thread is
     * interrupted, and work it started through Windjammer is cancelled in turn. Has no effect
     * on a task that is already done. The same as {@code cancel(true)}.
     *
     * @return {@code true} if this call cancelled the task
     */
    boolean cancel();
}
