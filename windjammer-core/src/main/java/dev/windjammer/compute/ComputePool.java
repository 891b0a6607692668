package dev.windjammer.compute;

import dev.windjammer.Pair;
import dev.windjammer.async.Task;
import dev.windjammer.compute.spi.BackendContext;
import dev.windjammer.compute.spi.BackendUnavailableException;
import dev.windjammer.compute.spi.ComputeBackend;
import dev.windjammer.compute.spi.ComputeBackendProvider;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.RandomAccess;
import java.util.ServiceLoader;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BinaryOperator;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A pool of worker threads for data-parallel work, with the operations of {@link Compute} as
 * instance methods. {@link Compute}'s static methods use a default pool; build your own to
 * isolate workloads or to size them:
 *
 * <pre>{@code
 * try (ComputePool pool = ComputePool.builder().threads(4).name("img").build()) {
 *     List<Image> out = pool.parallel(images, Filters::sepia);
 * }
 * }</pre>
 *
 * <p><b>Engine.</b> Each pool owns a {@link java.util.concurrent.ForkJoinPool} (never the common
 * pool) and splits work adaptively (rayon's thief-splitting): a few large chunks while nobody
 * is idle, finer chunks where workers steal. Work smaller than one hand-off to the pool (about
 * 20 µs) runs on the calling platform thread.
 *
 * <p><b>Threads.</b> Workers are daemon threads named {@code <name>-worker-<n>}. A virtual thread
 * that calls this pool never runs the work itself: it parks, which frees its carrier, until
 * the workers are done. A worker of this pool that calls it again (nested parallelism) forks
 * and joins in place and cannot deadlock; a worker of another pool blocks in a way that lets
 * that pool add a spare worker.
 *
 * <p><b>Failures</b> of user code: an unchecked exception reaches the caller as the same
 * instance, with failures of other items that were already running added as suppressed; a
 * checked exception is wrapped once in {@link dev.windjammer.TaskFailedException}. After a
 * failure no further chunk starts: workers run items in chunks of about 10 µs of work (one item
 * when an item takes longer) and check between chunks. <b>Interrupting</b> the caller stops the
 * call the same way and throws {@link dev.windjammer.UncheckedInterruptedException} with the
 * interrupt status set, once the chunks that were running have finished.
 *
 * <p><b>Memory consistency:</b> actions of the caller before a call happen-before the work of
 * that call; the work happens-before the call returns or throws.
 *
 * <p><b>Backends.</b> {@code builder().backend("sequential")} runs everything on the caller;
 * a name provided through {@link dev.windjammer.compute.spi.ComputeBackendProvider} (e.g. a
 * remote compute server) takes the map step of {@code parallel} and {@code mapReduce} for the
 * functions it can run, falling back per batch to the local pool.
 *
 * <p>{@link #close()} stops the workers; afterwards every operation throws
 * {@link IllegalStateException}.
 */
public final class ComputePool implements AutoCloseable {
    /*
     * Implementation notes
     *
     * Overview. A facade: argument checks and the mapping of each public operation onto a
     * Job (MapJob, MapReduceJob, the pipelines of ParallelSeq) run by the Engine the backend
     * name selected: ForkJoinEngine for "local" and for provided backends, CallerEngine for
     * "sequential". The local fast path is one `offload.isEmpty()` test away from the
     * engine; only pools with a provided backend build a Batch (docs/adr/0012).
     *
     * Sources. Random-access lists are read in place with get(i); other collections are
     * copied once with toArray() (a LinkedList cannot be split without it).
     */

    private static final System.Logger LOG = System.getLogger(ComputePool.class.getName());
    private static final AtomicInteger POOL_NUMBER = new AtomicInteger();

    private final String name;
    private final String backendName;
    private final Engine engine;
    private final List<ComputeBackend> offload;

    private ComputePool(String name, String backendName, Engine engine, List<ComputeBackend> offload) {
        this.name = name;
        this.backendName = backendName;
        this.engine = engine;
        this.offload = offload;
    }

    /**
     * Returns a builder for a new pool: as many threads as available processors, a generated
     * name, the {@code local} backend.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The pool {@link Compute} uses, configured by system properties: {@code
     * windjammer.compute.threads} (a positive integer, default the number of available
     * processors) and {@code windjammer.compute.backend} (default {@code local}).
     */
    static ComputePool fromSystemProperties() {
        Builder builder = builder().name("windjammer-compute");
        String threads = System.getProperty("windjammer.compute.threads");
        if (threads != null) {
            int n;
            try {
                n = Integer.parseInt(threads.trim());
            } catch (NumberFormatException e) {
                n = 0;
            }
            if (n < 1) {
                throw new IllegalArgumentException(
                        "system property windjammer.compute.threads must be a positive integer, got '" + threads + "'");
            }
            builder.threads(n);
        }
        String backend = System.getProperty("windjammer.compute.backend");
        if (backend != null) {
            try {
                builder.backend(backend.trim());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("system property windjammer.compute.backend: " + e.getMessage(), e);
            }
        }
        return builder.build();
    }

    /**
     * Applies {@code fn} to every item in parallel and returns the results in the order of
     * the items (the collection's iteration order).
     *
     * @param items the inputs; a random-access list is read in place, other collections are
     *              copied once; must not be modified during the call
     * @param fn    the function, called once per item from any worker thread (never from a
     *              virtual thread); may return {@code null}
     * @param <T>   item type
     * @param <R>   result type
     * @return an unmodifiable list of the results, in input order; empty for empty input
     * @throws NullPointerException if {@code items} or {@code fn} is null
     * @throws IllegalStateException if the pool is closed
     * @throws dev.windjammer.UncheckedInterruptedException if the caller is interrupted
     */
    public <T, R> List<R> parallel(Collection<? extends T> items, Function<? super T, ? extends R> fn) {
        Objects.requireNonNull(items, "items");
        Objects.requireNonNull(fn, "fn");
        ensureOpen();
        List<? extends T> list = indexable(items);
        if (list.isEmpty()) {
            return List.of();
        }
        if (offload.isEmpty()) {
            MapJob<T, R> job = new MapJob<>(list, fn);
            job.useCostHint(CostHint.of(fn));
            engine.run(job);
            return new ResultList<>(job.out);
        }
        return new ResultList<>(mapThroughBackends(list, fn));
    }

    /**
     * Maps every item and reduces the results: {@code reduce(reduce(identity, map(x0)), map(x1))...}
     * computed in parallel (the seed's {@code map_reduce(data, |x| x*x, |a,b| a+b, 0)}).
     *
     * @param items    the inputs, read as by {@link #parallel}
     * @param map      the function applied to each item
     * @param reduce   an <em>associative</em> function combining two results; it need not be
     *                 commutative: results are combined in input order
     * @param identity the identity of {@code reduce}; each chunk starts from it
     * @param <T>      item type
     * @param <R>      result type
     * @return the reduction; {@code identity} for empty input
     * @throws NullPointerException if {@code items}, {@code map} or {@code reduce} is null
     * @throws IllegalStateException if the pool is closed
     * @throws dev.windjammer.UncheckedInterruptedException if the caller is interrupted
     */
    public <T, R> R mapReduce(Collection<? extends T> items, Function<? super T, ? extends R> map,
                              BinaryOperator<R> reduce, R identity) {
        Objects.requireNonNull(items, "items");
        Objects.requireNonNull(map, "map");
        Objects.requireNonNull(reduce, "reduce");
        ensureOpen();
        List<? extends T> list = indexable(items);
        if (list.isEmpty()) {
            return identity;
        }
        if (offload.isEmpty() || offload.stream().noneMatch(b -> b.canRun(map))) {
            MapReduceJob<T, R> job = new MapReduceJob<>(list, map, reduce, identity);
            job.useCostHint(CostHint.of(map));
            return job.result(engine.run(job));
        }
        @SuppressWarnings("unchecked")
        List<R> mapped = (List<R>) new ResultList<>(mapThroughBackends(list, map));
        MapReduceJob<R, R> job = new MapReduceJob<>(mapped, Function.identity(), reduce, identity);
        return job.result(engine.run(job));
    }

    /**
     * Runs {@code a} and {@code b}, potentially in parallel, and returns both results. Both
     * always run (rayon's {@code join}), even when one fails; only an interrupt of the caller
     * before {@code b} started keeps {@code b} from running.
     *
     * <p>A platform caller runs {@code a} itself and {@code b} too if no worker has taken it by
     * then; a virtual-thread caller hands both to the workers and parks.
     *
     * @param a   the first computation
     * @param b   the second computation
     * @param <A> type of the first result
     * @param <B> type of the second result
     * @return the pair of results, {@code a}'s first
     * @throws NullPointerException if {@code a} or {@code b} is null
     * @throws IllegalStateException if the pool is closed
     * @throws dev.windjammer.UncheckedInterruptedException if the caller was interrupted and a
     *         computation therefore did not run
     * @implNote if both fail, {@code a}'s failure is thrown with {@code b}'s suppressed
     */
    public <A, B> Pair<A, B> join(Supplier<? extends A> a, Supplier<? extends B> b) {
        Objects.requireNonNull(a, "a");
        Objects.requireNonNull(b, "b");
        return engine.join(a, b);
    }

    /**
     * Returns the number of workers, i.e. how many items run at the same time at most.
     *
     * @return the pool's parallelism; 1 for the sequential backend
     */
    public int numWorkers() {
        return engine.workers();
    }

    /**
     * Starts {@code fn} on a worker and returns at once. Use it to move CPU-heavy work off a
     * thread that must stay responsive, e.g. an async task awaiting it with
     * {@link Task#await()}, which parks without holding a carrier thread.
     *
     * <p>{@link Task#cancel()} before the task started means it never runs; while it runs, the
     * worker is interrupted, and a {@code parallel} (or other call on any pool) it makes stops
     * starting items and throws {@link dev.windjammer.UncheckedInterruptedException}. The
     * interrupt never leaks into later work of that worker.
     *
     * <p>Background work occupies a worker while it runs; it should compute, not block on I/O
     * or on other background tasks of the same pool.
     *
     * @param fn  the computation
     * @param <T> result type
     * @return the task; its failure is reported by {@link Task#await()} as described there
     * @throws NullPointerException if {@code fn} is null
     * @throws IllegalStateException if the pool is closed
     * @implNote with the sequential backend {@code fn} runs on the caller before this returns
     */
    public <T> Task<T> background(Supplier<? extends T> fn) {
        Objects.requireNonNull(fn, "fn");
        return engine.background(fn);
    }

    /**
     * Starts a fluent parallel sequence over {@code items} on this pool.
     *
     * @param items the source, read when a terminal operation runs
     * @param <T>   element type
     * @return the sequence
     * @throws NullPointerException if {@code items} is null
     */
    public <T> ParallelSeq<T> over(Collection<? extends T> items) {
        Objects.requireNonNull(items, "items");
        return ParallelSeq.over(this, items);
    }

    /**
     * Starts a fluent parallel sequence over the elements of {@code items} on this pool.
     *
     * @param items the source array, read when a terminal operation runs
     * @param <T>   element type
     * @return the sequence
     * @throws NullPointerException if {@code items} is null
     */
    @SafeVarargs
    public final <T> ParallelSeq<T> over(T... items) {
        Objects.requireNonNull(items, "items");
        return ParallelSeq.over(this, Arrays.asList(items));
    }

    /**
     * Starts a fluent parallel sequence over an {@code int[]}; no element is ever boxed.
     *
     * @param values the source array, read when a terminal operation runs
     * @return the sequence
     * @throws NullPointerException if {@code values} is null
     */
    public IntParallelSeq over(int[] values) {
        Objects.requireNonNull(values, "values");
        return IntParallelSeq.over(this, values);
    }

    /**
     * Starts a fluent parallel sequence over a {@code long[]}; no element is ever boxed.
     *
     * @param values the source array, read when a terminal operation runs
     * @return the sequence
     * @throws NullPointerException if {@code values} is null
     */
    public LongParallelSeq over(long[] values) {
        Objects.requireNonNull(values, "values");
        return LongParallelSeq.over(this, values);
    }

    /**
     * Starts a fluent parallel sequence over a {@code double[]}; no element is ever boxed.
     *
     * @param values the source array, read when a terminal operation runs
     * @return the sequence
     * @throws NullPointerException if {@code values} is null
     */
    public DoubleParallelSeq over(double[] values) {
        Objects.requireNonNull(values, "values");
        return DoubleParallelSeq.over(this, values);
    }

    /**
     * Starts a fluent parallel sequence over the indices {@code [startInclusive, endExclusive)}.
     *
     * @param startInclusive the first index
     * @param endExclusive   one past the last index; an empty range if not greater than the start
     * @return the sequence
     */
    public IntParallelSeq range(int startInclusive, int endExclusive) {
        return new IntParallelSeq(Pipeline.of(this, new IntRangeSource(startInclusive, endExclusive)));
    }

    /**
     * Starts a fluent parallel sequence over the indices {@code [startInclusive, endExclusive)},
     * which may hold more than {@code Integer.MAX_VALUE} indices.
     *
     * @param startInclusive the first index
     * @param endExclusive   one past the last index; an empty range if not greater than the start
     * @return the sequence
     */
    public LongParallelSeq range(long startInclusive, long endExclusive) {
        return new LongParallelSeq(Pipeline.of(this, new LongRangeSource(startInclusive, endExclusive)));
    }

    /**
     * Returns the pool's name, the prefix of its worker threads' names.
     *
     * @return the name
     */
    public String name() {
        return name;
    }

    /**
     * Returns the name of the backend the pool was built with: {@code local},
     * {@code sequential} or a provided one.
     *
     * @return the backend name
     */
    public String backend() {
        return backendName;
    }

    /**
     * Returns whether {@link #close()} has been called.
     *
     * @return {@code true} once closed
     */
    public boolean isClosed() {
        return engine.isClosed();
    }

    /**
     * Stops the pool: no new work is accepted, work already started runs to its end, then the
     * workers stop; returns once none of the pool's threads is alive. Idempotent.
     *
     * <p>If the calling thread is interrupted while waiting, the pool's work is cancelled (no
     * new items start; background tasks are cancelled, which interrupts them); close still
     * waits for the threads to end and returns with the interrupt status set.
     *
     * @throws IllegalStateException if called from one of this pool's own workers
     */
    @Override
    public void close() {
        engine.close();
        for (ComputeBackend backend : offload) {
            try {
                backend.close();
            } catch (Exception e) {
                LOG.log(System.Logger.Level.WARNING, "closing compute backend " + backend.name() + " failed", e);
            }
        }
    }

    @Override
    public String toString() {
        return "ComputePool[" + name + ", " + backendName + ", " + engine.workers() + " workers"
                + (isClosed() ? ", closed]" : "]");
    }

    Engine engine() {
        return engine;
    }

    void ensureOpen() {
        if (engine.isClosed()) {
            throw new IllegalStateException("compute pool '" + name + "' is closed");
        }
    }

    @SuppressWarnings("unchecked")
    static <T> List<? extends T> indexable(Collection<? extends T> items) {
        if (items instanceof List<? extends T> list && items instanceof RandomAccess) {
            return list;
        }
        return (List<? extends T>) Arrays.asList(items.toArray());
    }

    private <T, R> Object[] mapThroughBackends(List<? extends T> items, Function<? super T, ? extends R> fn) {
        Batch<T, R> batch = new Batch<>(items, fn);
        for (ComputeBackend backend : offload) {
            if (!backend.canRun(fn)) {
                continue;
            }
            try {
                backend.map(batch);
            } catch (BackendUnavailableException e) {
                LOG.log(System.Logger.Level.WARNING, "compute backend {0} unavailable, its pending items run"
                        + " locally: {1}", backend.name(), e.getMessage());
                continue;
            }
            break;
        }
        int[] pending = batch.pending();
        if (pending.length > 0) {
            engine.run(batch.new LocalRest(pending));
        }
        return batch.results();
    }

    /**
     * Configures a {@link ComputePool}. Not thread-safe; {@link #build()} may be called more
     * than once, each time making an independent pool.
     */
    public static final class Builder {

        private int threads = Runtime.getRuntime().availableProcessors();
        private String name;
        private String backend = "local";
        private long inlineBudgetNanos = Job.INLINE_BUDGET_NANOS;
        private final Map<String, String> settings = new LinkedHashMap<>();

        private Builder() {
        }

        /**
         * Sets the number of worker threads (the parallelism).
         *
         * @param threads at least 1
         * @return this builder
         * @throws IllegalArgumentException if {@code threads} is less than 1
         */
        public Builder threads(int threads) {
            if (threads < 1) {
                throw new IllegalArgumentException("threads must be at least 1, got " + threads);
            }
            this.threads = threads;
            return this;
        }

        /**
         * Sets the pool's name; workers are named {@code <name>-worker-<n>}.
         *
         * @param name a non-blank name
         * @return this builder
         * @throws NullPointerException if {@code name} is null
         * @throws IllegalArgumentException if {@code name} is blank
         */
        public Builder name(String name) {
            Objects.requireNonNull(name, "name");
            if (name.isBlank()) {
                throw new IllegalArgumentException("name must not be blank");
            }
            this.name = name;
            return this;
        }

        /**
         * Selects the backend: {@code local} (default), {@code sequential} (everything on the
         * calling thread, no workers) or the name of a
         * {@link dev.windjammer.compute.spi.ComputeBackendProvider} on the class or module path.
         *
         * @param backend the backend name
         * @return this builder
         * @throws NullPointerException if {@code backend} is null
         * @throws IllegalArgumentException if no backend has that name
         */
        public Builder backend(String backend) {
            Objects.requireNonNull(backend, "backend");
            if (!backend.equals("local") && !backend.equals("sequential") && provider(backend).isEmpty()) {
                List<String> known = new ArrayList<>(List.of("local", "sequential"));
                for (ComputeBackendProvider p : ServiceLoader.load(ComputeBackendProvider.class)) {
                    known.add(p.name());
                }
                throw new IllegalArgumentException("unknown compute backend '" + backend + "'; known: "
                        + String.join(", ", known));
            }
            this.backend = backend;
            return this;
        }

        /**
         * Sets a setting for a provided backend, overriding the system property
         * {@code windjammer.compute.<key>}.
         *
         * @param key   e.g. {@code "remote.url"}
         * @param value the value
         * @return this builder
         * @throws NullPointerException if {@code key} or {@code value} is null
         */
        public Builder setting(String key, String value) {
            settings.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
            return this;
        }

        /** Overrides the inline budget (tests pin it to make inline runs deterministic). */
        Builder inlineBudgetNanos(long nanos) {
            this.inlineBudgetNanos = nanos;
            return this;
        }

        /**
         * Builds and starts the pool. Worker threads start lazily, when work first arrives.
         *
         * @return the new pool
         * @throws IllegalArgumentException if the backend rejects its settings
         */
        public ComputePool build() {
            String poolName = name != null ? name : "windjammer-compute-pool-" + POOL_NUMBER.incrementAndGet();
            if (backend.equals("sequential")) {
                return new ComputePool(poolName, backend, new CallerEngine(poolName), List.of());
            }
            ForkJoinEngine engine = new ForkJoinEngine(poolName, threads, inlineBudgetNanos);
            if (backend.equals("local")) {
                return new ComputePool(poolName, backend, engine, List.of());
            }
            Map<String, String> given = Map.copyOf(settings);
            int workers = threads;
            BackendContext context = new BackendContext() {
                @Override
                public String poolName() {
                    return poolName;
                }

                @Override
                public int localWorkers() {
                    return workers;
                }

                @Override
                public Optional<String> setting(String key) {
                    String value = given.get(key);
                    return Optional.ofNullable(value != null ? value : System.getProperty("windjammer.compute." + key));
                }
            };
            ComputeBackend opened;
            try {
                opened = provider(backend).orElseThrow().open(context);
            } catch (RuntimeException e) {
                engine.close();
                throw e;
            }
            return new ComputePool(poolName, backend, engine, List.of(opened));
        }

        private static Optional<ComputeBackendProvider> provider(String name) {
            for (ComputeBackendProvider p : ServiceLoader.load(ComputeBackendProvider.class)) {
                if (p.name().equals(name)) {
                    return Optional.of(p);
                }
            }
            return Optional.empty();
        }
    }
}
