package dev.windjammer.bench.async;

import dev.windjammer.async.Async;
import dev.windjammer.async.Task;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Heap bytes per concurrently sleeping task: Windjammer's {@code Async.spawn} and
 * {@code TaskScope.spawn} against raw virtual threads ({@code Thread.ofVirtual().start}). Not
 * JMH: the quantity is a heap footprint, not a time. Each mode should run in a fresh JVM:
 *
 * <pre>
 * source scripts/jdk.sh &amp;&amp; ./mvnw -q -pl windjammer-bench -am -DskipTests package
 * for mode in raw spawn scope; do
 *   java -Xms6g -Xmx6g -cp windjammer-bench/target/benchmarks.jar dev.windjammer.bench.async.HeapPerTask $mode 1000000
 * done
 * </pre>
 *
 * <p>Method: warm up the mode with a small batch; full GC; read the used heap; start N tasks
 * that each sleep for an hour (the body is a non-capturing lambda, so it allocates nothing per
 * task in either mode); wait until all N have started and a further settling pause; full GC;
 * read the used heap again. Bytes per task = difference / N. The N handles (a {@code Thread[]}
 * or {@code Task[]}, 4 bytes each with compressed oops) are counted in both modes. Then every
 * task is cancelled and joined.
 */
public final class HeapPerTask {

    private static final Duration NAP = Duration.ofHours(1);
    private static final AtomicInteger STARTED = new AtomicInteger();
    private static boolean histogram;

    private HeapPerTask() {
    }

    /**
     * Runs one measurement.
     *
     * @param args mode ({@code raw}, {@code spawn} or {@code scope}) and the number of tasks
     * @throws Exception if the measurement is interrupted
     */
    public static void main(String[] args) throws Exception {
        if (args.length < 1 || !args[0].matches("raw|spawn|scope")) {
            System.err.println("usage: HeapPerTask raw|spawn|scope [tasks, default 1000000] [--histogram]");
            System.exit(2);
        }
        String mode = args[0];
        int tasks = args.length > 1 ? Integer.parseInt(args[1]) : 1_000_000;
        histogram = args.length > 2 && args[2].equals("--histogram");
        for (int warmup = 0; warmup < 3; warmup++) {
            measure(mode, Math.min(100_000, tasks), false);
        }
        measure(mode, tasks, true);
    }

    private static void measure(String mode, int tasks, boolean report) throws Exception {
        STARTED.set(0);
        long before = usedHeapAfterGc();
        long after = switch (mode) {
            case "raw" -> raw(tasks);
            case "spawn" -> spawn(tasks);
            default -> scope(tasks);
        };
        if (report) {
            System.out.printf(Locale.ROOT, "mode=%s tasks=%d jdk=%s heapPerTask=%.0f B%n",
                    mode, tasks, Runtime.version(), (after - before) / (double) tasks);
        }
    }

    private static long raw(int tasks) throws Exception {
        Thread[] threads = new Thread[tasks];
        for (int i = 0; i < tasks; i++) {
            threads[i] = Thread.ofVirtual().start(HeapPerTask::sleepRaw);
        }
        long used = usedHeapOnceStarted(tasks);
        for (Thread thread : threads) {
            thread.interrupt();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        return used;
    }

    private static long spawn(int tasks) {
        @SuppressWarnings("unchecked")
        Task<Void>[] handles = new Task[tasks];
        for (int i = 0; i < tasks; i++) {
            handles[i] = Async.spawn(HeapPerTask::sleepAsync);
        }
        long used = usedHeapOnceStarted(tasks);
        for (Task<Void> task : handles) {
            task.cancel();
        }
        for (Task<Void> task : handles) {
            task.awaitOutcome();
        }
        return used;
    }

    private static long scope(int tasks) {
        long[] used = new long[1];
        try {
            Async.scope(scope -> {
                @SuppressWarnings("unchecked")
                Task<Void>[] handles = new Task[tasks];
                for (int i = 0; i < tasks; i++) {
                    handles[i] = scope.spawn(HeapPerTask::sleepAsync);
                }
                used[0] = usedHeapOnceStarted(tasks);
                throw new MeasurementDone(); // fails the scope: it cancels and joins every task
            });
        } catch (MeasurementDone expected) {
            return used[0];
        }
        throw new AssertionError("the scope did not end with MeasurementDone");
    }

    private static void sleepRaw() {
        STARTED.incrementAndGet();
        try {
            Thread.sleep(NAP);
        } catch (InterruptedException cancelled) {
            // end
        }
    }

    private static Void sleepAsync() {
        STARTED.incrementAndGet();
        Async.sleep(NAP);
        return null;
    }

    private static long usedHeapOnceStarted(int tasks) {
        while (STARTED.get() < tasks) {
            sleepQuietly(10);
        }
        sleepQuietly(1_000); // the last ones reach their sleep and park
        long used = usedHeapAfterGc();
        if (histogram && tasks >= 1_000_000) {
            printHistogram();
        }
        return used;
    }

    /** Prints the largest classes of the live heap (jcmd GC.class_histogram), to see where the bytes go. */
    private static void printHistogram() {
        try {
            Object text = ManagementFactory.getPlatformMBeanServer().invoke(
                    new javax.management.ObjectName("com.sun.management:type=DiagnosticCommand"),
                    "gcClassHistogram", new Object[] {new String[0]}, new String[] {String[].class.getName()});
            text.toString().lines().limit(18).forEach(System.out::println);
        } catch (javax.management.JMException e) {
            throw new IllegalStateException("no class histogram", e);
        }
    }

    private static long usedHeapAfterGc() {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 4; i++) {
            System.gc();
            sleepQuietly(100);
            used = Math.min(used, memory.getHeapMemoryUsage().getUsed());
        }
        return used;
    }

    private static void sleepQuietly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while measuring", e);
        }
    }

    /** Ends the scope of the {@code scope} mode once the heap was measured. */
    private static final class MeasurementDone extends RuntimeException {
        private static final long serialVersionUID = 1L;

        MeasurementDone() {
            super(null, null, false, false);
        }
    }
}
