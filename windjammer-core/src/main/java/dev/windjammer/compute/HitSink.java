package dev.windjammer.compute;

/**
 * The last sink of a short-circuiting operation (findFirst, findAny, anyMatch): it keeps the
 * first element it receives and raises {@link #hit}, which the source's loop reads after each
 * element to stop at the exact position ({@link Source#pushUntilHit}).
 */
abstract class HitSink implements Sink {

    /** Whether an element has reached this sink; a plain field, read by the same thread. */
    boolean hit;
}
