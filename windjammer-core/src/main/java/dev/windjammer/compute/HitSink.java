package dev.windjammer.compute;

/**
 * The last sink of a short-circuiting operation (findFirst, findAny, anyMatch): it keeps the
 * first element its leaf receives and raises {@link #hit}, which the leaf reads after the
 * chunk so that no later chunk starts.
 */
abstract class HitSink implements Sink {

    /** Whether an element has reached this sink; a plain field, read by the same thread. */
    boolean hit;
}
