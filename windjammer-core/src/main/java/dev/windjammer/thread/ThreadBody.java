package dev.windjammer.thread;

import dev.windjammer.internal.Failures;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.Callable;

/**
 * What a spawned platform thread runs: the user's body, then the publication of its outcome.
 * Shared by the {@link JoinHandle} (which reads the outcome) and the thread (which runs it), so
 * that the handle can become unreachable while the thread still runs.
 *
 * @param <T> the type of the body's result
 */
final class ThreadBody<T> implements Runnable {
    /*
     * Implementation notes
     *
     * Overview. run() calls the body and stores exactly one outcome: the value (NULL_VALUE
     * standing for null) or a Failure record. Nothing escapes run(): the thread ends normally
     * whatever the body did, so the JVM's uncaught-exception handler never prints a failure
     * that join() will deliver (a Rust JoinHandle returns the panic as Err the same way).
     *
     * Memory ordering. The outcome is a plain field written before the thread terminates.
     * JoinHandle reads it only after Thread.join() returned (JLS 17.4.5: everything a thread
     * does happens-before another thread detects its termination) or after reading the
     * volatile `finished` flag, written after the outcome (release) and read first (acquire).
     *
     * Observation. `observed` is set by the first join() that delivers the outcome; the
     * unjoined-failure report and a scope's rethrow both skip observed failures. It is a
     * plain volatile flag: a report racing with a join delivers the failure twice at worst,
     * never zero times.
     *
     * Orphans. When the JoinHandle of an unscoped thread becomes unreachable, a Cleaner calls
     * orphan(). A failure that no join can deliver any more is then logged once, by whichever
     * of orphan() and run() comes second: `orphaned` and `finished` are both volatile, each
     * side writes its own flag and then reads the other's (Dekker), so at least one side sees
     * both; the CAS on `reported` makes it exactly one. Asyncio reports "Task exception was
     * never retrieved" the same way, when the task is collected.
     */

    /** Stands for a {@code null} result, so that a {@code null} outcome means "not yet". */
    private static final Object NULL_VALUE = new Object();

    private static final System.Logger LOGGER = System.getLogger("dev.windjammer.thread");

    private static final VarHandle REPORTED;

    static {
        try {
            REPORTED = MethodHandles.lookup().findVarHandle(ThreadBody.class, "reported", boolean.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private Callable<T> body; // dropped once run, so that the handle does not keep its captures alive
    private final Scope scope;
    private final String threadName;
    private Object outcome;
    private volatile boolean finished;
    private volatile boolean observed;
    private volatile boolean orphaned;
    @SuppressWarnings("unused") // accessed through REPORTED
    private volatile boolean reported;

    ThreadBody(Callable<T> body, Scope scope, String threadName) {
        this.body = body;
        this.scope = scope;
        this.threadName = threadName;
    }

    @Override
    public void run() {
        Object result;
        try {
            T value = body.call();
            result = value == null ? NULL_VALUE : value;
        } catch (Throwable t) {
            result = new Failure(t);
        }
        body = null;
        outcome = result;
        finished = true;
        if (scope != null) {
            scope.ended(this);
        } else if (orphaned) {
            reportUnjoinedFailure();
        }
    }

    /** Called once the handle is unreachable: no join can deliver the outcome any more. */
    void orphan() {
        orphaned = true;
        if (finished) {
            reportUnjoinedFailure();
        }
    }

    private void reportUnjoinedFailure() {
        Throwable failure = failure();
        if (failure != null && !observed && REPORTED.compareAndSet(this, false, true)) {
            LOGGER.log(System.Logger.Level.WARNING, "thread \"" + threadName
                    + "\" failed and its JoinHandle was dropped without join()", failure);
        }
    }

    /** Returns whether the body has returned or thrown and its outcome is published. */
    boolean isFinished() {
        return finished;
    }

    /**
     * Returns the failure of a finished body, or {@code null} if it returned normally or has
     * not finished.
     */
    Throwable failure() {
        return finished && outcome instanceof Failure failure ? failure.cause() : null;
    }

    /**
     * Returns the value of the finished body or throws its failure as the Windjammer failure
     * semantics say; marks the outcome as observed. Call only once {@link #isFinished()} or
     * after the thread has terminated.
     */
    @SuppressWarnings("unchecked")
    T deliver() {
        Object result = outcome;
        observed = true;
        if (result instanceof Failure failure) {
            throw Failures.propagate(failure.cause());
        }
        if (result == null) {
            throw new IllegalStateException("thread ended without running its body");
        }
        return result == NULL_VALUE ? null : (T) result;
    }

    /** Returns whether a join has delivered the outcome. */
    boolean isObserved() {
        return observed;
    }

    /** A body's failure, kept apart from values so that a body may return a Throwable. */
    private record Failure(Throwable cause) {
    }
}
