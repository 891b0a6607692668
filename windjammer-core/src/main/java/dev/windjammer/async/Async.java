package dev.windjammer.async;

import dev.windjammer.Pair;
import dev.windjammer.UncheckedInterruptedException;
import dev.windjammer.internal.RunnableTask;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;

/**
 * The async layer: I/O-bound concurrency on virtual threads, the Java twin of Windjammer's
 * {@code std::async} (tokio's {@code spawn}, {@code join!}, {@code join_all}, {@code select!},
 * {@code timeout}, {@code sleep}, and Kotlin's {@code coroutineScope}).
 *
 * <p>An {@code async fn} has no Java keyword: an async function is a plain method that blocks
 * on a virtual thread, where blocking is cheap, or one that returns a {@link Task}.
 *
 * <pre>{@code
 * Pair<String, String> both = Async.join(() -> fetch(api1), () -> fetch(api2));
 * List<Callable<Image>> downloads = urls.stream().<Callable<Image>>map(url -> () -> download(url)).toList();
 * List<Image> images = Async.joinAll(downloads);
 * Quote fastest = Async.race(List.of(() -> quote(mirrorA), () -> quote(mirrorB)));
 * Row row = Async.timeout(Duration.ofSeconds(2), () -> db.find(id));
 * }</pre>
 *
 * <h2>Structured and unstructured</h2>
 * {@link #join}, {@link #joinAll}, {@link #joinAllSettled}, {@link #race}, {@link #timeout}
 * and {@link #scope} are <em>structured</em>: when they return or throw, none of the tasks they
 * started still runs. {@link #spawn} is <em>unstructured</em> (tokio's {@code spawn},
 * Kotlin's {@code GlobalScope.launch}): the task runs until it ends or its {@link Task} is
 * cancelled, also when {@code spawn} is called inside a scope's body; to make a task a child
 * of a scope, spawn it with {@link TaskScope#spawn}. See ADR 0031.
 *
 * <h2>Failures</h2>
 * An unchecked exception thrown by a body reaches the caller as the same instance; a checked
 * one is wrapped once in {@link dev.windjammer.TaskFailedException}. Fail-fast operations
 * ({@code join}, {@code joinAll}, {@code scope}) throw the first failure, cancel the other
 * bodies, wait for them to end, and attach their failures as suppressed (but not the
 * {@link java.util.concurrent.CancellationException}s and interruptions by which the
 * cancellation itself shows).
 *
 * <h2>Cancellation</h2>
 * Cooperative, through interruption. Cancelling a body interrupts its thread; blocking JDK
 * calls (sleep, locks, queues, socket and file channels, {@code HttpClient.send}) and every
 * Windjammer wait respond by throwing; a body that ignores interruption runs on, and a
 * structured operation then waits for it &mdash; it never returns while a body it started is
 * still running. Interrupting the caller of a structured operation, or cancelling the task in
 * which it runs, cancels every body it started, waits for them, and throws
 * {@link UncheckedInterruptedException} with the interrupt status set.
 *
 * <h2>CPU-heavy work</h2>
 * Do CPU-bound work on the compute layer, not on the virtual threads of this layer (their
 * carriers are few: one per core). {@code Compute.background(fn)} runs {@code fn} on a compute
 * worker and returns a {@link Task}; awaiting it from async code parks the virtual thread and
 * frees its carrier for other tasks while the computation runs:
 * <pre>{@code
 * byte[] bytes = http.get(url);                                          // I/O: the virtual thread parks
 * Thumbnail thumbnail = Compute.background(() -> render(bytes)).await();  // CPU: on a compute worker
 * }</pre>
 *
 * <h2>Virtual threads and pinning</h2>
 * Every task runs on its own virtual thread (unnamed unless a name is given). No code of this
 * layer blocks while holding a monitor, so it never pins a carrier, on Java 21 either. Bodies
 * should do the same: on Java 21 to 23, blocking inside {@code synchronized} pins the carrier
 * for as long as it blocks (JEP 491 removed that in Java 24); prefer
 * {@link java.util.concurrent.locks.ReentrantLock}.
 *
 * <h2>Memory consistency</h2>
 * Actions before starting a body happen-before the body runs; everything a body did
 * happens-before the structured operation that ran it returns (or throws), and before
 * {@link Task#await()} returns its result.
 */
public final class Async {

    private static final String UNNAMED_TASK = "async task";

    private Async() {
    }

    /**
     * Starts {@code body} on a new, unnamed virtual thread and returns its task. The task is
     * unstructured: nothing waits for it or cancels it but the holder of the returned
     * {@link Task} (see the class documentation). Its failure is kept in the task and reported
     * by nothing else: await or inspect the task.
     *
     * @param body the task's code
     * @param <T>  the type of its result
     * @return the running task
     * @throws NullPointerException if {@code body} is {@code null}
     */
    public static <T> Task<T> spawn(Callable<T> body) {
        RunnableTask<T> task = new RunnableTask<>(Objects.requireNonNull(body, "body"), UNNAMED_TASK);
        Thread.startVirtualThread(task);
        return task;
    }

    /**
     * Starts {@code body} on a new virtual thread named {@code name} and returns its task, as
     * {@link #spawn(Callable)} does. The name shows in thread dumps and in the task's
     * {@code toString()} and error messages.
     *
     * @param name the thread's name
     * @param body the task's code
     * @param <T>  the type of its result
     * @return the running task
     * @throws NullPointerException if {@code name} or {@code body} is {@code null}
     */
    public static <T> Task<T> spawn(String name, Callable<T> body) {
        Objects.requireNonNull(name, "name");
        RunnableTask<T> task = new RunnableTask<>(Objects.requireNonNull(body, "body"), name);
        Thread.ofVirtual().name(name).start(task);
        return task;
    }

    /**
     * Runs two bodies concurrently, each on its own virtual thread, and returns both results:
     * tokio's {@code join!}. Fail-fast: the first failure cancels the other body, and is thrown
     * once that body has ended.
     *
     * @param first  the first body
     * @param second the second body
     * @param <A>    the type of the first result
     * @param <B>    the type of the second result
     * @return the two results, in argument order
     * @throws NullPointerException if {@code first} or {@code second} is {@code null}
     * @throws dev.windjammer.TaskFailedException if a body failed with a checked exception
     * @throws UncheckedInterruptedException if the calling thread was interrupted (both bodies
     *         were cancelled and have ended)
     */
    public static <A, B> Pair<A, B> join(Callable<A> first, Callable<B> second) {
        return FanOut.join(first, second);
    }

    /**
     * Runs every body concurrently, each on its own virtual thread, and returns their results
     * in the collection's iteration order: tokio's {@code join_all}, fail-fast like
     * {@link #join}.
     *
     * @param bodies the bodies; the collection is copied before anything starts
     * @param <T>    the type of the results
     * @return the results, unmodifiable, {@code null} elements where a body returned null
     * @throws NullPointerException if {@code bodies} or one of its elements is {@code null}
     *         (then nothing was started)
     * @throws dev.windjammer.TaskFailedException if a body failed with a checked exception
     * @throws UncheckedInterruptedException if the calling thread was interrupted
     */
    public static <T> List<T> joinAll(Collection<? extends Callable<T>> bodies) {
        return FanOut.all(FanOut.snapshot(bodies));
    }

    /**
     * As {@link #joinAll(Collection)}, but with at most {@code maxConcurrency} bodies running
     * at any time (for instance to stay within a server's connection limit). Bodies start in
     * iteration order; after a failure no further body starts.
     *
     * <p>Bodies run on at most {@code maxConcurrency} virtual threads, several in turn on the
     * same thread, so a thread-local set by one body may be seen by a later one.
     *
     * @param bodies         the bodies; the collection is copied before anything starts
     * @param maxConcurrency the most bodies to run at once, at least 1
     * @param <T>            the type of the results
     * @return the results, unmodifiable, in iteration order
     * @throws NullPointerException     if {@code bodies} or one of its elements is {@code null}
     * @throws IllegalArgumentException if {@code maxConcurrency} is less than 1
     * @throws dev.windjammer.TaskFailedException if a body failed with a checked exception
     * @throws UncheckedInterruptedException if the calling thread was interrupted
     */
    public static <T> List<T> joinAll(Collection<? extends Callable<T>> bodies, int maxConcurrency) {
        FanOut.checkLimit(maxConcurrency);
        return FanOut.all(FanOut.snapshot(bodies), maxConcurrency);
    }

    /**
     * Runs every body concurrently and returns how each one ended, in iteration order,
     * whatever the others did: a failure cancels nothing (JavaScript's
     * {@code Promise.allSettled}).
     *
     * @param bodies the bodies; the collection is copied before anything starts
     * @param <T>    the type of the results
     * @return the outcomes, unmodifiable, in iteration order
     * @throws NullPointerException if {@code bodies} or one of its elements is {@code null}
     * @throws UncheckedInterruptedException if the calling thread was interrupted (every body
     *         was cancelled and has ended)
     */
    public static <T> List<Outcome<T>> joinAllSettled(Collection<? extends Callable<T>> bodies) {
        return FanOut.settled(FanOut.snapshot(bodies));
    }

    /**
     * As {@link #joinAllSettled(Collection)}, with at most {@code maxConcurrency} bodies
     * running at any time, on at most that many virtual threads.
     *
     * @param bodies         the bodies; the collection is copied before anything starts
     * @param maxConcurrency the most bodies to run at once, at least 1
     * @param <T>            the type of the results
     * @return the outcomes, unmodifiable, in iteration order
     * @throws NullPointerException     if {@code bodies} or one of its elements is {@code null}
     * @throws IllegalArgumentException if {@code maxConcurrency} is less than 1
     * @throws UncheckedInterruptedException if the calling thread was interrupted
     */
    public static <T> List<Outcome<T>> joinAllSettled(Collection<? extends Callable<T>> bodies,
                                                      int maxConcurrency) {
        FanOut.checkLimit(maxConcurrency);
        return FanOut.settled(FanOut.snapshot(bodies), maxConcurrency);
    }

    /**
     * Runs every body concurrently and returns the result of the first to <em>succeed</em>;
     * the others are cancelled, and the call returns once they have ended. A failing body does
     * not end the race; if every body fails, the failure of the first in iteration order is
     * thrown with the others attached as suppressed.
     *
     * @param bodies the bodies, at least one; the collection is copied before anything starts
     * @param <T>    the type of the result
     * @return the result of the first body to succeed
     * @throws NullPointerException     if {@code bodies} or one of its elements is {@code null}
     * @throws IllegalArgumentException if {@code bodies} is empty
     * @throws dev.windjammer.TaskFailedException if every body failed, the first with a checked
     *         exception
     * @throws UncheckedInterruptedException if the calling thread was interrupted
     */
    public static <T> T race(Collection<? extends Callable<T>> bodies) {
        return FanOut.race(FanOut.snapshot(bodies));
    }

    /**
     * Runs {@code body} on the calling thread with a time limit: when the limit is reached the
     * body is cancelled (its thread is interrupted), and once it has ended this throws
     * {@link dev.windjammer.TimedOutException}. Like Kotlin's {@code withTimeout}, the call
     * waits for a cancelled body to end, so nothing of it still runs when the call returns; a
     * body that ignores interruption delays the exception (ADR 0032).
     *
     * <p>Whether the body completed or timed out is decided once: if the limit is reached
     * before the body returns, a value it returns afterwards is discarded &mdash; release
     * resources acquired in the body inside it. The interrupt used for the cancellation never
     * outlives the call. Nested timeouts work independently; a scope inside the body is
     * cancelled with it.
     *
     * @param limit how long the body may run; zero or negative throws at once without running it
     * @param body  the code to run
     * @param <T>   the type of its result
     * @return the body's result if it returned in time
     * @throws dev.windjammer.TimedOutException if the limit was reached; its cause is the
     *         exception the interrupted body ended with, if any
     * @throws NullPointerException if {@code limit} or {@code body} is {@code null}
     * @throws dev.windjammer.TaskFailedException if the body failed in time with a checked
     *         exception
     * @throws UncheckedInterruptedException if the calling thread was interrupted from outside
     *         and the body let the {@link InterruptedException} escape (the interrupt status is
     *         set again)
     */
    public static <T> T timeout(Duration limit, Callable<T> body) {
        return Timeout.run(limit, body);
    }

    /**
     * Sleeps for {@code duration}: on a virtual thread, without occupying a carrier. A
     * cancellation point: throws if the thread is interrupted before or while sleeping, also
     * for a zero or negative duration (which does not sleep).
     *
     * @param duration how long to sleep
     * @throws NullPointerException if {@code duration} is {@code null}
     * @throws UncheckedInterruptedException if the thread was interrupted (the interrupt
     *         status is set again)
     */
    public static void sleep(Duration duration) {
        Objects.requireNonNull(duration, "duration");
        try {
            if (duration.isNegative() || duration.isZero()) {
                if (Thread.interrupted()) {
                    throw new InterruptedException();
                }
                return;
            }
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            throw UncheckedInterruptedException.interrupted("Async.sleep to end", e);
        }
    }

    /**
     * Runs {@code body} on the calling thread with a {@link TaskScope} to spawn tasks in, and
     * returns its result once every task of the scope has ended (structured concurrency, as
     * Kotlin's {@code coroutineScope}):
     *
     * <ul>
     *   <li><b>No task outlives its scope.</b> When the body returns, the call waits for every
     *       task of the scope &mdash; also those not awaited, cancelled ones, and tasks spawned
     *       by tasks. Their threads have ended when the call returns or throws.</li>
     *   <li><b>A failure cancels the siblings.</b> When a task fails, every other task of the
     *       scope is cancelled and the body, if still running, is interrupted; the call throws
     *       that failure (unchecked as the same instance, checked wrapped once), with later
     *       failures suppressed. This holds even if the body caught the failure from
     *       {@link Task#await()}: to let a task fail alone, catch inside its own body, or use
     *       {@link #joinAllSettled}. If the body throws, the tasks are cancelled and the call
     *       throws the body's exception once they have ended.</li>
     *   <li><b>Cancelling the owner reaches every descendant.</b> If the calling thread is
     *       interrupted (or the task it runs in is cancelled), the body sees the interruption;
     *       once it has ended, or if the interrupt arrives while the call waits for the tasks,
     *       every task is cancelled, which interrupts their threads and so cancels the scopes
     *       they have open, in turn. The call then throws
     *       {@link UncheckedInterruptedException} (or the body's own exception) with the
     *       interrupt status set.</li>
     * </ul>
     *
     * <p>Tasks started with {@link #spawn} inside the body are not tasks of the scope (ADR
     * 0031). An interrupt the scope itself delivers to the body when a task fails is cleared
     * before the call returns.
     *
     * @param body the scope's code
     * @param <T>  the type of its result
     * @return what the body returned
     * @throws NullPointerException if {@code body} is {@code null}
     * @throws dev.windjammer.TaskFailedException if the body or a task failed with a checked
     *         exception
     * @throws UncheckedInterruptedException if the calling thread was interrupted
     */
    public static <T> T scope(TaskScope.Body<T> body) {
        return StructuredScope.run(body);
    }
}
