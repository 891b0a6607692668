package dev.windjammer.examples.thread;

import dev.windjammer.thread.JoinHandle;
import dev.windjammer.thread.Threads;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The "Avoid: manual thread management" half of the seed's best practice 1, as runnable Java,
 * so that the cost it warns about can be seen: one platform thread per chunk of 100 items.
 *
 * <pre>{@code
 * // Windjammer                                   // Java
 * let mut handles = vec![]                        List<JoinHandle<List<R>>> handles = new ArrayList<>();
 * for chunk in items.chunks(100) {                for (List<T> chunk : chunks(items, 100)) {
 *     handles.push(thread::spawn(move || {            handles.add(Threads.spawn(() ->
 *         chunk.map(|x| process(x))                           chunk.stream().map(process).toList()));
 *     }))                                         }
 * }
 * }</pre>
 *
 * It is correct, but it starts {@code items / 100} threads whatever the machine has, leaves the
 * chunk size to guesswork and makes every caller write the joining and the failure handling.
 * Prefer the compute layer's {@code Compute.parallel(items, process)}, which splits the work over
 * a pool sized to the machine; use explicit threads for distinct, long-running tasks (see
 * {@link ServerAndWorker}).
 */
public final class ManualChunking {

    /** The seed's chunk size. */
    static final int CHUNK = 100;

    private ManualChunking() {
    }

    /**
     * Maps {@code items} with {@code process}, one thread per chunk of 100, keeping the order.
     *
     * @param items   the items
     * @param process the function to apply
     * @param <T>     the item type
     * @param <R>     the result type
     * @return the results in the order of the items
     */
    public static <T, R> List<R> process(List<T> items, Function<T, R> process) {
        List<JoinHandle<List<R>>> handles = new ArrayList<>();
        for (int start = 0; start < items.size(); start += CHUNK) {
            List<T> chunk = items.subList(start, Math.min(start + CHUNK, items.size()));
            handles.add(Threads.spawn(() -> chunk.stream().map(process).toList()));
        }
        List<R> results = new ArrayList<>(items.size());
        for (JoinHandle<List<R>> handle : handles) {
            results.addAll(handle.join());
        }
        return results;
    }

    /**
     * Squares 1,000 numbers on ten threads and prints the sum.
     *
     * @param args not used
     */
    public static void main(String[] args) {
        List<Integer> items = new ArrayList<>();
        for (int i = 1; i <= 1000; i++) {
            items.add(i);
        }
        List<Long> squares = process(items, x -> (long) x * x);
        System.out.println("sum of squares: " + squares.stream().mapToLong(Long::longValue).sum());
    }
}
