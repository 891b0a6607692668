package dev.windjammer.compute;

/**
 * A source whose elements exist only once {@link #open()} has computed them (a sort, a
 * grouping into chunks, a snapshot of a collection): it is never read itself, only the source
 * {@code open()} returns.
 */
abstract class DeferredSource extends Source {

    /** Computes the elements and returns the source that holds them. */
    @Override
    abstract Source open();

    @Override
    final long size() {
        throw new IllegalStateException("open() first");
    }

    @Override
    final void push(long lo, long hi, Sink sink) {
        throw new IllegalStateException("open() first");
    }
}
