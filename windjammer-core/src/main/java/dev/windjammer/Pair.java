package dev.windjammer;

/**
 * Two values produced together, such as the results of
 * {@link dev.windjammer.compute.Compute#join Compute.join} and {@code Async.join}.
 *
 * <p>The Java twin of a Rust tuple {@code (A, B)}. Either component may be {@code null} when the
 * computation that produced it returned {@code null}.
 *
 * @param first  the first value (from the first argument of the call that made this pair)
 * @param second the second value
 * @param <A>    type of the first value
 * @param <B>    type of the second value
 */
public record Pair<A, B>(A first, B second) {

    /**
     * Returns a pair of the two values; a shorter spelling of the canonical constructor.
     *
     * @param first  the first value, may be {@code null}
     * @param second the second value, may be {@code null}
     * @param <A>    type of the first value
     * @param <B>    type of the second value
     * @return a new pair
     */
    public static <A, B> Pair<A, B> of(A first, B second) {
        return new Pair<>(first, second);
    }
}
