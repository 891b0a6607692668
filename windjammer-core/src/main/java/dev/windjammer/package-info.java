/**
 * Windjammer for Java: the types shared by its three concurrency layers.
 *
 * <ul>
 *   <li>{@link dev.windjammer.compute} — data parallelism over collections (CPU-bound work);</li>
 *   <li>{@code dev.windjammer.thread} — explicit platform threads with typed join and scopes;</li>
 *   <li>{@link dev.windjammer.async} — I/O-bound concurrency on virtual threads;</li>
 *   <li>{@code dev.windjammer.sync} — channels and select, shared by threads and async tasks.</li>
 * </ul>
 *
 * <h2>Failures</h2>
 * An unchecked exception thrown by user code reaches the caller as the same instance; a checked
 * one is wrapped once in {@link dev.windjammer.TaskFailedException}; failures of sibling work are
 * attached as suppressed exceptions. An interrupted wait throws
 * {@link dev.windjammer.UncheckedInterruptedException} with the interrupt status set; an expired
 * bounded wait throws {@link dev.windjammer.TimedOutException}.
 */
package dev.windjammer;
