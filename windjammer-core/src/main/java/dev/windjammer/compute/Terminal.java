package dev.windjammer.compute;

/**
 * The accumulating end of a pipeline: how one leaf collects its elements into a partial
 * result held by its {@link RangeTask} node, and how two partial results combine.
 */
abstract class Terminal {
    /*
     * A fresh sink per leaf call keeps accumulators in fields of an object that does not
     * escape the leaf, where the JIT can keep them in registers; end() stores them into the
     * node once. The inline prefix calls begin/end several times on the same node, so
     * begin must continue from what the node already holds.
     */

    /** Returns the sink for a leaf over positions starting at {@code lo}. */
    abstract Sink begin(RangeTask node, long lo);

    /** Stores the sink's partial result into the node. */
    void end(Sink sink, RangeTask node) {
    }

    /** Combines two adjacent partial results, left before right, into parent. */
    void combine(RangeTask parent, RangeTask left, RangeTask right) {
    }

    /**
     * Whether the operation stops early (find, match): then {@link #begin} returns a
     * {@link HitSink}, and a chunk that hit it reports its end to {@link #onFound}, so no
     * chunk after it starts. The rest of that chunk still runs (at most ~10 µs of work).
     */
    boolean shortCircuits() {
        return false;
    }

    /** Tells the job that a chunk ending at {@code position} (exclusive) answered the operation. */
    void onFound(Job job, long position) {
    }
}
