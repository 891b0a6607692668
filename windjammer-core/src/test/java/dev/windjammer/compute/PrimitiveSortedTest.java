package dev.windjammer.compute;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Arrays;
import java.util.Random;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The primitive {@code sorted()}: a parallel merge sort of runs (ADR 0013) that must give
 * exactly the order of {@code Arrays.sort} for every size, distribution and special value, and
 * never write the user's array.
 */
class PrimitiveSortedTest {

    private static final int THRESHOLD = MergeSort.MIN_PARALLEL;

    private ComputePool pool; // one per test: the leak check verifies close() every time

    @BeforeEach
    void startPool() {
        pool = ComputePool.builder().threads(2).name("primitive-sorted-test").build();
    }

    @AfterEach
    void closePool() {
        pool.close();
    }

    private static int[] expected(int[] values) {
        int[] copy = values.clone();
        Arrays.sort(copy);
        return copy;
    }

    private void assertSortsLikeArraysSort(int[] values) {
        int[] before = values.clone();
        assertThat(pool.over(values).sorted().toArray()).isEqualTo(expected(values));
        assertThat(values).isEqualTo(before); // the source is never sorted in place
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 3, 1000, THRESHOLD - 1, THRESHOLD, THRESHOLD + 1, 2 * THRESHOLD + 7, 300_001})
    void randomIntsOfSizesAroundTheThresholds(int size) {
        assertSortsLikeArraysSort(new Random(size).ints(size).toArray());
    }

    @ParameterizedTest
    @ValueSource(ints = {THRESHOLD - 1, THRESHOLD, 200_000})
    void allEqual(int size) {
        int[] values = new int[size];
        Arrays.fill(values, 42);
        assertSortsLikeArraysSort(values);
    }

    @Test
    void alreadySorted() {
        assertSortsLikeArraysSort(IntStream.range(0, 200_000).toArray());
    }

    @Test
    void reverseSorted() {
        assertSortsLikeArraysSort(IntStream.range(0, 200_000).map(i -> 200_000 - i).toArray());
    }

    @Test
    void fewDistinctValues() {
        assertSortsLikeArraysSort(new Random(5).ints(200_000, 0, 3).toArray());
    }

    @Test
    void oneValueDominates() {
        Random random = new Random(6);
        int[] values = IntStream.range(0, 200_000).map(i -> random.nextInt(10) == 0 ? random.nextInt() : 7).toArray();
        assertSortsLikeArraysSort(values);
    }

    @Test
    void extremeValues() {
        Random random = new Random(8);
        int[] values = IntStream.range(0, 100_000)
                .map(i -> switch (random.nextInt(4)) {
                    case 0 -> Integer.MIN_VALUE;
                    case 1 -> Integer.MAX_VALUE;
                    default -> random.nextInt();
                })
                .toArray();
        assertSortsLikeArraysSort(values);
    }

    @Test
    void sortsInPlaceOnlyWhatThePipelineComputed() {
        int[] values = new Random(3).ints(150_000).toArray();
        int[] before = values.clone();
        int[] doubled = Arrays.stream(values).map(v -> v * 2).toArray();
        Arrays.sort(doubled);
        assertThat(pool.over(values).map(v -> v * 2).sorted().toArray()).isEqualTo(doubled);
        int[] small = Arrays.copyOf(values, 100);
        int[] smallDoubled = Arrays.stream(small).map(v -> v * 2).sorted().toArray();
        assertThat(pool.over(small).map(v -> v * 2).sorted().toArray()).isEqualTo(smallDoubled);
        assertThat(values).isEqualTo(before);
    }

    @Test
    void sortedTwiceAndThenFiltered() {
        int[] values = new Random(4).ints(120_000, 0, 1_000).toArray();
        int[] expected = Arrays.stream(values).sorted().filter(v -> v % 2 == 0).toArray();
        assertThat(pool.over(values).sorted().sorted().filter(v -> v % 2 == 0).toArray()).isEqualTo(expected);
    }

    @Test
    void longsAroundTheThreshold() {
        for (int size : new int[] {THRESHOLD - 1, THRESHOLD, 250_000}) {
            long[] values = new Random(size).longs(size).toArray();
            long[] before = values.clone();
            long[] expected = values.clone();
            Arrays.sort(expected);
            assertThat(pool.over(values).sorted().toArray()).isEqualTo(expected);
            assertThat(values).isEqualTo(before);
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {100, THRESHOLD - 1, THRESHOLD, 250_000})
    void doublesWithNaNsSignedZerosAndInfinitiesInTheOrderOfArraysSort(int size) {
        Random random = new Random(size);
        double[] values = new double[size];
        for (int i = 0; i < size; i++) {
            values[i] = switch (random.nextInt(10)) {
                case 0 -> Double.NaN;
                case 1 -> Double.longBitsToDouble(0x7ff8_0000_0000_0001L + random.nextInt(1000)); // other NaNs
                case 2 -> -0.0;
                case 3 -> 0.0;
                case 4 -> random.nextBoolean() ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
                case 5 -> random.nextBoolean() ? Double.MIN_VALUE : -Double.MIN_VALUE;
                default -> random.nextGaussian() * 1e6;
            };
        }
        double[] before = values.clone();
        double[] expected = values.clone();
        Arrays.sort(expected);
        double[] sorted = pool.over(values).sorted().toArray();
        assertThat(sorted).isEqualTo(expected); // NaN == NaN and -0.0 != 0.0, as in Double.equals
        for (int i = 0; i < size; i++) {
            assertThat(Double.compare(sorted[i], expected[i])).as("position %d", i).isZero();
        }
        assertThat(Arrays.stream(values).mapToLong(Double::doubleToRawLongBits).toArray())
                .isEqualTo(Arrays.stream(before).mapToLong(Double::doubleToRawLongBits).toArray());
    }

    @Test
    void onOneWorkerAndOnTheSequentialBackend() {
        int[] values = new Random(11).ints(100_000).toArray();
        int[] before = values.clone();
        try (ComputePool one = ComputePool.builder().threads(1).name("primitive-sorted-one").build();
             ComputePool sequential = ComputePool.builder().backend("sequential").build()) {
            assertThat(one.over(values).sorted().toArray()).isEqualTo(expected(values));
            assertThat(sequential.over(values).sorted().toArray()).isEqualTo(expected(values));
        }
        assertThat(values).isEqualTo(before);
    }
}
