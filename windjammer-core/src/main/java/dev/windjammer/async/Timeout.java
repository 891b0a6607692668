package dev.windjammer.async;

import dev.windjammer.TimedOutException;
import dev.windjammer.internal.Failures;
import dev.windjammer.internal.RunnableTask;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The implementation of {@code Async.timeout}: runs a body on the calling thread with an alarm
 * that interrupts it when the time runs out.
 */
final class Timeout {
    /*
     * Implementation notes
     *
     * Overview. Kotlin's withTimeout, not tokio's timeout (ADR 0032): the body runs on the
     * caller's thread (it keeps the caller's thread-locals, locks and stack trace), and when the
     * time runs out it is cancelled -- interrupted -- and the call waits for it to end before
     * throwing TimedOutException. Java cannot drop a running body as tokio drops a future; what
     * we can promise instead is that nothing of the body still runs when the call returns.
     *
     * The alarm. One shared ScheduledThreadPoolExecutor whose single worker is a virtual thread
     * named "windjammer-async-timer" (core thread times out when idle, so an unused layer keeps
     * no thread). Arming costs one ScheduledFutureTask and a heap insertion; removeOnCancel
     * keeps the queue as small as the number of timeouts in flight. A timer per call (a
     * sleeping virtual thread) would cost a thread start and, to leak nothing, a join.
     *
     * Who wins. The alarm and the body's end race through CallerInterrupt: if the alarm's CAS
     * wins, the body was interrupted and the call throws TimedOutException even if the body
     * then returned a value (the value is dropped, as in Kotlin; a body that acquires a resource
     * must release it itself); if the end's CAS wins, the alarm does nothing and the body's
     * result stands.
     *
     * Memory ordering. Everything happens on the caller's thread, apart from the interrupt.
     */

    private static final String TIMER_THREAD = "windjammer-async-timer";
    private static final long TIMER_KEEP_ALIVE_SECONDS = 10;

    private Timeout() {
    }

    static <T> T run(Duration limit, Callable<T> body) {
        Objects.requireNonNull(limit, "limit");
        Objects.requireNonNull(body, "body");
        long nanos = RunnableTask.toNanos(limit);
        if (nanos <= 0) {
            throw timedOut(limit, null);
        }
        CallerInterrupt alarm = new CallerInterrupt();
        ScheduledFuture<?> armed = Timer.EXECUTOR.schedule(alarm::interrupt, nanos, TimeUnit.NANOSECONDS);
        T value;
        try {
            value = body.call();
        } catch (Throwable t) {
            armed.cancel(false);
            if (alarm.end()) {
                throw timedOut(limit, t);
            }
            if (t instanceof InterruptedException interrupted) {
                throw CallerInterrupt.fromOutside(interrupted);
            }
            throw Failures.propagate(t);
        }
        armed.cancel(false);
        if (alarm.end()) {
            throw timedOut(limit, null);
        }
        return value;
    }

    private static TimedOutException timedOut(Duration limit, Throwable bodyEndedWith) {
        TimedOutException e = new TimedOutException("result of the Async.timeout body", limit);
        if (bodyEndedWith != null) {
            e.initCause(bodyEndedWith);
        }
        return e;
    }

    /** Holder of the shared alarm clock, created on the first timeout. */
    private static final class Timer {
        static final ScheduledThreadPoolExecutor EXECUTOR = create();

        private static ScheduledThreadPoolExecutor create() {
            ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1,
                    Thread.ofVirtual().name(TIMER_THREAD).factory());
            executor.setRemoveOnCancelPolicy(true);
            executor.setKeepAliveTime(TIMER_KEEP_ALIVE_SECONDS, TimeUnit.SECONDS);
            executor.allowCoreThreadTimeOut(true);
            return executor;
        }
    }
}
