package dev.windjammer.async;

import dev.windjammer.UncheckedInterruptedException;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * Lets another thread interrupt the thread that runs a body of user code, while and only while
 * that body runs, without the interrupt leaking into the caller's code after it. Used by a
 * scope (a failed child interrupts the scope's body) and by {@code Async.timeout} (the alarm
 * interrupts the body).
 */
final class CallerInterrupt {
    /*
     * Implementation notes
     *
     * Overview. The body runs on the caller's own thread (ADR 0030), so cancelling it means
     * interrupting that thread. The danger is an interrupt that arrives after the body has
     * returned: the caller would carry a stray interrupt status into unrelated code. FutureTask
     * has the same problem with cancel(true) racing the end of run() and solves it with the
     * INTERRUPTING/INTERRUPTED states; this is that protocol, cut down to its essentials.
     *
     * Protocol. state starts RUNNING. interrupt() wins RUNNING -> INTERRUPTING by CAS, then
     * interrupts the caller, then publishes INTERRUPTED. end() (the caller, after the body)
     * tries RUNNING -> ENDED: if that wins, no interrupt from us was or will be delivered; if it
     * loses, an interrupt from us is under way, so it waits until INTERRUPTED (the interrupt has
     * landed) and clears the interrupt status. Exactly one of the two CASes wins, so the body is
     * interrupted at most once and never after end() returned.
     *
     * Limit. An interrupt from a third party that lands while ours is pending is cleared with
     * ours: the two cannot be told apart. The caller then reports the failure that made us
     * interrupt (a failed child, an expired timeout), so the cancellation is not lost silently.
     *
     * Memory ordering. The CASes are volatile; INTERRUPTED is a volatile write after
     * Thread.interrupt(), so end() observing it sees the interrupt status set.
     */

    private static final int RUNNING = 0;
    private static final int ENDED = 1;
    private static final int INTERRUPTING = 2;
    private static final int INTERRUPTED = 3;
    private static final VarHandle STATE;

    static {
        try {
            STATE = MethodHandles.lookup().findVarHandle(CallerInterrupt.class, "state", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final Thread caller = Thread.currentThread();
    private volatile int state; // RUNNING

    /**
     * Interrupts the caller if its body is still running; any thread may call this.
     */
    void interrupt() {
        if (STATE.compareAndSet(this, RUNNING, INTERRUPTING)) {
            caller.interrupt();
            state = INTERRUPTED;
        }
    }

    /**
     * Called by the caller when its body has ended; after this, {@link #interrupt()} does
     * nothing.
     *
     * @return whether {@link #interrupt()} interrupted the body (that interrupt status is
     *         cleared again)
     */
    boolean end() {
        if (STATE.compareAndSet(this, RUNNING, ENDED)) {
            return false;
        }
        while (state == INTERRUPTING) {
            Thread.yield();
        }
        Thread.interrupted();
        return true;
    }

    /**
     * Translates an {@link InterruptedException} that escaped a body which {@link #interrupt()}
     * did not interrupt: the caller's thread was interrupted from outside, which a Windjammer
     * call reports as {@link UncheckedInterruptedException} with the interrupt status set.
     *
     * @param e what the body threw
     * @return the exception to throw
     */
    static UncheckedInterruptedException fromOutside(InterruptedException e) {
        Thread.currentThread().interrupt();
        return new UncheckedInterruptedException("the body was interrupted", e);
    }
}
