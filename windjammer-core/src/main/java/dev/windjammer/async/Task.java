package dev.windjammer.async;

import java.time.Duration;
import java.util.concurrent.Future;

/**
 * A computation that runs concurrently with its creator and can be awaited, inspected and
 * cancelled: the Java twin of a Rust/tokio {@code JoinHandle} and of a Windjammer
 * {@code async fn} result. Made by {@link Async#spawn(java.util.concurrent.Callable)
 * Async.spawn} and {@link TaskScope#spawn(java.util.concurrent.Callable) TaskScope.spawn}
 * (a virtual thread) and by {@code Compute.background} (a compute worker).
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
 * <p><b>Inspection.</b> {@link #state()} tells whether the task is running, succeeded, failed
 * or was cancelled; {@link #outcomeNow()} and {@link #awaitOutcome()} return the same as a
 * sealed {@link Outcome} to switch over, without throwing the task's failure;
 * {@link #resultNow()} and {@link #exceptionNow()} (from {@link Future}) return the value or
 * the exception exactly as thrown.
 *
 * <p><b>Memory consistency:</b> everything the task did happens-before a successful return from
 * {@link #await()}, {@link #get()}, {@link #awaitOutcome()}, {@link #outcomeNow()},
 * {@link #resultNow()} or {@link #exceptionNow()}, and before {@link #isReady()} returns
 * {@code true}.
 *
 * <p><b>Virtual threads:</b> awaiting parks the caller; on a virtual thread that releases its
 * carrier, so awaiting CPU work from async code costs no carrier thread.
 *
 * <p>Implemented by Windjammer only; code outside it should not implement this interface.
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
     * interrupted, so that structured work it started and is waiting for (a scope, a
     * {@code join}, {@code joinAll}, {@code race} or {@code timeout}) is cancelled in turn.
     * Tasks it started with {@code Async.spawn} are unstructured and keep running. Has no
     * effect on a task that is already done. The same as {@code cancel(true)}.
     *
     * <p>The task counts as done at once: {@link #await()} throws
     * {@link java.util.concurrent.CancellationException} without waiting for the interrupted
     * code to return (as {@link Future#cancel} specifies). A task spawned in a scope is still
     * waited for by its scope until its thread has ended.
     *
     * @return {@code true} if this call cancelled the task
     */
    boolean cancel();

    /**
     * Waits for the task and returns how it ended, without throwing its failure.
     *
     * @return the outcome of the task
     * @throws dev.windjammer.UncheckedInterruptedException if the calling thread was
     *         interrupted while waiting
     */
    Outcome<T> awaitOutcome();

    /**
     * Returns how the task ended, without waiting.
     *
     * @return the outcome of the task
     * @throws IllegalStateException if the task has not completed yet
     */
    Outcome<T> outcomeNow();
}
