package dev.windjammer.compute.spi;

import java.util.Optional;

/**
 * What a {@link ComputeBackendProvider} learns about the pool it opens a backend for.
 */
public interface BackendContext {

    /**
     * Returns the name of the pool, as given to {@code ComputePool.Builder.name}.
     *
     * @return the pool's name
     */
    String poolName();

    /**
     * Returns how many local workers the pool has, e.g. to size a batch.
     *
     * @return the local parallelism
     */
    int localWorkers();

    /**
     * Returns a setting for the backend: the value given to
     * {@code ComputePool.Builder.setting(key, value)}, else the system property
     * {@code windjammer.compute.<key>}.
     *
     * @param key e.g. {@code "remote.url"}
     * @return the value, if set
     */
    Optional<String> setting(String key);
}
