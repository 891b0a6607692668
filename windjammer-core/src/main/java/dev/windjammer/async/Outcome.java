package dev.windjammer.async;

import dev.windjammer.internal.Failures;

import java.util.Objects;
import java.util.concurrent.CancellationException;

/**
 * How a task ended: with a value, with a failure, or by cancellation. Returned by
 * {@link Task#awaitOutcome()}, {@link Task#outcomeNow()} and
 * {@link Async#joinAllSettled(java.util.Collection) Async.joinAllSettled}, where throwing the
 * first failure would lose the others.
 *
 * <pre>{@code
 * for (Outcome<Page> outcome : Async.joinAllSettled(fetches)) {
 *     switch (outcome) {
 *         case Outcome.Success<Page>(Page page) -> store(page);
 *         case Outcome.Failure<Page>(Throwable e) -> log(e);
 *         case Outcome.Cancelled<Page>() -> { }
 *     }
 * }
 * }</pre>
 *
 * @param <T> the type of the task's value
 */
public sealed interface Outcome<T> permits Outcome.Success, Outcome.Failure, Outcome.Cancelled {

    /**
     * Returns the value of a success, or throws what {@link Task#await()} would have thrown:
     * an unchecked failure as the same instance, a checked one wrapped once in
     * {@link dev.windjammer.TaskFailedException}, a cancellation as
     * {@link CancellationException}.
     *
     * @return the value of a {@link Success}
     */
    T getOrThrow();

    /**
     * The task returned a value.
     *
     * @param value what the task returned, may be {@code null}
     * @param <T>   the type of the value
     */
    record Success<T>(T value) implements Outcome<T> {
        @Override
        public T getOrThrow() {
            return value;
        }
    }

    /**
     * The task threw.
     *
     * @param exception what the task threw, exactly as thrown (checked exceptions are not
     *                  wrapped here)
     * @param <T>       the type of the value the task would have returned
     */
    record Failure<T>(Throwable exception) implements Outcome<T> {
        /**
         * Creates the outcome.
         *
         * @param exception what the task threw
         * @throws NullPointerException if {@code exception} is {@code null}
         */
        public Failure {
            Objects.requireNonNull(exception, "exception");
        }

        @Override
        public T getOrThrow() {
            throw Failures.propagate(exception);
        }
    }

    /**
     * The task was cancelled before it produced a value or a failure.
     *
     * @param <T> the type of the value the task would have returned
     */
    record Cancelled<T>() implements Outcome<T> {
        @Override
        public T getOrThrow() {
            throw new CancellationException("the task was cancelled");
        }
    }
}
