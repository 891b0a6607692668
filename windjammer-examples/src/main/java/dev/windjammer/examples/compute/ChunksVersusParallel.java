package dev.windjammer.examples.compute;

import dev.windjammer.compute.Compute;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The seed's best practice 1, "Start with compute for data processing":
 *
 * <pre>
 * // Good: Simple and automatic
 * let results = parallel(items, |x| process(x))
 *
 * // Avoid: Manual thread management
 * for chunk in items.chunks(100) {
 *     handles.push(thread::spawn(move || chunk.map(|x| process(x))))
 * }
 * </pre>
 *
 * Both give the same results; the manual version starts a thread per chunk, balances nothing
 * (a slow chunk holds everyone up), needs its own error handling and ordering, and leaks its
 * threads if a join is interrupted.
 */
public final class ChunksVersusParallel {

    private ChunksVersusParallel() {
    }

    /**
     * Good: one call; work-stealing balances the load, results keep their order, a failure
     * reaches the caller as the same exception.
     *
     * @param items   the inputs
     * @param process the work per item
     * @param <T>     item type
     * @param <R>     result type
     * @return the results in input order
     */
    public static <T, R> List<R> good(List<T> items, Function<T, R> process) {
        return Compute.parallel(items, process);
    }

    /**
     * Avoid: chunks of 100 items, a platform thread per chunk, joined in order.
     *
     * @param items   the inputs
     * @param process the work per item
     * @param <T>     item type
     * @param <R>     result type
     * @return the results in input order
     * @throws InterruptedException if interrupted while joining (the threads keep running)
     */
    public static <T, R> List<R> avoid(List<T> items, Function<T, R> process) throws InterruptedException {
        List<Thread> handles = new ArrayList<>();
        List<List<R>> parts = new ArrayList<>();
        for (int from = 0; from < items.size(); from += 100) {
            List<T> chunk = items.subList(from, Math.min(items.size(), from + 100));
            List<R> part = new ArrayList<>();
            parts.add(part);
            handles.add(Thread.ofPlatform().start(() -> {
                for (T x : chunk) {
                    part.add(process.apply(x));
                }
            }));
        }
        for (Thread handle : handles) {
            handle.join();
        }
        List<R> results = new ArrayList<>();
        parts.forEach(results::addAll);
        return results;
    }
}
