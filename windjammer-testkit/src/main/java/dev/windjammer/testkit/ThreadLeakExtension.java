package dev.windjammer.testkit;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Fails a test that leaves a platform thread running: every thread alive after the test (or
 * after the test class, for threads started in {@code @BeforeAll}) that was not alive before
 * it must end within a grace period.
 *
 * <p>Registered for every test through JUnit's extension auto-detection (this jar's
 * {@code META-INF/services}), switched on by the build. Threads that outlive tests by design
 * are exempt: JVM housekeeping threads, the carriers of the virtual-thread scheduler, and
 * whatever matches the regular expression in the configuration parameter
 * {@code windjammer.leakcheck.ignore} (e.g. a module's shared default pool). Virtual threads
 * are not visible to this check; the async layer's tests count their own.
 */
public final class ThreadLeakExtension
        implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback {

    /** Configuration parameter: extra thread names (regular expression) that may outlive a test. */
    public static final String IGNORE_PARAMETER = "windjammer.leakcheck.ignore";

    /** Configuration parameter: how long leaked threads get to end, in milliseconds (default 10000). */
    public static final String GRACE_PARAMETER = "windjammer.leakcheck.grace.ms";

    private static final Pattern JVM_THREADS = Pattern.compile(String.join("|",
            "Reference Handler", "Finalizer", "Signal Dispatcher", "Attach Listener",
            "Common-Cleaner", "Notification Thread", "process reaper", "JFR .*", "JMX .*",
            "RMI .*", "surefire-forkedjvm-.*", "junit-.*", "DestroyJavaVM",
            "ForkJoinPool\\.commonPool-worker-\\d+",
            "ForkJoinPool-\\d+-worker-\\d+", // carriers of the default virtual-thread scheduler
            "VirtualThread-unparker", "VirtualThread-unblocker", "ForkJoinPool-\\d+-delayScheduler",
            "InnocuousThread-\\d+", "Read-Poller", "Write-Poller", "MasterPoller",
            "Keep-Alive-Timer", "Keep-Alive-SocketCleaner", "HttpClient-\\d+-SelectorManager",
            "process reaper.*", "Monitor Ctrl-Break", "Thread-\\d+-CleanerThread",
            "idle-connection-reaper", "sdk-async-response-.*", "java-sdk-http-connection-reaper"));

    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(ThreadLeakExtension.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        context.getStore(NAMESPACE).put("before", liveThreads());
    }

    @Override
    public void afterAll(ExtensionContext context) {
        check(context, "test class " + context.getDisplayName());
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        context.getStore(NAMESPACE).put("before", liveThreads());
    }

    @Override
    public void afterEach(ExtensionContext context) {
        check(context, "test " + context.getDisplayName());
    }

    private void check(ExtensionContext context, String what) {
        @SuppressWarnings("unchecked")
        Set<Thread> before = (Set<Thread>) context.getStore(NAMESPACE).get("before", Set.class);
        if (before == null) {
            return;
        }
        Pattern ignored = context.getConfigurationParameter(IGNORE_PARAMETER)
                .map(Pattern::compile).orElse(null);
        Duration grace = Duration.ofMillis(context.getConfigurationParameter(GRACE_PARAMETER)
                .map(Long::parseLong).orElse(Delays.LONG.toMillis()));
        List<Thread> suspects = new ArrayList<>();
        for (Thread thread : liveThreads()) {
            if (!before.contains(thread) && !exempt(thread, ignored)) {
                suspects.add(thread);
            }
        }
        long deadline = System.nanoTime() + grace.toNanos();
        List<Thread> leaked = new ArrayList<>();
        for (Thread thread : suspects) {
            long left = deadline - System.nanoTime();
            try {
                if (left <= 0 || !thread.join(Duration.ofNanos(Math.max(left, 1)))) {
                    leaked.add(thread);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while checking for leaked threads", e);
            }
        }
        if (!leaked.isEmpty()) {
            StringBuilder message = new StringBuilder(what).append(" left ").append(leaked.size())
                    .append(" thread(s) running after ").append(grace.toMillis()).append(" ms:\n");
            for (Thread thread : leaked) {
                TestThreads.describe(message, thread, thread.getStackTrace());
            }
            throw new AssertionError(message.toString());
        }
    }

    private static boolean exempt(Thread thread, Pattern ignored) {
        String name = thread.getName();
        return JVM_THREADS.matcher(name).matches() || (ignored != null && ignored.matcher(name).matches());
    }

    private static Set<Thread> liveThreads() {
        Map<Thread, StackTraceElement[]> all = Thread.getAllStackTraces();
        return Set.copyOf(all.keySet());
    }
}
