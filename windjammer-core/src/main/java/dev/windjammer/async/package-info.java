/**
 * The async layer: I/O-bound concurrency on virtual threads, entered through
 * {@link dev.windjammer.async.Async}.
 *
 * <ul>
 *   <li>{@link dev.windjammer.async.Async} &mdash; {@code spawn}, {@code join}, {@code joinAll}
 *       (with a concurrency limit, or settled), {@code race}, {@code timeout}, {@code sleep},
 *       {@code scope};</li>
 *   <li>{@link dev.windjammer.async.Task} &mdash; the handle of any concurrently running
 *       computation, also of compute work started with {@code Compute.background};</li>
 *   <li>{@link dev.windjammer.async.TaskScope} &mdash; the scope of structured concurrency;</li>
 *   <li>{@link dev.windjammer.async.Outcome} &mdash; how a task ended, as a sealed type.</li>
 * </ul>
 *
 * <p>Design records: {@code docs/adr/0030} (scopes), {@code 0031} (unstructured
 * {@code spawn}), {@code 0032} (timeouts), {@code 0033} (leak checks in tests), {@code 0034}
 * (fan-out semantics).
 */
package dev.windjammer.async;
