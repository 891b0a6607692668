package dev.windjammer.compute.spi;

import java.util.function.Function;

/**
 * Somewhere other than the local pool that can compute batches of
 * {@link dev.windjammer.compute.Compute#parallel Compute.parallel} and
 * {@link dev.windjammer.compute.Compute#mapReduce Compute.mapReduce}: a remote compute server, a
 * cluster. Made by a {@link ComputeBackendProvider} that the pool finds by name.
 *
 * <p><b>Which work reaches a backend.</b> Only the map step of {@code parallel} and
 * {@code mapReduce}, and only for functions the backend says it {@linkplain #canRun can run}
 * (typically functions registered under a stable name with codecs for their input and output;
 * a plain lambda never travels). Everything else (join, background, the fluent API, reductions)
 * runs on the local engine.
 *
 * <p><b>Fallback.</b> The pool hands a batch to the first backend that can run its function.
 * A backend that cannot finish throws {@link BackendUnavailableException}; the items it did not
 * {@linkplain MapBatch#complete complete} then go to the next backend of the chain and finally
 * to the local engine. A result recorded once is never replaced, so no item is lost or counted
 * twice in the output, whatever a backend does.
 *
 * <p><b>Failures of user code.</b> Any exception other than {@code BackendUnavailableException}
 * thrown by {@link #map} is the failure of the user's function: it reaches the caller of
 * {@code parallel} unchanged and no fallback happens.
 *
 * <p>Implementations must be thread-safe: many threads may call {@link #map} at once.
 */
public interface ComputeBackend extends AutoCloseable {

    /**
     * Returns the name this backend was selected by, e.g. {@code "remote"}.
     *
     * @return the name, as given by its provider
     */
    String name();

    /**
     * Returns whether this backend can compute {@code function}; called once per batch, on the
     * caller's thread, and must be fast (a type check).
     *
     * @param function the function of a {@code parallel} or {@code mapReduce} call
     * @return {@code true} to receive the batch
     */
    boolean canRun(Function<?, ?> function);

    /**
     * Computes the batch's function for its {@linkplain MapBatch#pending() pending} items and
     * records each result with {@link MapBatch#complete}. Returns when every pending item is
     * complete. Blocks the calling thread; interrupting it should abandon the batch with an
     * {@link dev.windjammer.UncheckedInterruptedException}.
     *
     * @param batch the items and the function
     * @param <T>   item type
     * @param <R>   result type
     * @throws BackendUnavailableException if the backend cannot finish; completed items stay
     *         completed and the rest fall back to the next backend
     */
    <T, R> void map(MapBatch<T, R> batch);

    /** Releases what the backend holds (connections, members). The default does nothing. */
    @Override
    default void close() {
    }
}
