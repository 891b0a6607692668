package dev.windjammer.testkit;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Starts the threads of one test and, on {@link #close()}, joins every one of them and rethrows
 * what failed in them (JSR166 TCK rule: check and join every thread a test starts). A thread
 * still alive after {@link Delays#LONG} fails the test with a dump of all threads.
 *
 * <pre>{@code
 * try (TestThreads threads = new TestThreads()) {
 *     threads.start(() -> channel.send(1));
 *     assertEquals(1, channel.receive());
 * }
 * }</pre>
 */
public final class TestThreads implements AutoCloseable {

    /** Test code run in a thread; may throw anything. */
    @FunctionalInterface
    public interface Body {
        /**
         * Runs the body.
         *
         * @throws Throwable anything; it fails the test at {@link TestThreads#close()}
         */
        void run() throws Throwable;
    }

    private final List<Thread> threads = new ArrayList<>();
    private final Queue<Throwable> failures = new ConcurrentLinkedQueue<>();

    /**
     * Starts a platform thread running {@code body}.
     *
     * @param body the code
     * @return the started thread
     */
    public synchronized Thread start(Body body) {
        return register(Thread.ofPlatform().name("test-thread-" + threads.size()).unstarted(wrap(body)));
    }

    /**
     * Starts a virtual thread running {@code body}.
     *
     * @param body the code
     * @return the started thread
     */
    public synchronized Thread startVirtual(Body body) {
        return register(Thread.ofVirtual().name("test-vthread-" + threads.size()).unstarted(wrap(body)));
    }

    private Thread register(Thread thread) {
        threads.add(thread);
        thread.start();
        return thread;
    }

    private Runnable wrap(Body body) {
        return () -> {
            try {
                body.run();
            } catch (Throwable t) {
                failures.add(t);
            }
        };
    }

    /**
     * Waits until {@code thread} has ended, failing the test with a thread dump if it has not
     * within {@link Delays#LONG}.
     *
     * @param thread a thread started by this object
     */
    public static void awaitTermination(Thread thread) {
        try {
            if (!thread.join(Delays.LONG)) {
                throw new AssertionError("thread " + thread + " did not end within " + Delays.LONG
                        + "\n" + dumpAll());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while joining " + thread, e);
        }
    }

    /**
     * Joins every started thread, then throws the first failure with the others suppressed.
     */
    @Override
    public synchronized void close() {
        AssertionError hang = null;
        for (Thread thread : threads) {
            try {
                awaitTermination(thread);
            } catch (AssertionError e) {
                thread.interrupt();
                if (hang == null) {
                    hang = e;
                }
            }
        }
        Throwable first = hang;
        for (Throwable failure : failures) {
            if (first == null) {
                first = failure;
            } else {
                first.addSuppressed(failure);
            }
        }
        if (first instanceof RuntimeException e) {
            throw e;
        }
        if (first instanceof Error e) {
            throw e;
        }
        if (first != null) {
            throw new AssertionError("a test thread failed", first);
        }
    }

    /**
     * Returns the stacks of all live platform threads, for failure messages.
     *
     * @return a human-readable thread dump
     */
    public static String dumpAll() {
        StringBuilder out = new StringBuilder("--- thread dump ---\n");
        for (Map.Entry<Thread, StackTraceElement[]> e : Thread.getAllStackTraces().entrySet()) {
            describe(out, e.getKey(), e.getValue());
        }
        return out.toString();
    }

    static void describe(StringBuilder out, Thread thread, StackTraceElement[] stack) {
        out.append('"').append(thread.getName()).append("\" ")
                .append(thread.isDaemon() ? "daemon " : "")
                .append(thread.getState()).append('\n');
        for (StackTraceElement frame : stack) {
            out.append("    at ").append(frame).append('\n');
        }
    }
}
