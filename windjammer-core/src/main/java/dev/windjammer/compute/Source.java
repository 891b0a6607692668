package dev.windjammer.compute;

/**
 * Where the elements of a pipeline come from: a sequence of positions {@code [0, size())} that
 * can be read in any order, so any range can go to any worker.
 */
abstract class Source {
    /*
     * Every element-producing loop of the fluent API is in a subclass's push(): a tight loop
     * over one chunk; Job.runLeaf decides between chunks whether the next one may start.
     * Sources that must compute their elements first
     * (sorted, chunks; see DeferredSource) do so in open(), which each terminal operation calls once before it
     * splits the range.
     */

    /** Returns the source to read: this, or a materialised one. Runs upstream work if needed. */
    Source open() {
        return this;
    }

    /** Returns the number of positions. Only valid on an opened source. */
    abstract long size();

    /** Pushes the elements at positions {@code [lo, hi)} into {@code sink}, in order. */
    abstract void push(long lo, long hi, Sink sink);
}
