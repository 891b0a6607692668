package dev.windjammer.compute;

/**
 * What the last call with a given function measured per item, so that the next call with it
 * can skip the inline phase when its work is obviously larger than a hand-off: the case of a
 * few expensive items (a handful of images), where running the first item on the caller
 * would serialise a large share of the call.
 */
final class CostHint {
    /*
     * Implementation notes
     *
     * Keyed by the function's class (ClassValue): each lambda expression or method
     * reference has a class of its own, so calls from one call site share a hint. The value
     * is a racy hint, a plain volatile long: a stale "expensive" costs one hand-off on a call
     * that turns out cheap (and is corrected by it); a stale "cheap" costs nothing more than
     * having no hint, since the inline phase stops at its time budget anyway. A ClassValue
     * holds no reference from the hint back to the class, so lambda classes can be unloaded.
     */

    private static final ClassValue<CostHint> HINTS = new ClassValue<>() {
        @Override
        protected CostHint computeValue(Class<?> type) {
            return new CostHint();
        }
    };

    private volatile long nanosPerItem;

    private CostHint() {
    }

    /** Returns the hint for calls with {@code fn}. */
    static CostHint of(Object fn) {
        return HINTS.get(fn.getClass());
    }

    /** Whether {@code items} items are expected to take longer than {@code nanos}. */
    boolean expectsMoreThan(long items, long nanos) {
        long perItem = nanosPerItem;
        return perItem > 0 && items > nanos / perItem;
    }

    /** Records the time per item measured by the last chunk of a call; ignored if unknown. */
    void record(long measuredNanosPerItem) {
        if (measuredNanosPerItem > 0) {
            nanosPerItem = measuredNanosPerItem;
        }
    }
}
