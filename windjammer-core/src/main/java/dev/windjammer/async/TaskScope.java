package dev.windjammer.async;

import java.util.concurrent.Callable;

/**
 * The scope of {@link Async#scope(Body) Async.scope}: tasks spawned in it are its children,
 * and the scope does not return before every one of them has ended (structured concurrency,
 * as Kotlin's {@code coroutineScope} and Trio's nurseries).
 *
 * <pre>{@code
 * Dashboard dashboard = Async.scope(scope -> {
 *     Task<User> user = scope.spawn(() -> users.get(id));
 *     Task<List<Post>> posts = scope.spawn(() -> posts.byAuthor(id));
 *     return new Dashboard(user.await(), posts.await());
 * });
 * }</pre>
 *
 * <p><b>Guarantees</b> (stated on {@link Async#scope(Body)} in full):
 * <ul>
 *   <li><em>no task outlives its scope</em>: when {@code Async.scope} returns or throws, the
 *       thread of every task spawned in it has ended &mdash; also of a cancelled task, and
 *       also of the tasks of scopes opened inside those tasks;</li>
 *   <li><em>a failure cancels the siblings</em>: the first task to fail cancels every other
 *       task of the scope and interrupts the body, and {@code Async.scope} throws that
 *       failure (even if the body caught it from {@link Task#await()});</li>
 *   <li><em>cancelling the owner reaches every descendant</em>: interrupting the thread that
 *       runs the scope, or cancelling the task that runs it, cancels every task of the scope,
 *       and through their interruption every scope those tasks have open.</li>
 * </ul>
 *
 * <p>{@code spawn} may be called from the body and from the scope's own tasks while the scope
 * is open, and from any thread that was handed the scope; once {@code Async.scope} has
 * returned, it throws {@link IllegalStateException}. A task spawned after the scope was
 * cancelled is returned already cancelled and never runs.
 *
 * <p>Implemented by Windjammer only.
 */
public sealed interface TaskScope permits StructuredScope {

    /**
     * Starts {@code body} on a new, unnamed virtual thread as a task of this scope.
     *
     * <p><b>Memory consistency:</b> actions before this call happen-before the body runs.
     *
     * @param body the task's code
     * @param <T>  the type of its result
     * @return the task, to await, inspect or cancel
     * @throws NullPointerException  if {@code body} is {@code null}
     * @throws IllegalStateException if the scope has already ended
     */
    <T> Task<T> spawn(Callable<T> body);

    /**
     * Starts {@code body} on a new virtual thread named {@code name} as a task of this scope.
     * Names show in thread dumps and in the task's {@code toString()}; they cost a little, so
     * {@link #spawn(Callable)} leaves threads unnamed.
     *
     * @param name the thread's name
     * @param body the task's code
     * @param <T>  the type of its result
     * @return the task, to await, inspect or cancel
     * @throws NullPointerException  if {@code name} or {@code body} is {@code null}
     * @throws IllegalStateException if the scope has already ended
     */
    <T> Task<T> spawn(String name, Callable<T> body);

    /**
     * The code of a scope, run by {@link Async#scope(Body)} on the calling thread.
     *
     * @param <T> the type of the scope's result
     */
    @FunctionalInterface
    interface Body<T> {
        /**
         * Runs the scope's code.
         *
         * @param scope the scope, to spawn tasks in
         * @return the scope's result, returned by {@code Async.scope} once every task has ended
         * @throws Exception anything; a checked exception reaches the caller wrapped once in
         *                   {@link dev.windjammer.TaskFailedException}
         */
        T run(TaskScope scope) throws Exception;
    }
}
