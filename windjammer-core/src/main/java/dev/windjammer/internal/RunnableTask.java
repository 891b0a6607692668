package dev.windjammer.internal;

import dev.windjammer.TimedOutException;
import dev.windjammer.UncheckedInterruptedException;
import dev.windjammer.async.Outcome;
import dev.windjammer.async.Task;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The {@link Task} implementation shared by every layer: a {@link FutureTask} that some
 * executor (a virtual thread of the async layer, a compute worker) runs, plus completion
 * callbacks. Not exported from the module.
 *
 * <p>Not final for one reason: the async layer's scoped task extends it to learn when the
 * thread running it is done with it (overriding {@link #run()}), which a scope needs and a
 * wrapper {@code Runnable} would cost an object and a stack frame per task for. No other
 * subclass is intended.
 *
 * @param <T> the type of the result
 */
public class RunnableTask<T> extends FutureTask<T> implements Task<T> {
    /*
     * Implementation notes
     *
     * Overview. java.util.concurrent.FutureTask already has what a Task needs: a lock-free
     * state machine (NEW -> COMPLETING -> NORMAL/EXCEPTIONAL, NEW -> INTERRUPTING ->
     * INTERRUPTED), a Treiber stack of parked waiters, cancel(true) interrupting the runner, and
     * since JDK 19 state()/resultNow()/exceptionNow(). We reuse it rather than write a second
     * copy, and add two things: the Windjammer failure translation in await(), and callbacks
     * run on completion (used by Async.race, joinAll and scopes to wake one waiter instead of
     * polling every task).
     *
     * Callbacks. A Treiber stack of Callback nodes; done() swaps in the COMPLETED sentinel and
     * runs what it took. A callback added after that runs at once on the adding thread. Each
     * callback runs exactly once: either done() took it off the stack, or the CAS that would
     * have pushed it saw COMPLETED.
     *
     * Memory ordering. FutureTask's volatile state write in set()/setException()/cancel()
     * precedes done(), so a callback observes the outcome; the CAS on `callbacks` orders the
     * push with the swap.
     */

    private static final Callback COMPLETED = new Callback(() -> { }, null);
    private static final VarHandle CALLBACKS;

    static {
        try {
            CALLBACKS = MethodHandles.lookup().findVarHandle(RunnableTask.class, "callbacks", Callback.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final String description;
    @SuppressWarnings("unused") // accessed through CALLBACKS
    private volatile Callback callbacks;

    /**
     * Creates a task that will run {@code body} when {@link #run()} is called.
     *
     * @param body        the user code
     * @param description what the task is, for {@link #toString()} and error messages
     */
    public RunnableTask(Callable<T> body, String description) {
        super(body);
        this.description = description;
    }

    @Override
    public T await() {
        try {
            return get();
        } catch (ExecutionException e) {
            throw Failures.propagate(e.getCause());
        } catch (InterruptedException e) {
            throw UncheckedInterruptedException.interrupted(description, e);
        }
    }

    @Override
    public T await(Duration timeout) {
        Objects.requireNonNull(timeout, "timeout");
        try {
            return get(toNanos(timeout), TimeUnit.NANOSECONDS);
        } catch (ExecutionException e) {
            throw Failures.propagate(e.getCause());
        } catch (InterruptedException e) {
            throw UncheckedInterruptedException.interrupted(description, e);
        } catch (TimeoutException e) {
            throw new TimedOutException(description, timeout);
        }
    }

    @Override
    public Outcome<T> awaitOutcome() {
        try {
            get();
        } catch (ExecutionException | CancellationException settled) {
            // the outcome below reports it
        } catch (InterruptedException e) {
            throw UncheckedInterruptedException.interrupted(description, e);
        }
        return outcomeNow();
    }

    @Override
    public Outcome<T> outcomeNow() {
        return switch (state()) {
            case SUCCESS -> new Outcome.Success<>(resultNow());
            case FAILED -> new Outcome.Failure<>(exceptionNow());
            case CANCELLED -> new Outcome.Cancelled<>();
            case RUNNING -> throw new IllegalStateException(description + " has not completed");
        };
    }

    @Override
    public boolean isReady() {
        return isDone();
    }

    @Override
    public boolean cancel() {
        return cancel(true);
    }

    /**
     * Runs {@code callback} once this task is done: at once on the calling thread if it
     * already is, otherwise on the thread that completes or cancels the task. A callback must
     * be short and must not throw; one that throws is reported to the completing thread's
     * uncaught-exception handler and the others still run.
     *
     * @param callback what to run
     */
    public void whenDone(Runnable callback) {
        Objects.requireNonNull(callback, "callback");
        Callback head = callbacks;
        while (head != COMPLETED) {
            Callback node = new Callback(callback, head);
            Callback witness = (Callback) CALLBACKS.compareAndExchange(this, head, node);
            if (witness == head) {
                return;
            }
            head = witness;
        }
        runQuietly(callback);
    }

    @Override
    protected final void done() {
        Callback node = (Callback) CALLBACKS.getAndSet(this, COMPLETED);
        while (node != null && node != COMPLETED) {
            runQuietly(node.action);
            node = node.next;
        }
    }

    private static void runQuietly(Runnable action) {
        try {
            action.run();
        } catch (Throwable t) {
            Thread current = Thread.currentThread();
            current.getUncaughtExceptionHandler().uncaughtException(current, t);
        }
    }

    /**
     * Converts a duration to nanoseconds, saturating instead of overflowing.
     *
     * @param timeout a duration, possibly huge or negative
     * @return the nanoseconds, clamped to the range of a {@code long}
     */
    public static long toNanos(Duration timeout) {
        try {
            return timeout.toNanos();
        } catch (ArithmeticException overflow) {
            return timeout.isNegative() ? Long.MIN_VALUE : Long.MAX_VALUE;
        }
    }

    @Override
    public String toString() {
        return description + "[" + state() + "]";
    }

    private record Callback(Runnable action, Callback next) {
    }
}
