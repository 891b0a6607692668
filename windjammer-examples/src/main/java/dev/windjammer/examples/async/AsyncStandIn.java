package dev.windjammer.examples.async;

import dev.windjammer.Pair;
import dev.windjammer.TaskFailedException;
import dev.windjammer.UncheckedInterruptedException;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The two calls of {@code dev.windjammer.async.Async} these examples need — {@code join} and
 * {@code joinAll}, fail-fast — on plain virtual threads, because the async layer was not yet on
 * {@code main} when the examples were written. Same contract: every body on its own virtual
 * thread, results in order, the first failure cancels (interrupts) the others and is thrown
 * (unchecked as is, checked wrapped once in {@link TaskFailedException}). To be replaced by
 * {@code Async.join} / {@code Async.joinAll} and deleted.
 */
final class AsyncStandIn {

    private AsyncStandIn() {
    }

    static <A, B> Pair<A, B> join(Callable<A> first, Callable<B> second) {
        List<Object> both = joinAll(List.<Callable<?>>of(first, second));
        @SuppressWarnings("unchecked")
        Pair<A, B> pair = Pair.of((A) both.get(0), (B) both.get(1));
        return pair;
    }

    static <T> List<T> joinAll(List<? extends Callable<? extends T>> bodies) {
        try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
            CompletionService<T> completed = new ExecutorCompletionService<>(executor);
            List<Future<T>> futures = new ArrayList<>(bodies.size());
            for (Callable<? extends T> body : bodies) {
                futures.add(completed.submit(body::call));
            }
            try {
                for (int i = 0; i < futures.size(); i++) {
                    Future<T> done = completed.take();
                    if (done.state() == Future.State.FAILED) {
                        futures.forEach(future -> future.cancel(true));
                        throw propagate(done.exceptionNow());
                    }
                }
            } catch (InterruptedException e) {
                futures.forEach(future -> future.cancel(true));
                throw UncheckedInterruptedException.interrupted("joined tasks", e);
            }
            List<T> results = new ArrayList<>(futures.size());
            for (Future<T> future : futures) {
                results.add(future.resultNow());
            }
            return results;
        }
    }

    private static RuntimeException propagate(Throwable failure) {
        if (failure instanceof RuntimeException runtime) {
            return runtime;
        }
        if (failure instanceof Error error) {
            throw error;
        }
        return new TaskFailedException(failure);
    }
}
