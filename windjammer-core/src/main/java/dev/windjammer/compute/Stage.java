package dev.windjammer.compute;

/**
 * An intermediate operation of a pipeline: wraps the sink of the next operation into the sink
 * that this operation is given elements through. Stateless, so one pipeline can run many times.
 */
@FunctionalInterface
interface Stage {

    /** The stage that passes every element on unchanged. */
    Stage IDENTITY = downstream -> downstream;

    /** Returns the sink that applies this stage and feeds {@code downstream}. */
    Sink wrap(Sink downstream);

    /** Returns the stage that applies this one, then {@code next}. */
    default Stage then(Stage next) {
        if (this == IDENTITY) {
            return next;
        }
        return downstream -> wrap(next.wrap(downstream));
    }
}
