package dev.windjammer.stress.sync;

import java.io.Serial;

/**
 * Thrown by a sequential specification for an operation that cannot take effect in that state
 * (a blocking send into a full buffer, a blocking receive from an empty open channel): a real
 * channel waits instead, so no real result matches, and Lincheck looks for another order.
 */
final class Impossible extends RuntimeException {

    @Serial
    private static final long serialVersionUID = 1L;

    Impossible(String what) {
        super(what, null, false, false);
    }
}
