package dev.windjammer.async;

import dev.windjammer.internal.RunnableTask;

import java.util.concurrent.Callable;

/**
 * A task of a {@link StructuredScope}: a {@link RunnableTask} that tells its scope when the
 * thread running it is done with it, which for a cancelled task is later than its completion.
 * Compared by identity in the scope's set of running children.
 *
 * @param <T> the type of the result
 */
final class ScopedTask<T> extends RunnableTask<T> {

    private final StructuredScope scope;

    ScopedTask(Callable<T> body, String description, StructuredScope scope) {
        super(body, description);
        this.scope = scope;
    }

    @Override
    public void run() {
        try {
            super.run();
        } finally {
            scope.childEnded(this);
        }
    }
}
