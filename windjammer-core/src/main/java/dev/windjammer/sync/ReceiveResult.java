package dev.windjammer.sync;

/**
 * The outcome of a receive that reports closure as a value instead of throwing:
 * {@link Receiver#tryReceive()} and {@link Receiver#receiveOrClosed()}.
 *
 * <pre>{@code
 * switch (jobs.tryReceive()) {
 *     case Received<Job>(Job job) -> run(job);
 *     case Empty<Job> nothing -> idle();
 *     case Closed<Job>(Throwable error) -> stop(error);   // error is null after close()
 * }
 * }</pre>
 *
 * @param <T> the element type
 */
public sealed interface ReceiveResult<T> permits Received, Empty, Closed {
}
