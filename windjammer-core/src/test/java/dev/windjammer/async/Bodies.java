package dev.windjammer.async;

import dev.windjammer.testkit.Delays;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** Bodies and waits the async tests use inside tasks. */
final class Bodies {

    private Bodies() {
    }

    /**
     * Blocks until the thread is interrupted and throws the {@link InterruptedException}; fails
     * if no interrupt comes within {@link Delays#LONG}.
     */
    static <T> T blockUntilCancelled() throws InterruptedException {
        Thread.sleep(Delays.LONG);
        throw new AssertionError("the body was not cancelled within " + Delays.LONG);
    }

    /** Waits for {@code latch}, failing after {@link Delays#LONG}. */
    static void await(CountDownLatch latch) throws InterruptedException {
        if (!latch.await(Delays.LONG.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("latch not released within " + Delays.LONG);
        }
    }

    /** Sleeps for {@code duration} whatever interrupts come, then restores the interrupt status. */
    static void sleepIgnoringInterrupts(Duration duration) {
        long deadline = System.nanoTime() + duration.toNanos();
        boolean interrupted = false;
        long left;
        while ((left = deadline - System.nanoTime()) > 0) {
            try {
                Thread.sleep(Duration.ofNanos(left));
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
