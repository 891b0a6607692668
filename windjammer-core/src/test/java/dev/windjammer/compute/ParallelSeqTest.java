package dev.windjammer.compute;

import dev.windjammer.UncheckedInterruptedException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ParallelSeqTest {

    private static ComputePool pool; // one per test: the leak check verifies close() every time

    @BeforeEach
    void startPool() {
        pool = ComputePool.builder().threads(2).name("seq-test").build();
    }

    @AfterEach
    void closePool() {
        pool.close();
    }

    private static List<Integer> numbers(int n) {
        return IntStream.range(0, n).boxed().toList();
    }

    @Test
    void mapKeepsOrder() {
        assertThat(pool.over(numbers(50_000)).map(x -> x * 2).toList())
                .isEqualTo(numbers(50_000).stream().map(x -> x * 2).toList());
    }

    @Test
    void filterKeepsOrder() {
        assertThat(pool.over(numbers(50_000)).filter(x -> x % 7 == 0).toList())
                .isEqualTo(numbers(50_000).stream().filter(x -> x % 7 == 0).toList());
    }

    @Test
    void flatMapKeepsOrderAndSkipsNull() {
        assertThat(pool.over(numbers(10_000)).flatMap(x -> x % 3 == 0 ? null : List.of(x, -x)).toList())
                .isEqualTo(numbers(10_000).stream().filter(x -> x % 3 != 0).flatMap(x -> List.of(x, -x).stream()).toList());
    }

    @Test
    void sourcesWithoutRandomAccessWork() {
        assertThat(pool.over(new LinkedList<>(numbers(5_000))).map(x -> x + 1).toList())
                .isEqualTo(numbers(5_000).stream().map(x -> x + 1).toList());
    }

    @Test
    void arraySourceWorks() {
        assertThat(pool.over("a", "b", "c").map(String::toUpperCase).toList()).containsExactly("A", "B", "C");
    }

    @Test
    void sequenceCanRunAgainAndSeesTheSourceAtThatTime() {
        List<Integer> source = new ArrayList<>(List.of(1, 2));
        ParallelSeq<Integer> doubled = pool.over(source).map(x -> x * 2);
        assertThat(doubled.toList()).containsExactly(2, 4);
        source.add(3);
        assertThat(doubled.toList()).containsExactly(2, 4, 6);
    }

    @Test
    void intermediateOperationsRunNothing() {
        AtomicInteger calls = new AtomicInteger();
        pool.over(numbers(100)).map(calls::addAndGet).filter(x -> calls.incrementAndGet() > 0).sorted();
        assertThat(calls).hasValue(0);
    }

    @Test
    void sortedIsStable() {
        List<String> words = new ArrayList<>();
        Random random = new Random(7);
        for (int i = 0; i < 100_000; i++) {
            words.add((char) ('a' + random.nextInt(26)) + "" + i);
        }
        Comparator<String> byFirstLetter = Comparator.comparing(s -> s.charAt(0));
        assertThat(pool.over(words).sorted(byFirstLetter).toList())
                .isEqualTo(words.stream().sorted(byFirstLetter).toList());
    }

    @Test
    void sortedNaturalOrder() {
        List<Integer> shuffled = new ArrayList<>(numbers(70_000));
        java.util.Collections.shuffle(shuffled, new Random(3));
        assertThat(pool.over(shuffled).sorted().toList()).isEqualTo(numbers(70_000));
    }

    @Test
    void sortedWithAFailingComparatorThrowsItsFailure() {
        IllegalStateException boom = new IllegalStateException("cmp");
        assertThatThrownBy(() -> pool.over(numbers(100_000)).sorted((a, b) -> {
            throw boom;
        }).toList()).isSameAs(boom);
    }

    @Test
    void chunksGroupConsecutiveElements() {
        assertThat(pool.over(numbers(10)).chunks(4).toList())
                .containsExactly(List.of(0, 1, 2, 3), List.of(4, 5, 6, 7), List.of(8, 9));
    }

    @Test
    void chunkSizeBelowOneIsRejected() {
        assertThatThrownBy(() -> pool.over(numbers(10)).chunks(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void maxChunkOneGivesEveryElementItsOwnLeaf() {
        assertThat(pool.over(numbers(1_000)).maxChunk(1).map(x -> x + 1).toList())
                .isEqualTo(numbers(1_000).stream().map(x -> x + 1).toList());
    }

    @Test
    void chunkBoundsBelowOneAreRejected() {
        assertThatThrownBy(() -> pool.over(numbers(10)).minChunk(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> pool.over(numbers(10)).maxChunk(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void forEachVisitsEveryElementOnce() {
        LongAdder sum = new LongAdder();
        pool.over(numbers(100_000)).forEach(sum::add);
        assertThat(sum.sum()).isEqualTo(4_999_950_000L);
    }

    @Test
    void reduceWithIdentityKeepsOrder() {
        assertThat(pool.over(numbers(20_000)).map(String::valueOf).reduce("", String::concat))
                .isEqualTo(numbers(20_000).stream().map(String::valueOf).collect(Collectors.joining()));
    }

    @Test
    void reduceWithoutIdentityKeepsEncounterOrderAcrossChunks() {
        List<String> words = numbers(20_000).stream().map(i -> Integer.toString(i % 10)).toList();
        assertThat(pool.over(words).reduce(String::concat)).contains(String.join("", words));
    }

    @Test
    void reduceWithoutIdentityIsEmptyForNoElements() {
        assertThat(pool.over(List.<Integer>of()).reduce(Integer::sum)).isEmpty();
        assertThat(pool.over(numbers(1_000)).reduce(Integer::sum)).contains(499_500);
    }

    @Test
    void foldWithMutableAccumulatorsBuildsAHistogram() {
        int[] values = new Random(11).ints(200_000, 0, 10).toArray();
        long[] histogram = pool.over(values).fold(() -> new long[10], (h, v) -> {
            h[v]++;
            return h;
        }, (a, b) -> {
            for (int i = 0; i < a.length; i++) {
                a[i] += b[i];
            }
            return a;
        });
        long[] expected = new long[10];
        for (int v : values) {
            expected[v]++;
        }
        assertThat(histogram).isEqualTo(expected);
    }

    @Test
    void collectWorksWithJdkCollectors() {
        Map<Integer, List<Integer>> byRemainder = pool.over(numbers(10_000))
                .collect(Collectors.groupingBy(x -> x % 3));
        assertThat(byRemainder).isEqualTo(numbers(10_000).stream().collect(Collectors.groupingBy(x -> x % 3)));
        assertThat(pool.over(List.of("a", "b", "c")).collect(Collectors.joining(","))).isEqualTo("a,b,c");
    }

    @Test
    void toMapRejectsDuplicateKeys() {
        assertThat(pool.over(List.of("a", "bb")).toMap(s -> s, String::length)).isEqualTo(Map.of("a", 1, "bb", 2));
        assertThatThrownBy(() -> pool.over(List.of("a", "a")).toMap(s -> s, String::length))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void toMapWithMergeCombinesInOrder() {
        assertThat(pool.over(List.of("ab", "ac", "b")).toMap(s -> s.charAt(0), s -> s, String::concat))
                .isEqualTo(Map.of('a', "abac", 'b', "b"));
    }

    @Test
    void countOfASizedPipelineCallsNoFunction() {
        AtomicInteger calls = new AtomicInteger();
        assertThat(pool.over(numbers(1_000)).map(calls::addAndGet).count()).isEqualTo(1_000);
        assertThat(calls).hasValue(0);
        assertThat(pool.over(numbers(1_000)).filter(x -> x % 2 == 0).count()).isEqualTo(500);
    }

    @Test
    void minAndMaxTakeTheFirstOfEqualElements() {
        List<String> words = List.of("bb", "a1", "cc", "a2", "dd", "d2");
        Comparator<String> byFirst = Comparator.comparing(s -> s.charAt(0));
        assertThat(pool.over(words).min(byFirst)).contains("a1");
        assertThat(pool.over(words).max(byFirst)).contains("dd");
        assertThat(pool.over(List.<String>of()).min(byFirst)).isEmpty();
    }

    @Test
    void matchOperations() {
        assertThat(pool.over(numbers(100_000)).anyMatch(x -> x == 99_999)).isTrue();
        assertThat(pool.over(numbers(100_000)).anyMatch(x -> x < 0)).isFalse();
        assertThat(pool.over(numbers(100_000)).allMatch(x -> x >= 0)).isTrue();
        assertThat(pool.over(numbers(100_000)).allMatch(x -> x < 50_000)).isFalse();
        assertThat(pool.over(numbers(100_000)).noneMatch(x -> x < 0)).isTrue();
        assertThat(pool.over(List.<Integer>of()).allMatch(x -> false)).isTrue();
    }

    @Test
    void findFirstReturnsTheFirstMatchInEncounterOrder() {
        for (int match : new int[] {0, 1, 5_000, 99_998}) {
            assertThat(pool.over(numbers(100_000)).filter(x -> x >= match && x % 2 == 0).findFirst())
                    .contains(match % 2 == 0 ? match : match + 1);
        }
        assertThat(pool.over(numbers(100_000)).filter(x -> x < 0).findFirst()).isEmpty();
    }

    @Test
    void findFirstStopsStartingElementsAfterTheMatch() {
        AtomicInteger calls = new AtomicInteger();
        Optional<Integer> first = pool.over(numbers(1_000_000)).filter(x -> {
            calls.incrementAndGet();
            return x == 10;
        }).findFirst();
        assertThat(first).contains(10);
        assertThat(calls.get()).isLessThan(1_000_000);
    }

    @Test
    void findAnyReturnsAMatch() {
        assertThat(pool.over(numbers(100_000)).filter(x -> x % 10_000 == 9_999).findAny())
                .hasValueSatisfying(x -> assertThat(x % 10_000).isEqualTo(9_999));
    }

    @Test
    void findFirstOfANullElementThrowsNullPointer() {
        assertThatThrownBy(() -> pool.over(Arrays.asList(null, "x")).findFirst())
                .isInstanceOf(NullPointerException.class);
    }

    @Test
    void toListKeepsNulls() {
        assertThat(pool.over(Arrays.asList("a", null, "c")).map(s -> s).toList()).containsExactly("a", null, "c");
    }

    @Test
    void failureInAStageReachesTheCallerAsTheSameInstance() {
        IllegalArgumentException boom = new IllegalArgumentException("bad");
        assertThatThrownBy(() -> pool.over(numbers(10_000)).map(x -> {
            if (x == 7_777) {
                throw boom;
            }
            return x;
        }).filter(x -> true).toList()).isSameAs(boom);
    }

    @Test
    void interruptedCallerGetsUncheckedInterrupted() {
        Thread.currentThread().interrupt();
        try {
            assertThatThrownBy(() -> pool.over(numbers(10)).map(x -> x).toList())
                    .isInstanceOf(UncheckedInterruptedException.class);
        } finally {
            Thread.interrupted();
        }
    }

    @Test
    void nullFunctionsAreRejectedByName() {
        ParallelSeq<Integer> seq = pool.over(numbers(3));
        assertThatThrownBy(() -> seq.map(null)).hasMessage("fn");
        assertThatThrownBy(() -> seq.filter(null)).hasMessage("predicate");
        assertThatThrownBy(() -> seq.forEach(null)).hasMessage("action");
        assertThatThrownBy(() -> seq.reduce(0, null)).hasMessage("op");
        assertThatThrownBy(() -> seq.sorted(null)).hasMessage("comparator");
    }

    @Test
    void mapToPrimitiveNeverLosesOrder() {
        assertThat(pool.over(numbers(1_000)).mapToInt(x -> x * 2).toArray())
                .isEqualTo(IntStream.range(0, 1_000).map(x -> x * 2).toArray());
        assertThat(pool.over(numbers(1_000)).mapToLong(x -> x).sum()).isEqualTo(499_500L);
        assertThat(pool.over(numbers(4)).mapToDouble(x -> x / 2.0).toArray()).containsExactly(0, 0.5, 1, 1.5);
    }
}
