package dev.windjammer.compute;

/**
 * Receives the elements of one leaf of a pipeline, one call per element, on one thread. A stage
 * of the pipeline (map, filter ...) is a sink that passes results on to the next sink; the last
 * sink is the terminal operation's accumulator. Each kind of element has its own method so that
 * primitive pipelines never box; a sink implements the methods for the kinds it accepts.
 */
interface Sink {
    /*
     * The single interface with four entry points follows java.util.stream.Sink: a stage
     * that changes the element kind (mapToObj, mapToInt ...) needs no adapter object, and a
     * call to the wrong method is a bug in this package, reported loudly.
     */

    /** Accepts a reference element. */
    default void accept(Object value) {
        throw new IllegalStateException("this stage does not take references: " + getClass().getName());
    }

    /** Accepts an {@code int} element. */
    default void acceptInt(int value) {
        throw new IllegalStateException("this stage does not take ints: " + getClass().getName());
    }

    /** Accepts a {@code long} element. */
    default void acceptLong(long value) {
        throw new IllegalStateException("this stage does not take longs: " + getClass().getName());
    }

    /** Accepts a {@code double} element. */
    default void acceptDouble(double value) {
        throw new IllegalStateException("this stage does not take doubles: " + getClass().getName());
    }
}
