package dev.windjammer.compute;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.OptionalDouble;
import java.util.Random;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;

/** What differs between the generated variants: long ranges, double bits, double ordering. */
class LongAndDoubleParallelSeqTest {

    private static ComputePool pool; // one per test: the leak check verifies close() every time

    @BeforeEach
    void startPool() {
        pool = ComputePool.builder().threads(2).name("long-double-test").build();
    }

    @AfterEach
    void closePool() {
        pool.close();
    }

    @Test
    void longRangeBeyondIntIndices() {
        long start = Integer.MAX_VALUE - 10L;
        assertThat(pool.range(start, start + 1_000_000).sum())
                .isEqualTo(LongStream.range(start, start + 1_000_000).sum());
        assertThat(pool.range(start, start + 1_000_000).filter(v -> v % 1_000 == 0).findFirst())
                .hasValue(LongStream.range(start, start + 1_000_000).filter(v -> v % 1_000 == 0).findFirst().getAsLong());
    }

    @Test
    void longArraySortAndExtremes() {
        long[] values = new Random(9).longs(200_000).toArray();
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        assertThat(pool.over(values).sorted().toArray()).isEqualTo(sorted);
        assertThat(pool.over(values).min()).hasValue(sorted[0]);
        assertThat(pool.over(values).max()).hasValue(sorted[sorted.length - 1]);
    }

    @Test
    void doubleReductionsTravelAsRawBits() {
        double[] values = new Random(13).doubles(100_000, -1, 1).toArray();
        assertThat(pool.over(values).max()).isEqualTo(Arrays.stream(values).max());
        assertThat(pool.over(values).min()).isEqualTo(Arrays.stream(values).min());
        assertThat(pool.over(values).sum()).isCloseTo(Arrays.stream(values).sum(), org.assertj.core.data.Offset.offset(1e-6));
        assertThat(pool.over(new double[] {-0.0, 0.0}).reduce(Math::min)).isEqualTo(OptionalDouble.of(-0.0));
        assertThat(pool.over(new double[] {1, Double.NaN, 3}).max().getAsDouble()).isNaN();
    }

    @Test
    void doubleSortUsesTheTotalOrderOfDoubleCompare() {
        double[] values = {3, Double.NaN, -0.0, 0.0, -1, Double.NEGATIVE_INFINITY};
        double[] expected = values.clone();
        Arrays.sort(expected);
        assertThat(pool.over(values).sorted().toArray()).isEqualTo(expected);
        double[] many = new Random(2).doubles(150_000).toArray();
        double[] manySorted = many.clone();
        Arrays.sort(manySorted);
        assertThat(pool.over(many).sorted().toArray()).isEqualTo(manySorted);
    }

    @Test
    void conversionsBetweenKinds() {
        assertThat(pool.over(new double[] {1.5, 2.5}).mapToLong(d -> (long) (d * 2)).toArray()).containsExactly(3L, 5L);
        assertThat(pool.over(new long[] {1, 2}).mapToInt(v -> (int) v * 10).toArray()).containsExactly(10, 20);
        assertThat(pool.over(new double[] {0.5}).boxed().toList()).containsExactly(0.5);
    }
}
