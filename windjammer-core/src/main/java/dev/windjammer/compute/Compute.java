package dev.windjammer.compute;

import dev.windjammer.Pair;
import dev.windjammer.async.Task;

import java.util.Collection;
import java.util.List;
import java.util.function.BinaryOperator;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Data parallelism over collections: the seed's {@code std::compute}. Each method runs on a
 * default {@link ComputePool} shared by the whole JVM; see {@link ComputePool} for the
 * guarantees every operation gives (failures, interruption, threads, memory consistency).
 *
 * <pre>{@code
 * List<Thumbnail> thumbs = Compute.parallel(images, img -> img.resize(800, 600));
 * int sumOfSquares = Compute.mapReduce(data, x -> x * x, Integer::sum, 0);
 * Pair<Stats, Index> both = Compute.join(() -> stats(rows), () -> index(rows));
 * long primes = Compute.range(2, 10_000_000).filter(Primes::isPrime).count();
 * }</pre>
 *
 * <p><b>The default pool</b> is created on first use with as many workers as
 * {@link Runtime#availableProcessors()}, unless the system property
 * {@code windjammer.compute.threads} says otherwise; {@code windjammer.compute.backend} selects
 * {@code local} (default), {@code sequential} or a provided backend. Its workers are daemon
 * threads named {@code windjammer-compute-worker-<n>}; it is never closed. An invalid property
 * value makes every method throw {@link IllegalArgumentException} naming the property.
 *
 * <p>Use it for CPU-bound work on collections. For I/O use the async layer; for long-running
 * services use threads.
 */
public final class Compute {
    /*
     * Implementation notes
     *
     * The default pool is made lazily under a lock and kept in a volatile field; a bad
     * configuration is not cached, so every call reports it (a static initialiser that threw
     * would turn into NoClassDefFoundError on the second call).
     */

    private static final Object LOCK = new Object();
    private static volatile ComputePool defaultPool;

    private Compute() {
    }

    static ComputePool defaultPool() {
        ComputePool pool = defaultPool;
        if (pool == null) {
            synchronized (LOCK) {
                pool = defaultPool;
                if (pool == null) {
                    pool = ComputePool.fromSystemProperties();
                    defaultPool = pool;
                }
            }
        }
        return pool;
    }

    /**
     * Applies {@code fn} to every item in parallel; results in input order. See
     * {@link ComputePool#parallel}.
     *
     * @param items the inputs
     * @param fn    the function
     * @param <T>   item type
     * @param <R>   result type
     * @return an unmodifiable list of results in input order
     * @throws NullPointerException if {@code items} or {@code fn} is null
     * @throws dev.windjammer.UncheckedInterruptedException if the caller is interrupted
     */
    public static <T, R> List<R> parallel(Collection<? extends T> items, Function<? super T, ? extends R> fn) {
        return defaultPool().parallel(items, fn);
    }

    /**
     * Maps and reduces in parallel. See {@link ComputePool#mapReduce}.
     *
     * @param items    the inputs
     * @param map      the function applied to each item
     * @param reduce   an associative combining function
     * @param identity the identity of {@code reduce}
     * @param <T>      item type
     * @param <R>      result type
     * @return the reduction; {@code identity} for empty input
     * @throws NullPointerException if {@code items}, {@code map} or {@code reduce} is null
     * @throws dev.windjammer.UncheckedInterruptedException if the caller is interrupted
     */
    public static <T, R> R mapReduce(Collection<? extends T> items, Function<? super T, ? extends R> map,
                                     BinaryOperator<R> reduce, R identity) {
        return defaultPool().mapReduce(items, map, reduce, identity);
    }

    /**
     * Runs two computations, potentially in parallel; both always run. See
     * {@link ComputePool#join}.
     *
     * @param a   the first computation
     * @param b   the second computation
     * @param <A> type of the first result
     * @param <B> type of the second result
     * @return both results
     * @throws NullPointerException if {@code a} or {@code b} is null
     */
    public static <A, B> Pair<A, B> join(Supplier<? extends A> a, Supplier<? extends B> b) {
        return defaultPool().join(a, b);
    }

    /**
     * Returns the number of workers of the default pool.
     *
     * @return the default pool's parallelism
     */
    public static int numWorkers() {
        return defaultPool().numWorkers();
    }

    /**
     * Starts CPU work off the calling thread. See {@link ComputePool#background}.
     *
     * @param fn  the computation
     * @param <T> result type
     * @return a task to await or cancel
     * @throws NullPointerException if {@code fn} is null
     */
    public static <T> Task<T> background(Supplier<? extends T> fn) {
        return defaultPool().background(fn);
    }

    /**
     * Starts a fluent parallel sequence over a collection (rayon's {@code par_iter}).
     *
     * @param items the source
     * @param <T>   element type
     * @return the sequence
     * @throws NullPointerException if {@code items} is null
     */
    public static <T> ParallelSeq<T> over(Collection<? extends T> items) {
        return defaultPool().over(items);
    }

    /**
     * Starts a fluent parallel sequence over an {@code int[]}.
     *
     * @param values the source
     * @return the sequence
     * @throws NullPointerException if {@code values} is null
     */
    public static IntParallelSeq over(int[] values) {
        return defaultPool().over(values);
    }

    /**
     * Starts a fluent parallel sequence over a {@code long[]}.
     *
     * @param values the source
     * @return the sequence
     * @throws NullPointerException if {@code values} is null
     */
    public static LongParallelSeq over(long[] values) {
        return defaultPool().over(values);
    }

    /**
     * Starts a fluent parallel sequence over a {@code double[]}.
     *
     * @param values the source
     * @return the sequence
     * @throws NullPointerException if {@code values} is null
     */
    public static DoubleParallelSeq over(double[] values) {
        return defaultPool().over(values);
    }

    /**
     * Starts a fluent parallel sequence over the indices {@code [startInclusive, endExclusive)}.
     *
     * @param startInclusive the first index
     * @param endExclusive   one past the last index
     * @return the sequence
     */
    public static IntParallelSeq range(int startInclusive, int endExclusive) {
        return defaultPool().range(startInclusive, endExclusive);
    }

    /**
     * Starts a fluent parallel sequence over the indices {@code [startInclusive, endExclusive)}.
     *
     * @param startInclusive the first index
     * @param endExclusive   one past the last index
     * @return the sequence
     */
    public static LongParallelSeq range(long startInclusive, long endExclusive) {
        return defaultPool().range(startInclusive, endExclusive);
    }
}
