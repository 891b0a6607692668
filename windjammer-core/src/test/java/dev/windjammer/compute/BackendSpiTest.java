package dev.windjammer.compute;

import dev.windjammer.compute.spi.BackendUnavailableException;
import dev.windjammer.compute.spi.ComputeBackend;
import dev.windjammer.compute.spi.ComputeBackendProvider;
import dev.windjammer.compute.spi.MapBatch;
import dev.windjammer.compute.spi.BackendContext;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.function.Function;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The backend chain, with a backend of this test registered through META-INF/services: it
 * runs only {@link Named} functions, completes every third item it is given and then reports
 * itself unavailable, which must send exactly the rest to the local pool.
 */
class BackendSpiTest {

    /** A function that "can travel": the stand-in for a registered remote function. */
    record Named(String name, Function<Integer, Integer> body) implements Function<Integer, Integer> {
        @Override
        public Integer apply(Integer x) {
            return body.apply(x);
        }
    }

    /** The provider the test pools select with backend("flaky"). */
    public static final class FlakyProvider implements ComputeBackendProvider {
        static final AtomicInteger OPENED = new AtomicInteger();
        static volatile String lastSetting;

        @Override
        public String name() {
            return "flaky";
        }

        @Override
        public ComputeBackend open(BackendContext context) {
            OPENED.incrementAndGet();
            lastSetting = context.setting("flaky.mode").orElse("none");
            return new ComputeBackend() {
                @Override
                public String name() {
                    return "flaky";
                }

                @Override
                public boolean canRun(Function<?, ?> function) {
                    return function instanceof Named;
                }

                @Override
                @SuppressWarnings("unchecked")
                public <T, R> void map(MapBatch<T, R> batch) {
                    int[] pending = batch.pending();
                    for (int k = 0; k < pending.length; k += 3) {
                        int index = pending[k];
                        R result = batch.function().apply(batch.item(index));
                        assertThat(batch.complete(index, result)).isTrue();
                        assertThat(batch.complete(index, result)).isFalse(); // a slot takes one result
                    }
                    if ("user-failure".equals(lastSetting)) {
                        throw new IllegalArgumentException("user function failed remotely");
                    }
                    throw new BackendUnavailableException("connection lost", null);
                }
            };
        }
    }

    @Test
    void unavailableBackendFallsBackToLocalWithEveryItemComputedOnce() {
        int n = 10_000;
        AtomicIntegerArray calls = new AtomicIntegerArray(n);
        try (ComputePool pool = ComputePool.builder().backend("flaky").threads(2).build()) {
            List<Integer> out = pool.parallel(IntStream.range(0, n).boxed().toList(), new Named("double", x -> {
                calls.incrementAndGet(x);
                return x * 2;
            }));
            for (int i = 0; i < n; i++) {
                assertThat(out.get(i)).isEqualTo(2 * i);
                assertThat(calls.get(i)).isEqualTo(1);
            }
        }
    }

    @Test
    void functionsTheBackendCannotRunStayLocal() {
        try (ComputePool pool = ComputePool.builder().backend("flaky").build()) {
            assertThat(pool.parallel(List.of(1, 2, 3), x -> x + 1)).containsExactly(2, 3, 4);
            assertThat(pool.mapReduce(List.of(1, 2, 3), x -> x * x, Integer::sum, 0)).isEqualTo(14);
        }
    }

    @Test
    void mapReduceGoesThroughTheBackendForNamedFunctions() {
        try (ComputePool pool = ComputePool.builder().backend("flaky").build()) {
            assertThat(pool.mapReduce(IntStream.range(0, 1_000).boxed().toList(), new Named("sq", x -> x * x),
                    Integer::sum, 0)).isEqualTo(IntStream.range(0, 1_000).map(x -> x * x).sum());
        }
    }

    @Test
    void userFailureInTheBackendIsNotRetried() {
        try (ComputePool pool = ComputePool.builder().backend("flaky").setting("flaky.mode", "user-failure").build()) {
            assertThat(FlakyProvider.lastSetting).isEqualTo("user-failure");
            assertThatThrownBy(() -> pool.parallel(List.of(1, 2, 3), new Named("id", x -> x)))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("remotely");
        }
    }

    @Test
    void providedBackendsAreListedAsKnown() {
        assertThatThrownBy(() -> ComputePool.builder().backend("nope"))
                .hasMessageContaining("flaky");
    }
}
