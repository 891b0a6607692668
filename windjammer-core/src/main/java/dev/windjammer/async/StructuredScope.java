package dev.windjammer.async;

import dev.windjammer.UncheckedInterruptedException;
import dev.windjammer.internal.Failures;
import dev.windjammer.internal.RunnableTask;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.locks.LockSupport;

/**
 * The engine of every structured operation of the async layer: {@code Async.scope} and the
 * fan-outs ({@code join}, {@code joinAll}, {@code race}) are a scope whose owner forks children
 * on virtual threads and then {@link #join() joins} them.
 */
final class StructuredScope implements TaskScope {
    /*
     * Implementation notes
     *
     * Overview. Structured concurrency as in Trio's nurseries (N. J. Smith, "Notes on
     * structured concurrency, or: Go statement considered harmful", 2018), Kotlin's
     * coroutineScope and the JDK's StructuredTaskScope (JEP 505, still preview in 25, so not
     * used): the thread that opens a scope (the owner) does not leave it before every child
     * has ended. Children are RunnableTasks, each on its own virtual thread. The owner may run
     * a body of user code first (Async.scope, ADR 0030); the fan-outs run none.
     *
     * A child's life. A child (a ScopedTask) is counted in ctl from the moment fork() reserves
     * it until its thread has left ScopedTask.run() -- not until its Future completes. Future completion is the
     * wrong signal: cancel(true) completes a FutureTask at once while its code, and any scope
     * that code has open, is still unwinding. Counting thread ends is what makes "no task
     * outlives its scope" true for cancelled children and, recursively, for their own scopes.
     *
     * Closing. ctl holds the number of live children and a CLOSED bit. fork() increments it by
     * CAS unless CLOSED is set (a fan-out reserves all its children in one CAS); the owner closes by CAS 0 -> CLOSED once it has waited for the
     * count to drop to zero. A fork racing the close either lands first (the owner keeps
     * waiting) or sees CLOSED and throws IllegalStateException; a running child can always
     * fork, since it keeps the count above zero.
     *
     * Failure (fail-fast scopes). The first failure wins a CAS on `failure`; its thread then
     * cancels every running child and interrupts the owner's body if it still runs (through
     * CallerInterrupt, so the interrupt cannot leak past the body). Later failures are
     * attached as suppressed, except the exceptions by which cancellation shows itself
     * (CancellationException, InterruptedException, UncheckedInterruptedException) -- noise
     * once the scope is cancelling. A child that throws after it was cancelled reports
     * nothing: its FutureTask is already CANCELLED and drops the exception, as a subtask of the
     * JDK's StructuredTaskScope does once the scope has shut down. Settling scopes
     * (joinAllSettled, race) record no child failure: the caller reads each child's outcome
     * after join(). An InterruptedException escaping the body, when the scope did not
     * interrupt it, means the owner was interrupted from outside and becomes an
     * UncheckedInterruptedException with the interrupt status set, as from any Windjammer wait.
     *
     * Cancellation. Cooperative, by interruption, as everywhere in Windjammer: cancelAll() sets
     * `cancelled` and cancels every registered child with cancel(true); a child forked after
     * that is cancelled before it starts (no thread is created for it). The pair "register,
     * then read cancelled" in fork() and "write cancelled, then iterate the registered" in
     * cancelAll() is a Dekker handshake over volatile accesses: either cancelAll() sees the new
     * child or fork() sees the flag. Interrupting the owner
     * while it waits in join() fails the scope with an UncheckedInterruptedException, which
     * cancels the children; the owner then keeps waiting, uninterruptibly, until they have all
     * ended, and restores its interrupt status. Nested scopes need nothing more: cancelling a
     * child interrupts its thread, which is the owner of any scope it has open.
     *
     * Waiting. Only the owner waits, so a park/unpark handshake suffices: the owner sets
     * ownerParked, re-reads ctl and parks; the last child decrements ctl and unparks the owner
     * if it saw ownerParked (again Dekker over volatiles). LockSupport.park releases a virtual
     * thread's carrier; nothing here holds a monitor while blocking, so nothing pins a carrier
     * on Java 21, where blocking inside synchronized still does (JEP 491 lifted that in 24).
     *
     * The registry of children. Cancelling needs the children; the hot path (fork, end) should
     * pay as little as possible for that. An open scope (Async.scope) lets any thread spawn at
     * any time and may live long, so it keeps its running children in a ConcurrentHashMap key
     * set and removes each as it ends (the JDK's ThreadFlock does the same); that costs a few
     * hundred nanoseconds of CPU per child, measured, mostly the map's own bookkeeping. A
     * fan-out's owner forks every child itself and knows how many, so a fan-out registers them
     * in a fixed array published by a volatile count and never removes them (cancelling a
     * finished task does nothing); that makes a fan-out's child cost what a raw virtual thread
     * costs.
     *
     * Memory ordering. Everything a child did happens-before its decrement of ctl (a volatile
     * read-modify-write after FutureTask's own volatile completion), which happens-before the
     * owner's read of ctl == 0; so when join() returns, every child's result and side effects
     * are visible to the owner. fork() happens-before the child's run by Thread.start().
     */

    private static final long CLOSED = 1L << 62;
    private static final ThreadFactory UNNAMED_VIRTUAL = Thread.ofVirtual().factory();
    private static final String UNNAMED_TASK = "scoped task";
    private static final VarHandle CTL;
    private static final VarHandle FAILURE;

    static {
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            CTL = lookup.findVarHandle(StructuredScope.class, "ctl", long.class);
            FAILURE = lookup.findVarHandle(StructuredScope.class, "failure", Throwable.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final Thread owner = Thread.currentThread();
    private final boolean failFast;
    private final CallerInterrupt body;
    private final Children children;
    private volatile long ctl;
    private volatile Throwable failure;
    private volatile boolean cancelled;
    private volatile boolean ownerParked;

    private StructuredScope(boolean failFast, CallerInterrupt body, Children children) {
        this.failFast = failFast;
        this.body = body;
        this.children = children;
    }

    /**
     * A scope, owned by the calling thread, in which the first failure of a child cancels the
     * others and becomes the failure of {@link #join()}.
     *
     * @param children how many children the owner will fork, itself and no other thread
     */
    static StructuredScope failFast(int children) {
        return new StructuredScope(true, null, new ForkedChildren(children));
    }

    /**
     * A scope, owned by the calling thread, in which children fail alone; the owner reads
     * their outcomes after {@link #join()}.
     *
     * @param children how many children the owner will fork, itself and no other thread
     */
    static StructuredScope settling(int children) {
        return new StructuredScope(false, null, new ForkedChildren(children));
    }

    /**
     * Runs {@code body} on the calling thread inside a new fail-fast scope, then joins the
     * scope: the implementation of {@code Async.scope}.
     */
    static <T> T run(Body<T> body) {
        Objects.requireNonNull(body, "body");
        StructuredScope scope = new StructuredScope(true, new CallerInterrupt(), new RunningChildren());
        T value = null;
        Throwable thrown = null;
        try {
            value = body.run(scope);
        } catch (Throwable t) {
            thrown = t;
        }
        boolean interruptedByScope = scope.body.end();
        if (thrown instanceof InterruptedException interrupted && !interruptedByScope) {
            thrown = CallerInterrupt.fromOutside(interrupted);
        }
        if (thrown != null) {
            scope.fail(thrown);
        }
        scope.join();
        return value;
    }

    @Override
    public <T> Task<T> spawn(Callable<T> body) {
        return fork(Objects.requireNonNull(body, "body"), null);
    }

    @Override
    public <T> Task<T> spawn(String name, Callable<T> body) {
        Objects.requireNonNull(name, "name");
        return fork(Objects.requireNonNull(body, "body"), name);
    }

    /**
     * Starts {@code body} as a child on a new virtual thread, or returns it cancelled without
     * starting a thread if the scope is already cancelled.
     *
     * @param name the thread's name, or {@code null} for an unnamed thread
     * @throws IllegalStateException if the scope has been closed
     */
    <T> RunnableTask<T> fork(Callable<T> body, String name) {
        ScopedTask<T> task = new ScopedTask<>(body, name == null ? UNNAMED_TASK : name, this);
        reserve(1);
        start(task, name);
        return task;
    }

    /**
     * Forks every body in order, reserving them all at once. If forking fails part-way (no
     * memory for another thread), the scope fails with that error, so that {@link #join()}
     * throws it once the children already started have ended.
     */
    <T> List<RunnableTask<T>> forkEach(List<? extends Callable<T>> bodies) {
        List<RunnableTask<T>> tasks = new ArrayList<>(bodies.size());
        reserve(bodies.size());
        int started = 0;
        try {
            for (Callable<T> each : bodies) {
                ScopedTask<T> task = new ScopedTask<>(each, UNNAMED_TASK, this);
                started++;
                start(task, null);
                tasks.add(task);
            }
        } catch (Throwable t) {
            release(bodies.size() - started);
            fail(t);
        }
        return tasks;
    }

    /**
     * Registers a reserved child and starts its thread, or cancels it without a thread if the
     * scope is cancelled. Every path ends in exactly one {@link #childEnded}.
     */
    private void start(ScopedTask<?> task, String name) {
        boolean started = false;
        try {
            children.register(task);
            if (!cancelled) {
                Thread thread = name == null ? UNNAMED_VIRTUAL.newThread(task)
                        : Thread.ofVirtual().name(name).unstarted(task);
                thread.start();
                started = true;
            }
        } catch (Throwable notStarted) { // no memory for the thread: it will never report
            task.cancel(false);
            childEnded(task);
            throw notStarted;
        }
        if (!started) { // the scope is cancelled: the task never runs
            task.cancel(false);
            childEnded(task);
        }
    }

    private void reserve(int n) {
        long c;
        do {
            c = ctl;
            if ((c & CLOSED) != 0) {
                throw new IllegalStateException(
                        "this scope has ended: spawn tasks in it only while its body or its tasks run");
            }
        } while (!CTL.weakCompareAndSet(this, c, c + n));
    }

    /** Gives back reservations that will never become children. */
    private void release(int n) {
        if (n > 0 && (long) CTL.getAndAdd(this, (long) -n) == n && ownerParked) {
            LockSupport.unpark(owner);
        }
    }

    /** Whether the scope has been cancelled, by a failure, {@link #cancelAll()} or its owner. */
    boolean isCancelled() {
        return cancelled;
    }

    /** Cancels every running child and every child forked from now on. */
    void cancelAll() {
        cancelled = true;
        children.cancelEach();
    }

    /**
     * Records a failure: the first one cancels the scope (and interrupts the owner's body);
     * later ones are attached to it as suppressed unless they only report cancellation.
     */
    void fail(Throwable t) {
        if (FAILURE.compareAndSet(this, null, t)) {
            cancelAll();
            if (body != null) {
                body.interrupt();
            }
        } else if (!isCancellation(t)) {
            Failures.suppress(failure, t);
        }
    }

    private static boolean isCancellation(Throwable t) {
        return t instanceof CancellationException || t instanceof InterruptedException
                || t instanceof UncheckedInterruptedException;
    }

    /**
     * Called by the owner: waits until every child has ended, closes the scope and throws its
     * failure, if any. If the owner is interrupted meanwhile, the scope fails with an
     * {@link UncheckedInterruptedException}, the owner still waits for every child to end,
     * and returns with its interrupt status set.
     */
    void join() {
        boolean interrupted = false;
        while (true) {
            long c = ctl;
            if (c == 0) {
                if (CTL.compareAndSet(this, 0L, CLOSED)) {
                    break;
                }
                continue;
            }
            ownerParked = true;
            if (ctl != 0) {
                LockSupport.park(this);
            }
            ownerParked = false;
            if (Thread.interrupted() && !interrupted) {
                interrupted = true;
                fail(new UncheckedInterruptedException(
                        "interrupted while waiting for the tasks of a scope", null));
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        Throwable primary = failure;
        if (primary != null) {
            throw Failures.propagate(primary);
        }
    }

    /** Called once per child: by its thread when done with it, or by fork() if it never started. */
    void childEnded(ScopedTask<?> child) {
        children.ended(child);
        if (failFast && child.state() == Future.State.FAILED) {
            fail(child.exceptionNow());
        }
        release(1);
    }

    @Override
    public String toString() {
        long c = ctl;
        return "TaskScope[" + ((c & CLOSED) != 0 ? "closed" : (c + " running"))
                + (cancelled ? ", cancelled" : "") + "]";
    }

    /** The children a scope can cancel. */
    private sealed interface Children permits RunningChildren, ForkedChildren {
        /** Registers a child before its thread starts; must be visible to cancelEach(). */
        void register(ScopedTask<?> child);

        /** The child's thread is done with it. */
        void ended(ScopedTask<?> child);

        /** Cancels every registered child that may still run. */
        void cancelEach();
    }

    /** An open scope's children: the running ones, in a concurrent set. */
    private static final class RunningChildren implements Children {
        private final Set<ScopedTask<?>> running = ConcurrentHashMap.newKeySet();

        @Override
        public void register(ScopedTask<?> child) {
            running.add(child);
        }

        @Override
        public void ended(ScopedTask<?> child) {
            running.remove(child);
        }

        @Override
        public void cancelEach() {
            for (ScopedTask<?> child : running) {
                child.cancel(true);
            }
        }
    }

    /**
     * A fan-out's children, all forked by its owner: an array filled in order and published by
     * a volatile count.
     */
    private static final class ForkedChildren implements Children {
        private final ScopedTask<?>[] forked;
        private volatile int count;

        ForkedChildren(int capacity) {
            forked = new ScopedTask<?>[capacity];
        }

        @Override
        public void register(ScopedTask<?> child) {
            int n = count;
            forked[n] = child;
            count = n + 1;
        }

        @Override
        public void ended(ScopedTask<?> child) {
            // kept: cancelling a task that has ended does nothing
        }

        @Override
        public void cancelEach() {
            int n = count;
            for (int i = 0; i < n; i++) {
                forked[i].cancel(true);
            }
        }
    }
}
