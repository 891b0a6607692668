package dev.windjammer.compute;

import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.RandomAccess;
import java.util.function.BiFunction;
import java.util.function.BinaryOperator;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;
import java.util.function.ToIntFunction;
import java.util.function.ToLongFunction;
import java.util.stream.Collector;
import java.util.stream.Collectors;

/**
 * A parallel sequence of references: the fluent API of the compute layer, modelled on rayon's
 * {@code ParallelIterator}. Made by {@link Compute#over(Collection)} or
 * {@link ComputePool#over(Collection)}:
 *
 * <pre>{@code
 * Map<String, Long> wordCounts = Compute.over(lines)
 *         .flatMap(line -> List.of(line.split(" ")))
 *         .filter(word -> !word.isBlank())
 *         .collect(Collectors.groupingBy(w -> w, Collectors.counting()));
 * }</pre>
 *
 * <p><b>A description, not a stream.</b> A {@code ParallelSeq} is immutable: intermediate
 * operations ({@link #map}, {@link #filter}, {@link #flatMap}, {@link #sorted}, {@link #chunks}
 * ...) return a new sequence and run nothing; each terminal operation ({@link #toList},
 * {@link #reduce}, {@link #forEach} ...) runs the whole pipeline on the pool, in one pass over
 * the source, and the same sequence may be run again. The source is read when a terminal
 * operation runs; it must not be modified meanwhile.
 *
 * <p><b>Order.</b> Results that have an order ({@link #toList}, {@link #findFirst},
 * {@link #reduce}, {@link #fold}, {@link #collect}) follow the encounter order of the source,
 * whatever thread computed them: reduction functions must be associative, not commutative.
 * {@link #forEach} runs in no particular order.
 *
 * <p><b>Guarantees</b> are those of {@link ComputePool}: the same exception instance on failure,
 * no new chunk (about 10 µs of work) started after a failure or an interrupt, no user code on virtual threads
 * (except with the sequential backend), happens-before from the work to the return of the
 * terminal operation. Functions are called from worker threads, concurrently.
 *
 * @param <T> element type
 */
public final class ParallelSeq<T> {
    /*
     * Implementation notes
     *
     * Overview. A Pipeline (source + composed stages + chunk bounds) plus the element type.
     * A terminal operation builds a Terminal, and Pipeline.run executes it as one Job: each
     * leaf wraps the stages around the Terminal's sink and pushes its range of source
     * positions through them (the java.util.stream Sink design; rayon's Consumer/Folder).
     *
     * Sized pipelines (only one-to-one stages) write toList output in place at the source
     * position, like Compute.parallel; filter and flatMap make leaves fill their own arrays,
     * concatenated once at the end (Segments). sorted() and chunks() are barriers: their
     * source materialises the upstream pipeline when a terminal operation opens it.
     */

    private final Pipeline pipeline;

    ParallelSeq(Pipeline pipeline) {
        this.pipeline = pipeline;
    }

    static <T> ParallelSeq<T> over(ComputePool pool, Collection<? extends T> items) {
        Source source = items instanceof List<?> list && items instanceof RandomAccess
                ? new ListSource(list) : new CollectionSource(items);
        return new ParallelSeq<>(Pipeline.of(pool, source));
    }

    // ---------------------------------------------------------------- intermediate operations

    /**
     * Returns a sequence of {@code fn} applied to each element.
     *
     * @param fn  the function, may return {@code null}
     * @param <R> result type
     * @return the new sequence
     * @throws NullPointerException if {@code fn} is null
     */
    public <R> ParallelSeq<R> map(Function<? super T, ? extends R> fn) {
        Objects.requireNonNull(fn, "fn");
        return new ParallelSeq<>(pipeline.then(down -> new Sink() {
            @Override
            @SuppressWarnings("unchecked")
            public void accept(Object value) {
                down.accept(fn.apply((T) value));
            }
        }, true));
    }

    /**
     * Returns a sequence of the elements that match {@code predicate}, in order.
     *
     * @param predicate the test
     * @return the new sequence
     * @throws NullPointerException if {@code predicate} is null
     */
    public ParallelSeq<T> filter(Predicate<? super T> predicate) {
        Objects.requireNonNull(predicate, "predicate");
        return new ParallelSeq<>(pipeline.then(down -> new Sink() {
            @Override
            @SuppressWarnings("unchecked")
            public void accept(Object value) {
                if (predicate.test((T) value)) {
                    down.accept(value);
                }
            }
        }, false));
    }

    /**
     * Returns a sequence of the elements of the iterables {@code fn} returns, in order. Each
     * iterable is traversed sequentially by the worker that made it.
     *
     * @param fn  the function; a {@code null} result counts as empty
     * @param <R> result type
     * @return the new sequence
     * @throws NullPointerException if {@code fn} is null
     */
    public <R> ParallelSeq<R> flatMap(Function<? super T, ? extends Iterable<? extends R>> fn) {
        Objects.requireNonNull(fn, "fn");
        return new ParallelSeq<>(pipeline.then(down -> new Sink() {
            @Override
            @SuppressWarnings("unchecked")
            public void accept(Object value) {
                Iterable<? extends R> many = fn.apply((T) value);
                if (many != null) {
                    for (R each : many) {
                        down.accept(each);
                    }
                }
            }
        }, false));
    }

    /**
     * Returns an {@code int} sequence of {@code fn} applied to each element.
     *
     * @param fn the function
     * @return the new sequence
     * @throws NullPointerException if {@code fn} is null
     */
    public IntParallelSeq mapToInt(ToIntFunction<? super T> fn) {
        Objects.requireNonNull(fn, "fn");
        return new IntParallelSeq(pipeline.then(down -> new Sink() {
            @Override
            @SuppressWarnings("unchecked")
            public void accept(Object value) {
                down.acceptInt(fn.applyAsInt((T) value));
            }
        }, true));
    }

    /**
     * Returns a {@code long} sequence of {@code fn} applied to each element.
     *
     * @param fn the function
     * @return the new sequence
     * @throws NullPointerException if {@code fn} is null
     */
    public LongParallelSeq mapToLong(ToLongFunction<? super T> fn) {
        Objects.requireNonNull(fn, "fn");
        return new LongParallelSeq(pipeline.then(down -> new Sink() {
            @Override
            @SuppressWarnings("unchecked")
            public void accept(Object value) {
                down.acceptLong(fn.applyAsLong((T) value));
            }
        }, true));
    }

    /**
     * Returns a {@code double} sequence of {@code fn} applied to each element.
     *
     * @param fn the function
     * @return the new sequence
     * @throws NullPointerException if {@code fn} is null
     */
    public DoubleParallelSeq mapToDouble(ToDoubleFunction<? super T> fn) {
        Objects.requireNonNull(fn, "fn");
        return new DoubleParallelSeq(pipeline.then(down -> new Sink() {
            @Override
            @SuppressWarnings("unchecked")
            public void accept(Object value) {
                down.acceptDouble(fn.applyAsDouble((T) value));
            }
        }, true));
    }

    /**
     * Returns a sequence of the elements sorted by their natural order; stable. A barrier:
     * when a terminal operation runs, the upstream pipeline is computed into an array, which
     * is then sorted in parallel on the pool (merge sort of runs).
     *
     * @return the new sequence
     * @implNote elements that are not {@link Comparable} make the terminal operation throw
     *           {@link ClassCastException}
     */
    @SuppressWarnings("unchecked")
    public ParallelSeq<T> sorted() {
        return sorted((Comparator<? super T>) Comparator.naturalOrder());
    }

    /**
     * Returns a sequence of the elements sorted by {@code comparator}; stable (equal elements
     * keep their order). A barrier, as {@link #sorted()}.
     *
     * @param comparator the order
     * @return the new sequence
     * @throws NullPointerException if {@code comparator} is null
     */
    public ParallelSeq<T> sorted(Comparator<? super T> comparator) {
        Objects.requireNonNull(comparator, "comparator");
        Pipeline upstream = pipeline;
        return new ParallelSeq<>(pipeline.restart(new DeferredSource() {
            @Override
            Source open() {
                @SuppressWarnings("unchecked")
                T[] values = (T[]) toArray(upstream);
                Object sorted = new ObjectMergeSort<>(values, comparator).sort(upstream.pool().engine());
                return new ListSource(Arrays.asList((Object[]) sorted));
            }
        }));
    }

    /**
     * Returns a sequence of consecutive groups of {@code size} elements (the last may be
     * shorter), each an unmodifiable list, in order: rayon's {@code chunks}. A barrier: the
     * upstream pipeline is computed when a terminal operation runs.
     *
     * @param size elements per group, at least 1
     * @return the new sequence
     * @throws IllegalArgumentException if {@code size} is less than 1
     */
    public ParallelSeq<List<T>> chunks(int size) {
        if (size < 1) {
            throw new IllegalArgumentException("chunk size must be at least 1, got " + size);
        }
        Pipeline upstream = pipeline;
        return new ParallelSeq<>(pipeline.restart(new DeferredSource() {
            @Override
            Source open() {
                List<?> all = new ResultList<>(toArray(upstream));
                int groups = (all.size() + size - 1) / size;
                Object[] chunks = new Object[groups];
                for (int g = 0; g < groups; g++) {
                    chunks[g] = all.subList(g * size, Math.min(all.size(), (g + 1) * size));
                }
                return new ListSource(new ResultList<>(chunks));
            }
        }));
    }

    /**
     * Returns this sequence with leaves of at least {@code min} source elements (rayon's
     * {@code with_min_len}): fewer, larger tasks for very cheap elements.
     *
     * @param min at least 1
     * @return the new sequence
     * @throws IllegalArgumentException if {@code min} is less than 1
     */
    public ParallelSeq<T> minChunk(int min) {
        return new ParallelSeq<>(pipeline.withMinChunk(min));
    }

    /**
     * Returns this sequence with leaves of at most {@code max} source elements (rayon's
     * {@code with_max_len}); {@code maxChunk(1)} balances very uneven, expensive elements best.
     *
     * @param max at least 1
     * @return the new sequence
     * @throws IllegalArgumentException if {@code max} is less than 1
     */
    public ParallelSeq<T> maxChunk(int max) {
        return new ParallelSeq<>(pipeline.withMaxChunk(max));
    }

    // ---------------------------------------------------------------- terminal operations

    /**
     * Calls {@code action} for every element, concurrently and in no particular order.
     *
     * @param action the action
     * @throws NullPointerException if {@code action} is null
     */
    public void forEach(Consumer<? super T> action) {
        Objects.requireNonNull(action, "action");
        pipeline.run("ParallelSeq.forEach", new Terminal() {
            @Override
            Sink begin(RangeTask node, long lo) {
                return new Sink() {
                    @Override
                    @SuppressWarnings("unchecked")
                    public void accept(Object value) {
                        action.accept((T) value);
                    }
                };
            }
        });
    }

    /**
     * Returns the elements in encounter order as an unmodifiable list (may contain nulls).
     *
     * @return the list
     */
    public List<T> toList() {
        return new ResultList<>(toArray(pipeline));
    }

    /**
     * Reduces the elements with an associative function, starting every chunk from
     * {@code identity}: {@code op(...op(op(identity, e0), e1)..., en)} for a sequential run.
     *
     * @param identity the identity of {@code op}
     * @param op       an associative function
     * @return the reduction; {@code identity} if there are no elements
     * @throws NullPointerException if {@code op} is null
     */
    public T reduce(T identity, BinaryOperator<T> op) {
        Objects.requireNonNull(op, "op");
        return fold(() -> identity, op, op);
    }

    /**
     * Reduces the elements with an associative function.
     *
     * @param op an associative function
     * @return the reduction, or empty if there are no elements
     * @throws NullPointerException if {@code op} is null, or if the reduction is {@code null}
     */
    public Optional<T> reduce(BinaryOperator<T> op) {
        Objects.requireNonNull(op, "op");
        /* The running value lives in the sink, not the node, as in fold. */
        final class ReduceSink implements Sink {
            private boolean present;
            private T acc;

            ReduceSink(boolean present, T start) {
                this.present = present;
                this.acc = start;
            }

            @Override
            @SuppressWarnings("unchecked")
            public void accept(Object value) {
                acc = present ? op.apply(acc, (T) value) : (T) value;
                present = true;
            }
        }
        RangeTask result = pipeline.run("ParallelSeq.reduce", new Terminal() {
            @Override
            @SuppressWarnings("unchecked")
            Sink begin(RangeTask node, long lo) {
                return new ReduceSink(node.present, (T) node.value);
            }

            @Override
            @SuppressWarnings("unchecked")
            void end(Sink sink, RangeTask node) {
                ReduceSink reduced = (ReduceSink) sink;
                node.value = reduced.acc;
                node.present = reduced.present;
            }

            @Override
            @SuppressWarnings("unchecked")
            void combine(RangeTask parent, RangeTask left, RangeTask right) {
                if (left.present && right.present) {
                    parent.value = op.apply((T) left.value, (T) right.value);
                } else {
                    parent.value = left.present ? left.value : right.value;
                }
                parent.present = left.present || right.present;
            }
        });
        @SuppressWarnings("unchecked")
        T value = (T) result.value;
        return result.present ? Optional.of(value) : Optional.empty();
    }

    /**
     * Folds the elements into accumulators, one per chunk, and combines the accumulators in
     * order: the parallel form of a left fold (rayon's {@code fold} followed by {@code reduce};
     * the three-argument {@code Stream.reduce}). Accumulators may be mutable containers that
     * {@code folder} updates and returns, e.g. a histogram:
     *
     * <pre>{@code
     * long[] histogram = Compute.over(samples).fold(
     *         () -> new long[BUCKETS],
     *         (h, s) -> { h[bucket(s)]++; return h; },
     *         (a, b) -> { for (int i = 0; i < a.length; i++) a[i] += b[i]; return a; });
     * }</pre>
     *
     * @param identity makes the starting accumulator of a chunk; called once per chunk
     * @param folder   adds one element to an accumulator
     * @param combiner combines two accumulators, left then right; associative
     * @param <A>      accumulator type
     * @return the combined accumulator; {@code identity.get()} if there are no elements
     * @throws NullPointerException if an argument is null
     */
    public <A> A fold(Supplier<A> identity, BiFunction<A, ? super T, A> folder, BinaryOperator<A> combiner) {
        Objects.requireNonNull(identity, "identity");
        Objects.requireNonNull(folder, "folder");
        Objects.requireNonNull(combiner, "combiner");
        /* The accumulator lives in the sink, not the node: no reference store per element (a GC barrier). */
        final class FoldSink implements Sink {
            private A acc;

            FoldSink(A start) {
                acc = start;
            }

            @Override
            @SuppressWarnings("unchecked")
            public void accept(Object value) {
                A next = folder.apply(acc, (T) value);
                if (next != acc) { // a mutable accumulator comes back as it went: nothing to store
                    acc = next;
                }
            }
        }
        RangeTask result = pipeline.run("ParallelSeq.fold", new Terminal() {
            @Override
            @SuppressWarnings("unchecked")
            Sink begin(RangeTask node, long lo) {
                return new FoldSink(node.present ? (A) node.value : identity.get());
            }

            @Override
            @SuppressWarnings("unchecked")
            void end(Sink sink, RangeTask node) {
                node.value = ((FoldSink) sink).acc;
                node.present = true;
            }

            @Override
            @SuppressWarnings("unchecked")
            void combine(RangeTask parent, RangeTask left, RangeTask right) {
                if (left.present && right.present) {
                    parent.value = combiner.apply((A) left.value, (A) right.value);
                } else {
                    parent.value = left.present ? left.value : right.value;
                }
                parent.present = left.present || right.present;
            }
        });
        @SuppressWarnings("unchecked")
        A value = (A) result.value;
        return result.present ? value : identity.get();
    }

    /**
     * Collects the elements with a {@link Collector}, in encounter order: one container per
     * chunk, combined left to right, then finished. Works with the JDK's collectors
     * ({@code groupingBy}, {@code joining} ...); their characteristics are not needed.
     *
     * @param collector the collector
     * @param <A>       container type
     * @param <R>       result type
     * @return the result
     * @throws NullPointerException if {@code collector} is null
     */
    public <A, R> R collect(Collector<? super T, A, R> collector) {
        Objects.requireNonNull(collector, "collector");
        var accumulator = collector.accumulator();
        A container = fold(collector.supplier(), (a, t) -> {
            accumulator.accept(a, t);
            return a;
        }, collector.combiner());
        return collector.finisher().apply(container);
    }

    /**
     * Collects the elements into a map.
     *
     * @param keyFn   the key of an element
     * @param valueFn the value of an element
     * @param <K>     key type
     * @param <V>     value type
     * @return a new map
     * @throws NullPointerException if an argument is null
     * @throws IllegalStateException if two elements have the same key
     */
    public <K, V> Map<K, V> toMap(Function<? super T, ? extends K> keyFn, Function<? super T, ? extends V> valueFn) {
        Objects.requireNonNull(keyFn, "keyFn");
        Objects.requireNonNull(valueFn, "valueFn");
        return collect(Collectors.toMap(keyFn, valueFn));
    }

    /**
     * Collects the elements into a map, merging the values of equal keys in encounter order.
     *
     * @param keyFn   the key of an element
     * @param valueFn the value of an element
     * @param merge   combines an earlier value with a later one of the same key
     * @param <K>     key type
     * @param <V>     value type
     * @return a new map
     * @throws NullPointerException if an argument is null
     */
    public <K, V> Map<K, V> toMap(Function<? super T, ? extends K> keyFn, Function<? super T, ? extends V> valueFn,
                                  BinaryOperator<V> merge) {
        Objects.requireNonNull(keyFn, "keyFn");
        Objects.requireNonNull(valueFn, "valueFn");
        Objects.requireNonNull(merge, "merge");
        return collect(Collectors.toMap(keyFn, valueFn, merge));
    }

    /**
     * Returns the number of elements. For a pipeline of one-to-one stages this is the size of
     * the source and no function of the pipeline is called.
     *
     * @return the count
     */
    public long count() {
        if (pipeline.sized()) {
            return pipeline.open().size();
        }
        RangeTask result = pipeline.run("ParallelSeq.count", new Terminal() {
            @Override
            Sink begin(RangeTask node, long lo) {
                return new Sink() {
                    @Override
                    public void accept(Object value) {
                        node.bits++;
                    }
                };
            }

            @Override
            void combine(RangeTask parent, RangeTask left, RangeTask right) {
                parent.bits = left.bits + right.bits;
            }
        });
        return result.bits;
    }

    /**
     * Returns the least element by {@code comparator}; the first of equal least elements.
     *
     * @param comparator the order
     * @return the minimum, or empty if there are no elements
     * @throws NullPointerException if {@code comparator} is null or the minimum is {@code null}
     */
    public Optional<T> min(Comparator<? super T> comparator) {
        Objects.requireNonNull(comparator, "comparator");
        return reduce(BinaryOperator.minBy(comparator));
    }

    /**
     * Returns the greatest element by {@code comparator}; the first of equal greatest elements.
     *
     * @param comparator the order
     * @return the maximum, or empty if there are no elements
     * @throws NullPointerException if {@code comparator} is null or the maximum is {@code null}
     */
    public Optional<T> max(Comparator<? super T> comparator) {
        Objects.requireNonNull(comparator, "comparator");
        return reduce((a, b) -> comparator.compare(a, b) >= 0 ? a : b);
    }

    /**
     * Returns whether some element matches; no further chunk starts once one does.
     *
     * @param predicate the test
     * @return {@code true} if an element matches; {@code false} for no elements
     * @throws NullPointerException if {@code predicate} is null
     */
    public boolean anyMatch(Predicate<? super T> predicate) {
        Objects.requireNonNull(predicate, "predicate");
        return filter(predicate).find(false).present;
    }

    /**
     * Returns whether every element matches; no further chunk starts once one does not.
     *
     * @param predicate the test
     * @return {@code true} if no element fails it (also for no elements)
     * @throws NullPointerException if {@code predicate} is null
     */
    public boolean allMatch(Predicate<? super T> predicate) {
        Objects.requireNonNull(predicate, "predicate");
        return !anyMatch(predicate.negate());
    }

    /**
     * Returns whether no element matches; no further chunk starts once one does.
     *
     * @param predicate the test
     * @return {@code true} if no element matches (also for no elements)
     * @throws NullPointerException if {@code predicate} is null
     */
    public boolean noneMatch(Predicate<? super T> predicate) {
        return !anyMatch(predicate);
    }

    /**
     * Returns some element, the first one any worker reaches; no further chunk starts then.
     *
     * @return an element, or empty if there are none
     * @throws NullPointerException if the element found is {@code null}
     */
    public Optional<T> findAny() {
        return found(find(false));
    }

    /**
     * Returns the first element in encounter order. No chunk after the one holding a match
     * starts (the rest of that chunk, at most about 10 µs of work, still runs); elements before
     * it all run, so a match near the start ends the call early.
     *
     * @return the first element, or empty if there are none
     * @throws NullPointerException if the element found is {@code null}
     */
    public Optional<T> findFirst() {
        return found(find(true));
    }

    private static <T> Optional<T> found(RangeTask result) {
        if (!result.present) {
            return Optional.empty();
        }
        @SuppressWarnings("unchecked")
        T value = (T) result.value;
        return Optional.of(value);
    }

    private RangeTask find(boolean first) {
        Terminal terminal = new Terminal() {
            @Override
            Sink begin(RangeTask node, long lo) {
                return new Hit(node);
            }

            @Override
            boolean shortCircuits() {
                return true;
            }

            @Override
            void onFound(Job job, long position) {
                if (first) {
                    job.stopFrom(position);
                } else {
                    job.stopAll();
                }
            }

            @Override
            void combine(RangeTask parent, RangeTask left, RangeTask right) {
                RangeTask winner = left.present ? left : right;
                parent.value = winner.value;
                parent.present = winner.present;
            }
        };
        return first ? pipeline.runInWaves("ParallelSeq.findFirst", terminal) : pipeline.run("ParallelSeq.findAny", terminal);
    }

    /** The sink of findFirst/findAny: keeps the first element it receives. */
    private static final class Hit extends HitSink {
        private final RangeTask node;

        Hit(RangeTask node) {
            this.node = node;
        }

        @Override
        public void accept(Object value) {
            if (!node.present) { // the first element of the leaf; later ones of the chunk are ignored
                hit = true;
                node.value = value;
                node.present = true;
            }
        }
    }

    /** Computes a pipeline into a fresh {@code Object[]} in encounter order. */
    static Object[] toArray(Pipeline pipeline) {
        Source opened = pipeline.open();
        if (pipeline.sized()) {
            Object[] out = new Object[Math.toIntExact(opened.size())];
            pipeline.run(opened, "ParallelSeq.toList", new Terminal() {
                @Override
                Sink begin(RangeTask node, long lo) {
                    return new Sink() {
                        private int at = (int) lo;

                        @Override
                        public void accept(Object value) {
                            out[at++] = value;
                        }
                    };
                }
            });
            return out;
        }
        RangeTask result = pipeline.run(opened, "ParallelSeq.toList", new Terminal() {
            @Override
            Sink begin(RangeTask node, long lo) {
                return new Buffer();
            }

            @Override
            void end(Sink sink, RangeTask node) {
                Buffer buffer = (Buffer) sink;
                Segments segments = node.value == null ? new Segments() : (Segments) node.value;
                segments.add(buffer.elements, buffer.size);
                node.value = segments;
            }

            @Override
            void combine(RangeTask parent, RangeTask left, RangeTask right) {
                Segments.combine(parent, left, right);
            }
        });
        Segments segments = (Segments) result.value;
        return segments == null ? new Object[0] : segments.copyInto(new Object[segments.size()]);
    }

    /** The growable array a leaf of an unsized toList fills. */
    private static final class Buffer implements Sink {
        Object[] elements = new Object[16];
        int size;

        @Override
        public void accept(Object value) {
            if (size == elements.length) {
                elements = Arrays.copyOf(elements, size * 2);
            }
            elements[size++] = value;
        }
    }

    @Override
    public String toString() {
        return "ParallelSeq on " + pipeline.pool().name();
    }
}
