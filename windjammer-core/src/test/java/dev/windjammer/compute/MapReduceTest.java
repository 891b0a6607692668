package dev.windjammer.compute;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MapReduceTest {

    private static ComputePool pool; // one per test: the leak check verifies close() every time

    @BeforeEach
    void startPool() {
        pool = ComputePool.builder().threads(2).name("mapreduce-test").build();
    }

    @AfterEach
    void closePool() {
        pool.close();
    }

    @Test
    void sumOfSquaresAsInTheSeed() {
        List<Integer> data = IntStream.rangeClosed(1, 100_000).boxed().toList();
        long sum = pool.mapReduce(data, x -> (long) x * x, Long::sum, 0L);
        assertThat(sum).isEqualTo(IntStream.rangeClosed(1, 100_000).mapToLong(x -> (long) x * x).sum());
    }

    @Test
    void nonCommutativeReductionKeepsInputOrder() {
        List<Integer> data = IntStream.range(0, 20_000).boxed().toList();
        String joined = pool.mapReduce(data, x -> x + ",", String::concat, "");
        assertThat(joined).isEqualTo(data.stream().map(x -> x + ",").collect(Collectors.joining()));
    }

    @Test
    void emptyInputGivesTheIdentity() {
        assertThat(pool.mapReduce(List.<Integer>of(), x -> x, Integer::sum, 42)).isEqualTo(42);
    }

    @Test
    void nullMapIsRejectedByName() {
        assertThatThrownBy(() -> pool.mapReduce(List.of(1), null, Integer::sum, 0))
                .isInstanceOf(NullPointerException.class).hasMessage("map");
    }

    @Test
    void nullReduceIsRejectedByName() {
        assertThatThrownBy(() -> pool.mapReduce(List.of(1), x -> x, null, 0))
                .isInstanceOf(NullPointerException.class).hasMessage("reduce");
    }

    @Test
    void failureOfReduceReachesTheCallerAsTheSameInstance() {
        ArithmeticException boom = new ArithmeticException("overflow");
        assertThatThrownBy(() -> pool.mapReduce(IntStream.range(0, 50_000).boxed().toList(), x -> x,
                (a, b) -> {
                    if (a + b > 1_000_000) {
                        throw boom;
                    }
                    return a + b;
                }, 0)).isSameAs(boom);
    }

    @Test
    void staticFacadeUsesTheDefaultPool() {
        assertThat(Compute.mapReduce(List.of(1, 2, 3, 4), x -> x * x, Integer::sum, 0)).isEqualTo(30);
    }
}
