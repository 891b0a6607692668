package dev.windjammer.thread;

import dev.windjammer.TimedOutException;
import dev.windjammer.UncheckedInterruptedException;

import java.lang.ref.Cleaner;
import java.time.Duration;
import java.util.Objects;

/**
 * The handle of a platform thread started by {@link Threads#spawn(java.util.concurrent.Callable)
 * Threads.spawn}, a {@link Threads.Builder} or a {@link Scope}: the Java twin of Rust's
 * {@code std::thread::JoinHandle}. {@link #join()} waits for the thread and returns what its
 * body returned, or throws what it threw.
 *
 * <h2>Failures</h2>
 * A body's failure is kept for {@code join()} and is <em>not</em> passed to the thread's
 * uncaught-exception handler: the thread ends normally and nothing is printed.
 * <ul>
 *   <li>a {@link RuntimeException} or {@link Error} is rethrown by {@code join()} as the same
 *       instance;</li>
 *   <li>a checked exception is wrapped once in {@link dev.windjammer.TaskFailedException};</li>
 *   <li>every call of {@code join()} delivers the outcome again (the same value or the same
 *       exception instance).</li>
 * </ul>
 * A failure that nobody joins is not lost silently: when the handle of an unscoped thread
 * becomes unreachable before any {@code join()} delivered its failure, the failure is logged
 * once at {@code WARNING} through the {@link System.Logger} named {@code dev.windjammer.thread}
 * (at garbage collection, or when the thread fails if the handle was collected earlier). The
 * failures of a {@link Scope}'s threads are never logged: the scope rethrows them.
 *
 * <h2>Memory consistency</h2>
 * Everything the thread did happens-before {@code join()} returns or throws its failure, and
 * before {@link #isFinished()} returns {@code true}.
 *
 * <h2>Interruption</h2>
 * Interrupting the joining thread makes {@code join} throw
 * {@link UncheckedInterruptedException} with the interrupt status set; the joined thread keeps
 * running. To ask the joined thread to stop, interrupt {@link #thread()}.
 *
 * @param <T> the type of the body's result ({@link Void} for a {@link Runnable})
 */
public final class JoinHandle<T> {
    /*
     * Implementation notes
     *
     * Overview. The handle owns nothing but references: the Thread and the ThreadBody that the
     * thread runs. The body never points back at the handle, so an unjoined handle can become
     * unreachable while its thread runs; the Cleaner registered for unscoped handles then
     * tells the body it is orphaned (see ThreadBody for the exactly-once report).
     *
     * Waiting. join() is Thread.join(): the JVM wakes joiners when the thread has terminated,
     * so after join() the thread is no longer alive (Rust's join waits for the OS thread in
     * the same way) and there is a single wake-up, as with a raw Thread. join() waits for the
     * exit even when the body has already finished (the thread may be in its last
     * instructions): a caller that joined every thread it spawned then has no thread alive,
     * which leak checks rely on. Thread.join() of a terminated thread returns at once.
     *
     * Virtual threads. Thread.join() of a platform thread waits in Object.wait(). On JDK 24 and
     * later (JEP 491) a virtual thread waiting there releases its carrier; on JDK 21 to 23 it
     * pins the carrier and the scheduler compensates with an extra carrier while it waits.
     */

    private static final Cleaner ORPHANS = Cleaner.create(runnable -> {
        Thread reporter = new Thread(runnable, "windjammer-unjoined-failure-reporter");
        reporter.setDaemon(true);
        return reporter;
    });

    private final Thread thread;
    private final ThreadBody<T> body;
    private final Cleaner.Cleanable orphanCheck;

    JoinHandle(Thread thread, ThreadBody<T> body, boolean scoped) {
        this.thread = thread;
        this.body = body;
        this.orphanCheck = scoped ? null : ORPHANS.register(this, body::orphan);
    }

    /**
     * Waits for the thread to finish and returns its body's result.
     *
     * @return what the body returned ({@code null} for a {@link Runnable} body)
     * @throws RuntimeException the body's unchecked exception, the same instance
     * @throws Error the body's error, the same instance
     * @throws dev.windjammer.TaskFailedException if the body threw a checked exception, which
     *         is its cause
     * @throws UncheckedInterruptedException if the calling thread was interrupted while waiting
     * @throws IllegalStateException if called by the joined thread itself, which would wait
     *         forever
     */
    public T join() {
        if (thread.isAlive()) {
            refuseSelfJoin();
            try {
                thread.join();
            } catch (InterruptedException e) {
                throw UncheckedInterruptedException.interrupted("thread " + thread.getName(), e);
            }
        }
        return deliver();
    }

    /**
     * Waits at most {@code timeout} for the thread to finish and returns its body's result.
     * When the time runs out the thread keeps running; the handle can be joined again.
     *
     * @param timeout how long to wait at most; zero or negative means do not wait
     * @return what the body returned ({@code null} for a {@link Runnable} body)
     * @throws TimedOutException if the body has not finished in time
     * @throws RuntimeException the body's unchecked exception, the same instance
     * @throws Error the body's error, the same instance
     * @throws dev.windjammer.TaskFailedException if the body threw a checked exception
     * @throws UncheckedInterruptedException if the calling thread was interrupted while waiting
     * @throws NullPointerException if {@code timeout} is {@code null}
     * @throws IllegalStateException if called by the joined thread itself
     */
    public T join(Duration timeout) {
        Objects.requireNonNull(timeout, "timeout");
        if (thread.isAlive()) {
            refuseSelfJoin();
            try {
                if (timeout.isPositive() && thread.join(timeout)) {
                    return deliver();
                }
            } catch (InterruptedException e) {
                throw UncheckedInterruptedException.interrupted("thread " + thread.getName(), e);
            }
            if (!body.isFinished()) {
                throw new TimedOutException("thread " + thread.getName(), timeout);
            }
        }
        return deliver();
    }

    private void refuseSelfJoin() {
        if (thread == Thread.currentThread()) {
            throw new IllegalStateException("thread " + thread.getName() + " cannot join itself");
        }
    }

    private T deliver() {
        try {
            return body.deliver();
        } finally {
            if (orphanCheck != null) {
                orphanCheck.clean(); // observed: nothing left to report, deregister early
            }
        }
    }

    /**
     * Returns whether the body has returned or thrown. Once {@code true}, {@link #join()}
     * waits at most for the thread's exit, which is moments away: the thread itself may still
     * be in the last instructions of its exit (as with Rust's {@code is_finished}).
     *
     * @return {@code true} once the body's outcome is available
     */
    public boolean isFinished() {
        return body.isFinished();
    }

    /**
     * Returns the platform thread running the body, e.g. to interrupt it or to read its name.
     * Joining the {@code Thread} directly does not deliver the body's outcome.
     *
     * @return the thread
     */
    public Thread thread() {
        return thread;
    }

    @Override
    public String toString() {
        return "JoinHandle[" + thread.getName() + (body.isFinished() ? ", finished]" : ", running]");
    }
}
