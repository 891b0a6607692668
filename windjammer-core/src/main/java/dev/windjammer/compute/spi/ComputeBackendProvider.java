package dev.windjammer.compute.spi;

/**
 * Makes {@link ComputeBackend}s; found with {@link java.util.ServiceLoader} (a
 * {@code provides dev.windjammer.compute.spi.ComputeBackendProvider with ...} clause, or a
 * {@code META-INF/services} entry on the class path). A pool built with
 * {@code ComputePool.builder().backend("remote")}, or the default pool with
 * {@code -Dwindjammer.compute.backend=remote}, uses the provider whose {@link #name()} is
 * {@code "remote"}; user code that calls {@code Compute.parallel} does not change.
 *
 * <p>The names {@code local} and {@code sequential} are built in and cannot be provided.
 */
public interface ComputeBackendProvider {

    /**
     * Returns the name users select this backend by, e.g. {@code "remote"} or {@code "cluster"}.
     *
     * @return a non-empty name
     */
    String name();

    /**
     * Opens a backend for one pool. Called once, when the pool is built; the pool closes the
     * backend when it is closed itself.
     *
     * @param context the pool's name, its local worker count and its settings
     * @return a backend ready to take batches
     * @throws IllegalArgumentException if a setting the backend needs is missing or invalid;
     *         the message names the setting
     */
    ComputeBackend open(BackendContext context);
}
