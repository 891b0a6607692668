package dev.windjammer.async;

import com.sun.management.HotSpotDiagnosticMXBean;
import dev.windjammer.testkit.Delays;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Fails a test that leaves a virtual thread running: every virtual thread alive after the test
 * that was not alive before it must end within {@link Delays#LONG}. The complement of the
 * testkit's {@code ThreadLeakExtension}, which sees platform threads only.
 *
 * <p>Virtual threads are not listed by {@link Thread#getAllStackTraces()}; this check reads
 * the JDK's JSON thread dump ({@link HotSpotDiagnosticMXBean#dumpThreads}), which lists every
 * virtual thread while {@code jdk.trackAllThreads} is on (its default). It costs the library
 * nothing (ADR 0033). The async layer's shared timer thread, which lives by design, is exempt.
 *
 * <p>Register with {@code @ExtendWith(VirtualThreadLeakCheck.class)} on every test class of
 * the async layer.
 */
public final class VirtualThreadLeakCheck implements BeforeEachCallback, AfterEachCallback {

    private static final String TIMER_THREAD = "windjammer-async-timer";
    private static final AtomicLong DUMPS = new AtomicLong();
    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(VirtualThreadLeakCheck.class);

    @Override
    public void beforeEach(ExtensionContext context) {
        context.getStore(NAMESPACE).put("before", Set.copyOf(liveVirtualThreads().keySet()));
    }

    @Override
    public void afterEach(ExtensionContext context) {
        @SuppressWarnings("unchecked")
        Set<String> before = (Set<String>) context.getStore(NAMESPACE).get("before", Set.class);
        long deadline = System.nanoTime() + Delays.LONG.toNanos();
        Map<String, String> leaked;
        while (true) {
            leaked = liveVirtualThreads();
            leaked.keySet().removeAll(before);
            if (leaked.isEmpty()) {
                return;
            }
            if (System.nanoTime() - deadline > 0) {
                break;
            }
            Delays.sleep(Delays.SHORT);
        }
        StringBuilder message = new StringBuilder("test ").append(context.getDisplayName())
                .append(" left ").append(leaked.size()).append(" virtual thread(s) running after ")
                .append(Delays.LONG.toMillis()).append(" ms:\n");
        leaked.values().stream().limit(20).forEach(thread -> message.append(thread).append('\n'));
        throw new AssertionError(message.toString());
    }

    /**
     * Returns the live virtual threads other than the async timer, by thread id, each with a
     * printable description (name, state, stack).
     *
     * @return thread id to description
     */
    public static Map<String, String> liveVirtualThreads() {
        String dump = dump();
        Map<String, String> threads = new LinkedHashMap<>();
        String[] chunks = dump.split("\"tid\": \"");
        for (int i = 1; i < chunks.length; i++) {
            String chunk = chunks[i];
            if (!chunk.contains("\"virtual\": true")) {
                continue;
            }
            String tid = chunk.substring(0, chunk.indexOf('"'));
            String name = field(chunk, "name");
            if (TIMER_THREAD.equals(name)) {
                continue;
            }
            threads.put(tid, "#" + tid + " \"" + name + "\" " + field(chunk, "state") + " " + stack(chunk));
        }
        return threads;
    }

    private static String stack(String chunk) {
        int start = chunk.indexOf("\"stack\"");
        int end = start < 0 ? -1 : chunk.indexOf(']', start);
        return end < 0 ? "(no stack)" : chunk.substring(start, end + 1).replaceAll("\\s+", " ");
    }

    private static String field(String chunk, String name) {
        String key = "\"" + name + "\": \"";
        int start = chunk.indexOf(key);
        if (start < 0) {
            return "?";
        }
        start += key.length();
        return chunk.substring(start, chunk.indexOf('"', start));
    }

    private static String dump() {
        try {
            Path file = Files.createTempDirectory("windjammer-vthreads")
                    .resolve("dump-" + DUMPS.incrementAndGet() + ".json");
            try {
                ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class)
                        .dumpThreads(file.toString(), HotSpotDiagnosticMXBean.ThreadDumpFormat.JSON);
                return Files.readString(file);
            } finally {
                Files.deleteIfExists(file);
                Files.deleteIfExists(file.getParent());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not dump threads", e);
        }
    }
}
