package dev.windjammer.internal;

import dev.windjammer.TaskFailedException;

/**
 * The one place that turns a failure of user code into what a Windjammer caller sees:
 * unchecked exceptions as the same instance, checked ones wrapped once in
 * {@link TaskFailedException}. Not exported from the module.
 */
public final class Failures {

    private Failures() {
    }

    /**
     * Returns the exception to throw for a failure of user code, or throws it directly when
     * it is an {@link Error}. Use as {@code throw Failures.propagate(t);}.
     *
     * @param failure what user code threw
     * @return {@code failure} itself when it is a {@link RuntimeException}, else a
     *         {@link TaskFailedException} wrapping it
     */
    public static RuntimeException propagate(Throwable failure) {
        if (failure instanceof RuntimeException runtime) {
            return runtime;
        }
        if (failure instanceof Error error) {
            throw error;
        }
        return new TaskFailedException(failure);
    }

    /**
     * Attaches {@code other} to {@code primary} as suppressed unless they are the same instance
     * or {@code other} is already attached (failures can be reported twice through different
     * paths, e.g. a task and the scope that owns it).
     *
     * @param primary the failure that will be thrown
     * @param other   a further failure
     */
    public static void suppress(Throwable primary, Throwable other) {
        if (other == null || other == primary) {
            return;
        }
        for (Throwable already : primary.getSuppressed()) {
            if (already == other) {
                return;
            }
        }
        primary.addSuppressed(other);
    }
}
