package dev.windjammer.compute;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.OptionalInt;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Tests the generated primitive sequence through its {@code int} form. */
class IntParallelSeqTest {

    private static ComputePool pool; // one per test: the leak check verifies close() every time

    @BeforeEach
    void startPool() {
        pool = ComputePool.builder().threads(2).name("int-seq-test").build();
    }

    @AfterEach
    void closePool() {
        pool.close();
    }

    private static final int[] VALUES = new Random(5).ints(300_000, -1_000, 1_000).toArray();

    @Test
    void mapFilterToArrayMatchesIntStream() {
        assertThat(pool.over(VALUES).map(v -> v * 3).filter(v -> v % 2 == 0).toArray())
                .isEqualTo(Arrays.stream(VALUES).map(v -> v * 3).filter(v -> v % 2 == 0).toArray());
    }

    @Test
    void rangeCoversEveryIndexOnce() {
        AtomicInteger[] seen = new AtomicInteger[100_000];
        Arrays.setAll(seen, i -> new AtomicInteger());
        pool.range(0, 100_000).forEach(i -> seen[i].incrementAndGet());
        assertThat(seen).allSatisfy(s -> assertThat(s).hasValue(1));
        assertThat(pool.range(5, 5).count()).isZero();
        assertThat(pool.range(5, 2).toArray()).isEmpty();
        assertThat(pool.range(-3, 2).toArray()).containsExactly(-3, -2, -1, 0, 1);
    }

    @Test
    void sumMinMaxReduce() {
        assertThat(pool.over(VALUES).sum()).isEqualTo(Arrays.stream(VALUES).sum());
        assertThat(pool.over(VALUES).min()).isEqualTo(Arrays.stream(VALUES).min());
        assertThat(pool.over(VALUES).max()).isEqualTo(Arrays.stream(VALUES).max());
        assertThat(pool.over(new int[0]).max()).isEmpty();
        assertThat(pool.over(new int[0]).sum()).isZero();
        assertThat(pool.over(VALUES).reduce(0, Integer::sum)).isEqualTo(Arrays.stream(VALUES).sum());
        assertThat(pool.over(new int[0]).reduce(7, Integer::sum)).isEqualTo(7);
        assertThat(pool.over(VALUES).reduce(Math::max)).isEqualTo(Arrays.stream(VALUES).max());
    }

    @Test
    void nonCommutativeReduceKeepsOrder() {
        // (a, b) -> b is associative but not commutative: the result is the last element
        assertThat(pool.range(0, 123_457).reduce((a, b) -> b)).hasValue(123_456);
        assertThat(pool.range(0, 123_457).reduce((a, b) -> a)).hasValue(0);
    }

    @Test
    void sortedMatchesArraysSort() {
        int[] expected = VALUES.clone();
        Arrays.sort(expected);
        assertThat(pool.over(VALUES).sorted().toArray()).isEqualTo(expected);
        assertThat(VALUES).isNotEqualTo(expected); // the source is not sorted in place
    }

    @Test
    void sortedOfTinyAndEmptyInputs() {
        assertThat(pool.over(new int[0]).sorted().toArray()).isEmpty();
        assertThat(pool.over(new int[] {3, 1, 2}).sorted().toArray()).containsExactly(1, 2, 3);
    }

    @Test
    void chunksAreConsecutiveArrays() {
        List<int[]> chunks = pool.range(0, 7).chunks(3).toList();
        assertThat(chunks).hasSize(3);
        assertThat(chunks.get(0)).containsExactly(0, 1, 2);
        assertThat(chunks.get(2)).containsExactly(6);
    }

    @Test
    void flatMapExpandsInOrder() {
        assertThat(pool.range(0, 4).flatMap(i -> i % 2 == 0 ? new int[] {i, i} : null).toArray())
                .containsExactly(0, 0, 2, 2);
    }

    @Test
    void mapToOtherKinds() {
        assertThat(pool.range(0, 4).mapToLong(i -> (long) i << 32).toArray())
                .containsExactly(0L, 1L << 32, 2L << 32, 3L << 32);
        assertThat(pool.range(0, 3).mapToDouble(i -> i / 4.0).toArray()).containsExactly(0, 0.25, 0.5);
        assertThat(pool.range(0, 3).mapToObj(i -> "#" + i).toList()).containsExactly("#0", "#1", "#2");
        assertThat(pool.range(0, 3).boxed().toList()).containsExactly(0, 1, 2);
    }

    @Test
    void findFirstAndMatches() {
        assertThat(pool.range(0, 10_000_000).filter(i -> i >= 5_000_000).findFirst()).isEqualTo(OptionalInt.of(5_000_000));
        assertThat(pool.range(0, 1_000).filter(i -> i < 0).findFirst()).isEmpty();
        assertThat(pool.range(0, 1_000).filter(i -> i == 500).findAny()).isEqualTo(OptionalInt.of(500));
        assertThat(pool.range(0, 1_000).anyMatch(i -> i == 999)).isTrue();
        assertThat(pool.range(0, 1_000).allMatch(i -> i < 1_000)).isTrue();
        assertThat(pool.range(0, 1_000).noneMatch(i -> i == 3)).isFalse();
    }

    @Test
    void foldBuildsAHistogram() {
        long[] histogram = pool.over(VALUES).fold(() -> new long[20], (h, v) -> {
            h[(v + 1_000) / 100]++;
            return h;
        }, (a, b) -> {
            for (int i = 0; i < a.length; i++) {
                a[i] += b[i];
            }
            return a;
        });
        assertThat(Arrays.stream(histogram).sum()).isEqualTo(VALUES.length);
    }

    @Test
    void foldWithImmutableAccumulatorsKeepsEncounterOrderAcrossChunks() {
        StringBuilder expected = new StringBuilder();
        IntStream.range(0, 30_000).forEach(v -> expected.append(v % 10));
        String folded = pool.range(0, 30_000).fold(() -> "", (text, v) -> text.length() < 40_000 ? text + (v % 10) : text,
                String::concat);
        assertThat(folded).isEqualTo(expected.toString());
    }

    @Test
    void foldWhoseAccumulatorIsSometimesReplacedKeepsEveryValue() {
        long[] sum = pool.range(0, 200_000).fold(() -> new long[1], (box, v) -> {
            long[] next = v % 1_000 == 0 ? box.clone() : box; // a new accumulator now and then
            next[0] += v;
            return next;
        }, (a, b) -> new long[] {a[0] + b[0]});
        assertThat(sum[0]).isEqualTo(IntStream.range(0, 200_000).asLongStream().sum());
    }

    @Test
    void countOfFilteredValues() {
        assertThat(pool.range(0, 1_000_000).filter(i -> i % 3 == 0).count())
                .isEqualTo(IntStream.range(0, 1_000_000).filter(i -> i % 3 == 0).count());
    }

    @Test
    void forEachSeesEveryValue() {
        LongAdder sum = new LongAdder();
        pool.over(VALUES).forEach(sum::add);
        assertThat(sum.sum()).isEqualTo(Arrays.stream(VALUES).asLongStream().sum());
    }

    @Test
    void failureOfAPrimitiveFunctionReachesTheCallerAsTheSameInstance() {
        ArithmeticException boom = new ArithmeticException("x");
        assertThatThrownBy(() -> pool.range(0, 100_000).map(i -> {
            if (i == 99_000) {
                throw boom;
            }
            return i;
        }).sum()).isSameAs(boom);
    }

    @Test
    void nullArgumentsAreRejectedByName() {
        assertThatThrownBy(() -> pool.over((int[]) null)).hasMessage("values");
        assertThatThrownBy(() -> pool.range(0, 1).map(null)).hasMessage("fn");
        assertThatThrownBy(() -> pool.range(0, 1).fold(null, (a, v) -> a, (a, b) -> a)).hasMessage("identity");
    }
}
