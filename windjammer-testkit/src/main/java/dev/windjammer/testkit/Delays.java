package dev.windjammer.testkit;

import java.time.Duration;

/**
 * The only delays a test may use (JSR166 TCK rule: delays through named constants). Scaled by
 * the system property {@code windjammer.test.delay.factor} (default 1) for slow machines.
 */
public final class Delays {

    private static final double FACTOR = Double.parseDouble(
            System.getProperty("windjammer.test.delay.factor", "1"));

    /** Time after which something that should not happen is assumed not to have happened. */
    public static final Duration SHORT = scaled(50);

    /** A delay long enough that a concurrent party has surely started waiting. */
    public static final Duration MEDIUM = scaled(250);

    /** Time within which something that should happen will have happened; a wait longer is a hang. */
    public static final Duration LONG = scaled(10_000);

    private Delays() {
    }

    private static Duration scaled(long millis) {
        return Duration.ofMillis(Math.max(1, Math.round(millis * FACTOR)));
    }

    /**
     * Sleeps for {@code delay}, turning an interruption into a test failure.
     *
     * @param delay one of the constants of this class
     */
    public static void sleep(Duration delay) {
        try {
            Thread.sleep(delay);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while sleeping " + delay, e);
        }
    }
}
