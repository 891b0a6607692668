package dev.windjammer.thread;

import dev.windjammer.UncheckedInterruptedException;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The thread layer: explicit platform threads for long-running, distinct tasks such as a
 * server next to a queue worker. The Java twin of Rust's {@code std::thread}.
 *
 * <pre>{@code
 * JoinHandle<Page> download = Threads.spawn(() -> downloadFile("url1"));
 * JoinHandle<Report> report = Threads.spawn(() -> processDatabase());
 * Page page = download.join();      // the value, or the body's exception rethrown
 *
 * long total = Threads.scope(scope -> {
 *     JoinHandle<Long> left = scope.spawn(() -> count(firstHalf));
 *     JoinHandle<Long> right = scope.spawn(() -> count(secondHalf));
 *     return left.join() + right.join();
 * });                               // every scoped thread has ended here
 * }</pre>
 *
 * <p>Use the thread layer for a few long-lived tasks with their own lifecycle. For many
 * short I/O-bound tasks use the async layer (virtual threads); for data parallelism over a
 * collection use the compute layer, which splits the work for you.
 *
 * <p>Every method throws {@link NullPointerException} naming the argument when given
 * {@code null}. A thread that cannot be created (the operating system refuses) makes
 * {@code spawn} throw the JVM's {@link OutOfMemoryError}.
 */
public final class Threads {
    /*
     * Implementation notes
     *
     * Overview. A spawned thread is a plain platform Thread whose Runnable is a ThreadBody: it
     * runs the user's body, keeps the outcome and ends normally, so the handle can deliver the
     * outcome with Rust's JoinHandle semantics and the JDK's uncaught-exception handler stays
     * silent. The only costs over `new Thread(r).start()` are the ThreadBody, the handle and,
     * for unscoped threads, one Cleaner registration (see JoinHandle); docs/benchmarks/thread.md
     * measures the difference.
     *
     * Names. Threads are named "windjammer-thread-N" unless the builder names them, so that a
     * thread dump tells Windjammer's threads apart from the JDK's "Thread-N".
     */

    private static final AtomicLong THREAD_NUMBER = new AtomicLong();

    static final Builder DEFAULTS = new Builder();

    private Threads() {
    }

    /**
     * Starts a platform thread running {@code body} with the default settings: named
     * {@code windjammer-thread-N}, daemon status inherited from the calling thread, default
     * stack size.
     *
     * @param body the code to run
     * @param <T>  the type of its result
     * @return the handle to join the thread with
     * @throws NullPointerException if {@code body} is {@code null}
     */
    public static <T> JoinHandle<T> spawn(Callable<T> body) {
        Objects.requireNonNull(body, "body");
        return DEFAULTS.start(body, null);
    }

    /**
     * Starts a platform thread running {@code body} with the default settings.
     *
     * @param body the code to run
     * @return the handle to join the thread with; its {@code join()} returns {@code null}
     * @throws NullPointerException if {@code body} is {@code null}
     */
    public static JoinHandle<Void> spawn(Runnable body) {
        Objects.requireNonNull(body, "body");
        return DEFAULTS.start(callable(body), null);
    }

    /**
     * Returns a builder for threads with a name, daemon status or stack size of your choice.
     *
     * @return a new builder with the default settings
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Runs {@code body} with a {@link Scope} in which it can spawn threads, waits until every
     * thread spawned in the scope has ended, and returns what the body returned: Rust's
     * {@code std::thread::scope}. Nothing started in the scope is still running when this
     * method returns or throws, even when the body throws.
     *
     * <p>What is thrown, after every thread has ended: the first in time of the body's own
     * exception and the failures of the scope's threads that no {@link JoinHandle#join()}
     * delivered, with the rest attached as suppressed exceptions. Unchecked exceptions are
     * thrown as the same instance, a checked one wrapped once in
     * {@link dev.windjammer.TaskFailedException}. See {@link Scope} for interruption.
     *
     * <p><b>Memory consistency:</b> everything the scope's threads did happens-before this
     * method returns or throws.
     *
     * @param body the body, given the scope
     * @param <T>  the type of the body's value
     * @return what the body returned
     * @throws dev.windjammer.UncheckedInterruptedException if the calling thread was interrupted
     *         while waiting for the scope's threads (they were interrupted and have ended)
     * @throws NullPointerException if {@code body} is {@code null}
     */
    public static <T> T scope(Scope.Body<T> body) {
        Objects.requireNonNull(body, "body");
        Scope scope = new Scope();
        T value = null;
        try {
            value = body.run(scope);
        } catch (Throwable failure) {
            scope.bodyFailed(failure);
        }
        scope.joinAll();
        scope.rethrowFailures();
        return value;
    }

    /**
     * Sleeps for {@code duration}; returns at once if it is zero or negative.
     *
     * @param duration how long to sleep
     * @throws UncheckedInterruptedException if the calling thread is interrupted while sleeping
     *         (the interrupt status is set again)
     * @throws NullPointerException if {@code duration} is {@code null}
     */
    public static void sleep(Duration duration) {
        Objects.requireNonNull(duration, "duration");
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            throw UncheckedInterruptedException.interrupted("the end of a sleep", e);
        }
    }

    /**
     * Returns how many threads can run in parallel on this machine, as the JVM sees it (CPU
     * limits of a container included): Rust's {@code available_parallelism}. The value may
     * change during the life of the JVM.
     *
     * @return at least 1
     */
    public static int availableParallelism() {
        return Runtime.getRuntime().availableProcessors();
    }

    static Callable<Void> callable(Runnable body) {
        return () -> {
            body.run();
            return null;
        };
    }

    /**
     * Settings for spawning threads: Rust's {@code std::thread::Builder}. A builder can spawn
     * any number of threads, all with the same settings; it is not safe for use by several
     * threads while being configured.
     *
     * <pre>{@code
     * JoinHandle<Void> server = Threads.builder().name("http-server").daemon(false)
     *         .spawn(() -> runWebServer());
     * }</pre>
     */
    public static final class Builder {

        private String name;
        private Boolean daemon;
        private long stackSize;

        private Builder() {
        }

        /**
         * Names the threads spawned by this builder.
         *
         * @param name the thread name; several threads may share it
         * @return this builder
         * @throws NullPointerException if {@code name} is {@code null}
         */
        public Builder name(String name) {
            this.name = Objects.requireNonNull(name, "name");
            return this;
        }

        /**
         * Makes the spawned threads daemon threads or not. A JVM exits when only daemon threads
         * are left, without waiting for them. Unset, a thread inherits the status of the thread
         * that spawns it.
         *
         * @param daemon {@code true} for daemon threads
         * @return this builder
         */
        public Builder daemon(boolean daemon) {
            this.daemon = daemon;
            return this;
        }

        /**
         * Asks for a stack of {@code bytes} for the spawned threads; zero means the JVM's
         * default. Like {@link Thread.Builder.OfPlatform#stackSize}, it is a hint that some
         * platforms ignore.
         *
         * @param bytes the stack size in bytes
         * @return this builder
         * @throws IllegalArgumentException if {@code bytes} is negative
         */
        public Builder stackSize(long bytes) {
            if (bytes < 0) {
                throw new IllegalArgumentException("stackSize must not be negative, was " + bytes);
            }
            this.stackSize = bytes;
            return this;
        }

        /**
         * Starts a platform thread with these settings running {@code body}.
         *
         * @param body the code to run
         * @param <T>  the type of its result
         * @return the handle to join the thread with
         * @throws NullPointerException if {@code body} is {@code null}
         */
        public <T> JoinHandle<T> spawn(Callable<T> body) {
            Objects.requireNonNull(body, "body");
            return start(body, null);
        }

        /**
         * Starts a platform thread with these settings running {@code body}.
         *
         * @param body the code to run
         * @return the handle to join the thread with; its {@code join()} returns {@code null}
         * @throws NullPointerException if {@code body} is {@code null}
         */
        public JoinHandle<Void> spawn(Runnable body) {
            Objects.requireNonNull(body, "body");
            return start(callable(body), null);
        }

        /**
         * Starts a platform thread with these settings in {@code scope}, which joins it before
         * it ends: Rust's {@code Builder::spawn_scoped}.
         *
         * @param scope the scope, whose body or threads call this
         * @param body  the code to run
         * @param <T>   the type of its result
         * @return the thread's handle
         * @throws IllegalStateException if the scope has ended
         * @throws NullPointerException if an argument is {@code null}
         */
        public <T> JoinHandle<T> spawnScoped(Scope scope, Callable<T> body) {
            Objects.requireNonNull(scope, "scope");
            Objects.requireNonNull(body, "body");
            return scope.spawn(this, body);
        }

        <T> JoinHandle<T> start(Callable<T> body, Scope scope) {
            String threadName = name != null ? name : "windjammer-thread-" + THREAD_NUMBER.incrementAndGet();
            ThreadBody<T> run = new ThreadBody<>(body, scope, threadName);
            Thread thread = new Thread(null, run, threadName, stackSize);
            if (daemon != null) {
                thread.setDaemon(daemon);
            }
            JoinHandle<T> handle = new JoinHandle<>(thread, run, scope != null);
            thread.start();
            return handle;
        }
    }
}
