package dev.windjammer.async;

import dev.windjammer.testkit.Delays;
import dev.windjammer.testkit.TestThreads;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(VirtualThreadLeakCheck.class)
class CallerInterruptTest {

    @Test
    void endWithoutInterruptReportsNothingAndLeavesTheFlagAlone() {
        CallerInterrupt guard = new CallerInterrupt();
        assertThat(guard.end()).isFalse();
        assertThat(Thread.currentThread().isInterrupted()).isFalse();
    }

    @Test
    void interruptWhileRunningReachesTheCallerAndEndClearsIt() throws Exception {
        AtomicReference<CallerInterrupt> guard = new AtomicReference<>();
        CountDownLatch running = new CountDownLatch(1);
        AtomicBoolean sawInterrupt = new AtomicBoolean();
        AtomicBoolean endReported = new AtomicBoolean();
        AtomicBoolean flagAfterEnd = new AtomicBoolean(true);
        try (TestThreads threads = new TestThreads()) {
            threads.start(() -> {
                guard.set(new CallerInterrupt());
                running.countDown();
                long deadline = System.nanoTime() + Delays.LONG.toNanos();
                while (!Thread.currentThread().isInterrupted() && System.nanoTime() - deadline < 0) {
                    LockSupport.parkNanos(Delays.SHORT.toNanos());
                }
                sawInterrupt.set(Thread.currentThread().isInterrupted());
                endReported.set(guard.get().end());
                flagAfterEnd.set(Thread.currentThread().isInterrupted());
            });
            Bodies.await(running);
            guard.get().interrupt();
        }
        assertThat(sawInterrupt).isTrue();
        assertThat(endReported).isTrue();
        assertThat(flagAfterEnd).isFalse();
    }

    @Test
    void interruptAfterEndDoesNothing() throws Exception {
        CallerInterrupt guard = new CallerInterrupt();
        guard.end();
        try (TestThreads threads = new TestThreads()) {
            threads.start(guard::interrupt);
        }
        assertThat(Thread.currentThread().isInterrupted()).isFalse();
    }

    @Test
    void anOutsideInterruptIsLeftForTheCallerWhenTheGuardDidNotFire() {
        CallerInterrupt guard = new CallerInterrupt();
        Thread.currentThread().interrupt();
        try {
            assertThat(guard.end()).isFalse();
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
        } finally {
            Thread.interrupted();
        }
    }
}
