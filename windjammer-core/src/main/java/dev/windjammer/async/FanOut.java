package dev.windjammer.async;

import dev.windjammer.Pair;
import dev.windjammer.internal.Failures;
import dev.windjammer.internal.RunnableTask;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The fan-outs of the async layer ({@code join}, {@code joinAll} and its variants,
 * {@code race}), each a {@link StructuredScope} whose owner runs no user code.
 */
final class FanOut {
    /*
     * Implementation notes
     *
     * Overview. tokio's join!/join_all/select! and Kotlin's awaitAll/select over a scope. Every
     * body runs on its own virtual thread, the caller only waits (StructuredScope.join), so the
     * caller's thread never has to be interrupted to cancel a body and none of its state is
     * touched. Results are read from the tasks after join(), which orders them (see
     * StructuredScope, "Memory ordering").
     *
     * Fail-fast (join, joinAll) is the scope's: the first failure cancels the rest and is
     * thrown once all have ended. Settled (joinAllSettled) and race use a settling scope, in
     * which a failure stays with its task.
     *
     * Race. Each task gets a completion callback once all are forked (a task already done runs
     * it at once, on the caller); the first success observed wins a CAS on `winner` and cancels
     * the scope, so the losers are interrupted and those whose thread has not yet run the body
     * never run it.
     * A failure does not end the race (Promise.any, not Promise.race): it is thrown only when
     * every body failed, the first in iteration order, the others attached as suppressed.
     *
     * Concurrency limit. Not a semaphore in front of one thread per body, but `limit` worker
     * tasks that claim bodies by index from an AtomicInteger: limit threads instead of n, no
     * permit traffic, and the order of results is the order of indices. A worker checks
     * isCancelled() before claiming the next body, so after a failure (fail-fast) or the
     * caller's interruption no new body starts. Bodies that share a worker share its thread
     * (thread-locals set by one are seen by the next); that is the price of the saving.
     */

    private FanOut() {
    }

    /** Copies the bodies, refusing a null collection or element before anything runs. */
    static <T> List<Callable<T>> snapshot(Collection<? extends Callable<T>> bodies) {
        Objects.requireNonNull(bodies, "bodies");
        List<Callable<T>> copy = new ArrayList<>(bodies.size());
        for (Callable<T> body : bodies) {
            if (body == null) {
                throw new NullPointerException("bodies[" + copy.size() + "] is null");
            }
            copy.add(body);
        }
        return copy;
    }

    static int checkLimit(int maxConcurrency) {
        if (maxConcurrency < 1) {
            throw new IllegalArgumentException("maxConcurrency must be at least 1, was " + maxConcurrency);
        }
        return maxConcurrency;
    }

    static <A, B> Pair<A, B> join(Callable<A> first, Callable<B> second) {
        Objects.requireNonNull(first, "first");
        Objects.requireNonNull(second, "second");
        StructuredScope scope = StructuredScope.failFast(2);
        RunnableTask<A> a = null;
        RunnableTask<B> b = null;
        try {
            a = scope.fork(first, null);
            b = scope.fork(second, null);
        } catch (Throwable notStarted) {
            scope.fail(notStarted);
        }
        scope.join();
        return Pair.of(a.resultNow(), b.resultNow());
    }

    static <T> List<T> all(List<Callable<T>> bodies) {
        if (bodies.isEmpty()) {
            return List.of();
        }
        StructuredScope scope = StructuredScope.failFast(bodies.size());
        List<RunnableTask<T>> tasks = scope.forkEach(bodies);
        scope.join();
        List<T> values = new ArrayList<>(tasks.size());
        for (RunnableTask<T> task : tasks) {
            values.add(task.resultNow());
        }
        return Collections.unmodifiableList(values);
    }

    static <T> List<T> all(List<Callable<T>> bodies, int maxConcurrency) {
        if (maxConcurrency >= bodies.size()) {
            return all(bodies);
        }
        StructuredScope scope = StructuredScope.failFast(maxConcurrency);
        Object[] values = new Object[bodies.size()];
        runWorkers(scope, maxConcurrency, bodies.size(), i -> values[i] = bodies.get(i).call());
        return unmodifiable(values);
    }

    static <T> List<Outcome<T>> settled(List<Callable<T>> bodies) {
        if (bodies.isEmpty()) {
            return List.of();
        }
        StructuredScope scope = StructuredScope.settling(bodies.size());
        List<RunnableTask<T>> tasks = scope.forkEach(bodies);
        scope.join();
        List<Outcome<T>> outcomes = new ArrayList<>(tasks.size());
        for (RunnableTask<T> task : tasks) {
            outcomes.add(task.outcomeNow());
        }
        return Collections.unmodifiableList(outcomes);
    }

    static <T> List<Outcome<T>> settled(List<Callable<T>> bodies, int maxConcurrency) {
        if (maxConcurrency >= bodies.size()) {
            return settled(bodies);
        }
        StructuredScope scope = StructuredScope.settling(maxConcurrency);
        Object[] outcomes = new Object[bodies.size()];
        runWorkers(scope, maxConcurrency, bodies.size(), i -> outcomes[i] = settle(bodies.get(i)));
        return unmodifiable(outcomes);
    }

    static <T> T race(List<Callable<T>> bodies) {
        if (bodies.isEmpty()) {
            throw new IllegalArgumentException("a race needs at least one body");
        }
        StructuredScope scope = StructuredScope.settling(bodies.size());
        AtomicReference<RunnableTask<T>> winner = new AtomicReference<>();
        List<RunnableTask<T>> tasks = scope.forkEach(bodies);
        for (RunnableTask<T> task : tasks) {
            task.whenDone(() -> {
                if (task.state() == Future.State.SUCCESS && winner.compareAndSet(null, task)) {
                    scope.cancelAll();
                }
            });
        }
        scope.join();
        RunnableTask<T> first = winner.get();
        if (first != null) {
            return first.resultNow();
        }
        Throwable primary = null;
        for (RunnableTask<T> task : tasks) {
            Throwable failure = task.exceptionNow();
            if (primary == null) {
                primary = failure;
            } else {
                Failures.suppress(primary, failure);
            }
        }
        throw Failures.propagate(primary);
    }

    private static <T> Outcome<T> settle(Callable<T> body) {
        try {
            return new Outcome.Success<>(body.call());
        } catch (Throwable t) {
            return new Outcome.Failure<>(t);
        }
    }

    /** Body {@code i} of a bounded fan-out; stores its own result. */
    @FunctionalInterface
    private interface Step {
        void run(int index) throws Exception;
    }

    private static void runWorkers(StructuredScope scope, int workers, int count, Step step) {
        AtomicInteger next = new AtomicInteger();
        Callable<Void> worker = () -> {
            int i;
            while (!scope.isCancelled() && (i = next.getAndIncrement()) < count) {
                step.run(i);
            }
            return null;
        };
        scope.forkEach(Collections.nCopies(workers, worker));
        scope.join();
    }

    @SuppressWarnings("unchecked")
    private static <E> List<E> unmodifiable(Object[] values) {
        return Collections.unmodifiableList(Arrays.asList((E[]) values));
    }
}
