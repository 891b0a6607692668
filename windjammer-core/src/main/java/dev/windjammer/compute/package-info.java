/**
 * The compute layer: data parallelism over collections on a work-stealing pool (the seed's
 * {@code std::compute}, after rayon).
 *
 * <ul>
 *   <li>{@link dev.windjammer.compute.Compute} — the entry point: {@code parallel},
 *       {@code mapReduce}, {@code join}, {@code numWorkers}, {@code background}, and the fluent
 *       sources {@code over(...)} and {@code range(...)}, on a default pool;</li>
 *   <li>{@link dev.windjammer.compute.ComputePool} — the same operations on a pool of your own,
 *       with its guarantees on failures, interruption, threads and memory consistency;</li>
 *   <li>{@link dev.windjammer.compute.ParallelSeq} and its primitive forms
 *       {@link dev.windjammer.compute.IntParallelSeq}, {@link dev.windjammer.compute.LongParallelSeq},
 *       {@link dev.windjammer.compute.DoubleParallelSeq} — the fluent API (rayon's
 *       {@code ParallelIterator});</li>
 *   <li>{@link dev.windjammer.compute.spi} — where the map step may run besides the local pool.</li>
 * </ul>
 *
 * <p>Design records: {@code docs/adr/0010} (splitting policy), {@code 0011} (inline threshold and
 * who runs the work), {@code 0012} (backend SPI).
 */
package dev.windjammer.compute;
