/**
 * The async layer: I/O-bound concurrency on virtual threads. {@link dev.windjammer.async.Task}
 * is the handle of any concurrently running computation, also of compute work started with
 * {@link dev.windjammer.compute.Compute#background Compute.background}.
 */
package dev.windjammer.async;
