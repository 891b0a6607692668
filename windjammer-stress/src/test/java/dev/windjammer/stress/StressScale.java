package dev.windjammer.stress;

/**
 * How much work the stress and Lincheck tests of this module do: 1 in the default build,
 * more with {@code scripts/stress} (system property {@code windjammer.stress.scale}).
 */
public final class StressScale {

    /** Multiplies the scenarios, invocations and elements of every test. */
    public static final int SCALE = Integer.getInteger("windjammer.stress.scale", 1);

    private StressScale() {
    }
}
