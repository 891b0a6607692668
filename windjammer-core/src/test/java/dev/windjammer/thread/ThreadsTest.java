package dev.windjammer.thread;

import dev.windjammer.UncheckedInterruptedException;
import dev.windjammer.testkit.Delays;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.function.BooleanSupplier;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static dev.windjammer.thread.JoinHandleTest.awaitQuietly;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ThreadsTest {

    @Test
    void spawnedThreadsArePlatformThreadsWithWindjammerNames() {
        JoinHandle<Thread> handle = Threads.spawn(Thread::currentThread);
        Thread thread = handle.join();
        assertThat(thread).isSameAs(handle.thread());
        assertThat(thread.isVirtual()).isFalse();
        assertThat(thread.getName()).matches("windjammer-thread-\\d+");
    }

    @Test
    void spawnedThreadsInheritTheDaemonStatus() {
        JoinHandle<Boolean> fromDaemon = Threads.builder().daemon(true)
                .spawn(() -> Threads.spawn(() -> Thread.currentThread().isDaemon()).join());
        assertThat(fromDaemon.join()).isTrue();
        assertThat(Threads.spawn(() -> Thread.currentThread().isDaemon()).join())
                .isEqualTo(Thread.currentThread().isDaemon());
    }

    @Test
    void spawnRejectsNullBodies() {
        assertThatThrownBy(() -> Threads.spawn((Callable<?>) null)).isInstanceOf(NullPointerException.class)
                .hasMessage("body");
        assertThatThrownBy(() -> Threads.spawn((Runnable) null)).isInstanceOf(NullPointerException.class)
                .hasMessage("body");
    }

    @Test
    void builderNamesTheThreads() {
        Threads.Builder builder = Threads.builder().name("worker");
        assertThat(builder.spawn(() -> Thread.currentThread().getName()).join()).isEqualTo("worker");
        assertThat(builder.spawn(() -> Thread.currentThread().getName()).join()).isEqualTo("worker");
    }

    @Test
    void builderSetsTheDaemonStatus() {
        assertThat(Threads.builder().daemon(true).spawn(() -> Thread.currentThread().isDaemon()).join()).isTrue();
        assertThat(Threads.builder().daemon(false).spawn(() -> Thread.currentThread().isDaemon()).join()).isFalse();
    }

    @Test
    void builderRunsRunnables() {
        int[] ran = new int[1];
        assertThat(Threads.builder().stackSize(1 << 20).spawn(() -> {
            ran[0]++;
        }).join()).isNull();
        assertThat(ran[0]).isEqualTo(1);
    }

    @Test
    void builderRejectsANegativeStackSize() {
        assertThatThrownBy(() -> Threads.builder().stackSize(-1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("stackSize");
    }

    @Test
    void builderRejectsNullArguments() {
        assertThatThrownBy(() -> Threads.builder().name(null)).isInstanceOf(NullPointerException.class)
                .hasMessage("name");
        assertThatThrownBy(() -> Threads.builder().spawn((Callable<?>) null)).hasMessage("body");
        assertThatThrownBy(() -> Threads.builder().spawn((Runnable) null)).hasMessage("body");
    }

    @Test
    void aFailureWhoseHandleIsDroppedUnjoinedIsLoggedOnce() {
        try (CapturedLog log = new CapturedLog()) {
            Thread thread = spawnFailingAndDropHandle("dropped-1");
            TestGc.awaitUntil(() -> log.messagesAbout("dropped-1").size() == 1);
            assertThat(thread.isAlive()).isFalse();
            LogRecord record = log.records.stream()
                    .filter(r -> r.getMessage().contains("dropped-1")).findFirst().orElseThrow();
            assertThat(record.getLevel()).isEqualTo(Level.WARNING);
            assertThat(record.getThrown()).hasMessage("failure of dropped-1");
        }
    }

    @Test
    void aJoinedFailureIsNotLogged() {
        try (CapturedLog log = new CapturedLog()) {
            JoinHandle<Object> joined = Threads.builder().name("joined-1").spawn(() -> {
                throw new IllegalStateException("failure of joined-1");
            });
            assertThatThrownBy(joined::join).hasMessage("failure of joined-1");
            joined = null;
            spawnFailingAndDropHandle("marker-1");
            TestGc.awaitUntil(() -> !log.messagesAbout("marker-1").isEmpty());
            assertThat(log.messagesAbout("joined-1")).isEmpty();
        }
    }

    @Test
    void sleepWaitsAtLeastTheDuration() {
        long start = System.nanoTime();
        Threads.sleep(Delays.SHORT);
        assertThat(System.nanoTime() - start).isGreaterThanOrEqualTo(Delays.SHORT.toNanos());
    }

    @Test
    void sleepReturnsAtOnceForANegativeDuration() {
        Threads.sleep(Duration.ofSeconds(-1));
        Threads.sleep(Duration.ZERO);
    }

    @Test
    void interruptedSleepThrowsUncheckedAndKeepsTheInterruptStatus() {
        Thread.currentThread().interrupt();
        try {
            assertThatThrownBy(() -> Threads.sleep(Delays.LONG)).isInstanceOf(UncheckedInterruptedException.class)
                    .hasCauseInstanceOf(InterruptedException.class);
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
        } finally {
            Thread.interrupted();
        }
    }

    @Test
    void sleepRejectsNull() {
        assertThatThrownBy(() -> Threads.sleep(null)).isInstanceOf(NullPointerException.class).hasMessage("duration");
    }

    @Test
    void availableParallelismIsWhatTheJvmReports() {
        assertThat(Threads.availableParallelism()).isPositive()
                .isEqualTo(Runtime.getRuntime().availableProcessors());
    }

    private static Thread spawnFailingAndDropHandle(String name) {
        CountDownLatch done = new CountDownLatch(1);
        JoinHandle<Object> handle = Threads.builder().name(name).spawn(() -> {
            done.countDown();
            throw new IllegalStateException("failure of " + name);
        });
        awaitQuietly(done);
        return handle.thread();
    }

    /** Captures what the thread layer logs through System.Logger (routed to java.util.logging). */
    static final class CapturedLog extends Handler implements AutoCloseable {
        final List<LogRecord> records = new CopyOnWriteArrayList<>();
        private final Logger logger = Logger.getLogger("dev.windjammer.thread");

        private final boolean parentHandlers = logger.getUseParentHandlers();

        CapturedLog() {
            logger.addHandler(this);
            logger.setUseParentHandlers(false);
        }

        List<String> messagesAbout(String threadName) {
            return records.stream().map(LogRecord::getMessage).filter(m -> m.contains("\"" + threadName + "\"")).toList();
        }

        @Override
        public void publish(LogRecord record) {
            records.add(record);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
            logger.setUseParentHandlers(parentHandlers);
            logger.removeHandler(this);
        }
    }

    /** Runs the garbage collector until a condition holds, for at most {@link Delays#LONG}. */
    static final class TestGc {
        static void awaitUntil(BooleanSupplier condition) {
            long deadline = System.nanoTime() + Delays.LONG.toNanos();
            while (!condition.getAsBoolean()) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("condition not met within " + Delays.LONG);
                }
                System.gc();
                Delays.sleep(Delays.SHORT);
            }
        }
    }
}
