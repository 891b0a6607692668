package dev.windjammer;

import java.io.Serial;

/**
 * Thrown when user code run by Windjammer (a compute function, a spawned thread, an async task)
 * failed with a <em>checked</em> exception, which is then available as {@link #getCause()}.
 *
 * <p>Every layer reports failures the same way: an unchecked exception ({@link RuntimeException}
 * or {@link Error}) thrown by user code reaches the caller as the very same instance, so a
 * {@code catch (IllegalArgumentException e)} around {@code Compute.parallel} or
 * {@code handle.join()} works as it would around a plain loop. A checked exception cannot be
 * rethrown by methods that declare none, so it is wrapped exactly once in this type. Further
 * failures of sibling work are attached with {@link Throwable#addSuppressed}.
 */
public final class TaskFailedException extends RuntimeException {

    @Serial
    private static final long serialVersionUID = 1L;

    /**
     * Wraps a checked failure.
     *
     * @param cause the checked exception thrown by user code; must not be {@code null}
     */
    public TaskFailedException(Throwable cause) {
        super(describe(cause), cause);
    }

    private static String describe(Throwable cause) {
        if (cause == null) {
            throw new NullPointerException("cause");
        }
        return "task failed with " + cause;
    }
}
