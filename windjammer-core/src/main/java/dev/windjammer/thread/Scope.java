package dev.windjammer.thread;

import dev.windjammer.TaskFailedException;
import dev.windjammer.UncheckedInterruptedException;
import dev.windjammer.internal.Failures;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The scope of {@link Threads#scope(Scope.Body) Threads.scope}: threads spawned here are joined
 * before {@code Threads.scope} returns, so they may use everything the scope's body can see,
 * like Rust's {@code std::thread::scope}.
 *
 * <p>A {@code Scope} is valid while its body runs. Its threads may spawn further threads in the
 * same scope; they too are joined before the scope returns. Calling {@code spawn} after the
 * scope has ended throws {@link IllegalStateException}.
 *
 * <h2>Failures</h2>
 * A thread's failure that no {@link JoinHandle#join()} delivered is rethrown by
 * {@code Threads.scope} after every thread has ended, as are the body's own exception and a
 * failure that a {@code join()} delivered and the body let escape. The first of them in time is
 * thrown (checked exceptions wrapped once in {@link TaskFailedException}); the others are
 * attached to it as suppressed exceptions. A failure does not stop the other threads: as in
 * Rust, the threads of a scope are explicit and run to their end; interrupt them, or use the
 * async layer's fail-fast scope, to cancel.
 *
 * <h2>Interruption</h2>
 * If the thread that called {@code Threads.scope} is interrupted while it waits for the scope's
 * threads (or had its interrupt status set when the body returned), every scoped thread is
 * interrupted, the scope still waits for all of them to end, and then throws
 * {@link UncheckedInterruptedException} with the interrupt status set and the threads' failures
 * suppressed.
 */
public final class Scope {
    /*
     * Implementation notes
     *
     * Overview. A scope is a queue of handles plus a count of spawn() calls in progress. When
     * the body has returned, the owner drains the queue, joining each thread in spawn order;
     * a thread that spawns while the owner drains adds its handle to the same queue, so the
     * drain sees it. The scope ends when the queue is empty and the count moves from 0 to
     * CLOSED in one CAS: no spawn can be between its check and its enqueue at that moment,
     * and every later spawn() fails. (Rust counts running threads and parks the owner on the
     * last exit; we join each thread instead, which also waits for the thread's own exit.)
     *
     * Failures. Each failure is queued when it happens, the body's own exception included, so
     * "first" means first in time. A thread's failure is skipped at the end if a join()
     * delivered it (ThreadBody.observed): Rust's scope likewise only panics for threads that
     * panicked and were not joined manually.
     *
     * Interruption. An interrupt of the owner while it drains interrupts the thread being
     * joined and every queued thread, and every thread drained later; the owner keeps joining
     * uninterruptibly, so the no-leak guarantee holds even then.
     */

    /**
     * The body of a scope: spawns threads through the given scope and returns a value.
     *
     * @param <T> the type of the value
     */
    @FunctionalInterface
    public interface Body<T> {
        /**
         * Runs the body.
         *
         * @param scope the scope to spawn threads in; valid until the body has returned and
         *              all threads have ended
         * @return the value {@code Threads.scope} returns
         * @throws Exception anything; rethrown by {@code Threads.scope} as described there
         */
        T run(Scope scope) throws Exception;
    }

    private static final int CLOSED = Integer.MIN_VALUE;

    private final ConcurrentLinkedQueue<JoinHandle<?>> handles = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<Failure> failures = new ConcurrentLinkedQueue<>();
    private final AtomicInteger spawning = new AtomicInteger();

    Scope() {
    }

    /**
     * Starts a platform thread in this scope running {@code body}.
     *
     * @param body the code to run
     * @param <T>  the type of its result
     * @return the thread's handle; joining it delivers the body's failure to the caller, and
     *         the scope then does not rethrow that failure
     * @throws IllegalStateException if the scope has ended
     * @throws NullPointerException if {@code body} is {@code null}
     */
    public <T> JoinHandle<T> spawn(Callable<T> body) {
        Objects.requireNonNull(body, "body");
        return spawn(Threads.DEFAULTS, body);
    }

    /**
     * Starts a platform thread in this scope running {@code body}.
     *
     * @param body the code to run
     * @return the thread's handle, whose {@code join()} returns {@code null}
     * @throws IllegalStateException if the scope has ended
     * @throws NullPointerException if {@code body} is {@code null}
     */
    public JoinHandle<Void> spawn(Runnable body) {
        Objects.requireNonNull(body, "body");
        return spawn(Threads.DEFAULTS, Threads.callable(body));
    }

    <T> JoinHandle<T> spawn(Threads.Builder settings, Callable<T> body) {
        int count;
        do {
            count = spawning.get();
            if (count == CLOSED) {
                throw new IllegalStateException("the scope has ended; spawn threads from its body");
            }
        } while (!spawning.compareAndSet(count, count + 1));
        try {
            JoinHandle<T> handle = settings.start(body, this);
            handles.add(handle);
            return handle;
        } finally {
            spawning.decrementAndGet();
        }
    }

    void ended(ThreadBody<?> body) {
        Throwable failure = body.failure();
        if (failure != null) {
            failures.add(new Failure(failure, body));
        }
    }

    void bodyFailed(Throwable failure) {
        failures.add(new Failure(failure, null));
    }

    /** Joins every thread of the scope, spawned before or during this call, then closes it. */
    void joinAll() {
        InterruptedException interruption = null;
        while (true) {
            JoinHandle<?> handle;
            while ((handle = handles.poll()) != null) {
                Thread thread = handle.thread();
                if (interruption != null) {
                    thread.interrupt();
                }
                while (true) {
                    try {
                        thread.join();
                        break;
                    } catch (InterruptedException e) {
                        interruption = e;
                        thread.interrupt();
                        handles.forEach(queued -> queued.thread().interrupt());
                    }
                }
            }
            if (spawning.compareAndSet(0, CLOSED)) {
                break;
            }
            Thread.onSpinWait(); // a spawn() is between its count and its enqueue
        }
        if (interruption != null) {
            UncheckedInterruptedException thrown =
                    UncheckedInterruptedException.interrupted("the threads of a scope", interruption);
            for (Throwable failure : unobservedFailures()) {
                Failures.suppress(thrown, failure);
            }
            throw thrown;
        }
    }

    /** Throws the first failure not delivered by a join, with the others suppressed. */
    void rethrowFailures() {
        List<Throwable> all = unobservedFailures();
        if (all.isEmpty()) {
            return;
        }
        Throwable first = all.getFirst();
        Throwable thrown = first instanceof RuntimeException || first instanceof Error
                ? first : new TaskFailedException(first);
        for (Throwable other : all.subList(1, all.size())) {
            Failures.suppress(thrown, other);
        }
        throw Failures.propagate(thrown);
    }

    private List<Throwable> unobservedFailures() {
        List<Throwable> result = new ArrayList<>();
        for (Failure failure : failures) {
            boolean delivered = failure.source() != null && failure.source().isObserved();
            if (!delivered && result.stream().noneMatch(seen -> seen == failure.error())) {
                result.add(failure.error());
            }
        }
        return result;
    }

    @Override
    public String toString() {
        return spawning.get() == CLOSED ? "Scope[ended]" : "Scope[open]";
    }

    private record Failure(Throwable error, ThreadBody<?> source) {
    }
}
