package dev.windjammer.sync;

/**
 * How long a waiter on one channel spins before it parks, adapted to what spinning achieved
 * on that channel lately.
 */
final class SpinBudget {
    /*
     * Implementation notes
     *
     * Why adaptive. A spin that sees the partner arrive saves a park/unpark (a futex wake and
     * two context switches for platform threads, about 5 to 50 microseconds; an unmount and a
     * resubmission for virtual threads). A spin whose partner is not running (more runnable
     * threads than cores, or a partner that is simply slow) only burns the core that partner
     * needs. Measured on our 2-core machine with other builds running, a fixed 8,192-iteration
     * spin made a one-producer, one-consumer bounded(16) channel 20 times slower than no spin;
     * when both parties do run, a spin of a few hundred nanoseconds replaces a park/unpark of
     * microseconds. A fixed count cannot serve both (jox spins 128 times for rendezvous
     * channels, LinkedTransferQueue 128 times at the head of its queue); HotSpot's monitors
     * learn from the success of past spins (objectMonitor.cpp, "adaptive spin-then-block"),
     * and so does this.
     *
     * Rule. A spin that was selected raises the budget by half (plus a step, so that it grows
     * from the minimum), a spin that ended in a park halves it, within [MIN, MAX]. MIN keeps
     * probing cheaply (about 0.3 us of PAUSE on current x86) so that the budget can grow back
     * when the machine quietens; MAX (about 10 us) stays below the cost of a park/unpark.
     *
     * Virtual threads never spin. Parking one is cheap (its continuation is unmounted, and
     * the partner that unparks it usually resumes it on the same carrier right after parking
     * itself), and a spinning virtual thread holds a carrier that the partner may need: with
     * 10,000 virtual threads on 2 carriers the partner is almost never running. The JDK's
     * LinkedTransferQueue makes the same choice (it does not spin when the carrier has queued
     * work).
     *
     * Concurrency. `spins` is a plain int updated racily by every waiter of the channel: a
     * lost update only delays adaptation, and an int write is atomic.
     */

    static final int MIN = 8;
    static final int MAX = 256;
    private static final boolean MULTICORE = Runtime.getRuntime().availableProcessors() > 1;

    private int spins = 64;

    /** Returns how many times to spin now: 0 on a single CPU and for virtual threads. */
    int current() {
        return MULTICORE && !Thread.currentThread().isVirtual() ? spins : 0;
    }

    /** Records that a spin of {@code budget} iterations saw what it waited for. */
    void succeeded(int budget) {
        spins = Math.min(MAX, budget + (budget >> 1) + MIN);
    }

    /** Records that a spin of {@code budget} iterations ended in a park. */
    void failed(int budget) {
        spins = Math.max(MIN, budget >> 1);
    }

    /**
     * Waits for {@code waiter} to be selected: spins within the budget, then parks.
     *
     * @return what {@link Waiter#park} returns
     */
    WaitNode await(Waiter waiter, boolean timed, long deadline) {
        int budget = current();
        if (budget > 0) {
            WaitNode selected = waiter.spin(budget);
            if (selected != null) {
                succeeded(budget);
                return selected;
            }
            failed(budget);
        }
        return waiter.park(timed, deadline);
    }
}
