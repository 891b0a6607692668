package dev.windjammer.compute;

/** Throws a checked exception from a lambda that declares none, to test wrapping. */
final class Sneaky {

    private Sneaky() {
    }

    @SuppressWarnings("unchecked")
    static <E extends Throwable> RuntimeException raise(Throwable checked) throws E {
        throw (E) checked;
    }

    /** Burns about {@code nanos} of CPU on the calling thread. */
    static long spin(long nanos) {
        long end = System.nanoTime() + nanos;
        long x = 0;
        while (System.nanoTime() < end) {
            x++;
        }
        return x;
    }
}
