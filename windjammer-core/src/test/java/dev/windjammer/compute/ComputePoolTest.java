package dev.windjammer.compute;

import dev.windjammer.Pair;
import dev.windjammer.UncheckedInterruptedException;
import dev.windjammer.async.Task;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ComputePoolTest {

    private static List<Thread> threadsNamed(String prefix) {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().startsWith(prefix)).toList();
    }

    @Test
    void closeLeavesNoThreadOfThePoolAlive() {
        ComputePool pool = ComputePool.builder().threads(3).name("closing").build();
        pool.parallel(IntStream.range(0, 1_000).boxed().toList(), x -> Sneaky.spin(20_000));
        assertThat(threadsNamed("closing-worker-")).isNotEmpty();
        pool.close();
        assertThat(threadsNamed("closing-worker-")).isEmpty();
        assertThat(pool.isClosed()).isTrue();
    }

    @Test
    void closeIsIdempotent() {
        ComputePool pool = ComputePool.builder().name("twice").build();
        pool.close();
        pool.close();
        assertThat(pool.isClosed()).isTrue();
    }

    @Test
    void closeWaitsForRunningBackgroundWork() {
        ComputePool pool = ComputePool.builder().threads(1).name("draining").build();
        Task<Long> task = pool.background(() -> Sneaky.spin(50_000_000));
        pool.close();
        assertThat(task.isReady()).isTrue();
        assertThat(threadsNamed("draining-worker-")).isEmpty();
    }

    @Test
    void operationsAfterCloseThrowIllegalState() {
        ComputePool pool = ComputePool.builder().name("closed-pool").build();
        pool.close();
        assertThatThrownBy(() -> pool.parallel(List.of(1), x -> x))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("closed-pool");
        assertThatThrownBy(() -> pool.background(() -> 1)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> pool.join(() -> 1, () -> 2)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> pool.over(new int[] {1}).sum()).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void closeFromOwnWorkerIsRejected() {
        try (ComputePool pool = ComputePool.builder().threads(1).name("self-closing").build()) {
            Task<Object> task = pool.background(() -> {
                pool.close();
                return null;
            });
            assertThatThrownBy(task::await).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("own workers");
        }
    }

    @Test
    void workersCarryThePoolName() {
        Set<String> names = ConcurrentHashMap.newKeySet();
        try (ComputePool pool = ComputePool.builder().threads(2).name("img").build()) {
            pool.parallel(IntStream.range(0, 200).boxed().toList(), x -> {
                Sneaky.spin(50_000);
                return names.add(Thread.currentThread().getName());
            });
            assertThat(pool.name()).isEqualTo("img");
            assertThat(pool.numWorkers()).isEqualTo(2);
        }
        assertThat(names).anyMatch(n -> n.matches("img-worker-\\d+"));
    }

    @Test
    void workersAreDaemons() {
        try (ComputePool pool = ComputePool.builder().threads(1).name("daemon-check").build()) {
            assertThat(pool.background(() -> Thread.currentThread().isDaemon()).await()).isTrue();
        }
    }

    @Test
    void threadsBelowOneAreRejected() {
        assertThatThrownBy(() -> ComputePool.builder().threads(0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("threads");
    }

    @Test
    void blankNameIsRejected() {
        assertThatThrownBy(() -> ComputePool.builder().name(" "))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("name");
    }

    @Test
    void nullNameIsRejectedByName() {
        assertThatThrownBy(() -> ComputePool.builder().name(null))
                .isInstanceOf(NullPointerException.class).hasMessage("name");
    }

    @Test
    void unknownBackendIsRejectedWithTheKnownNames() {
        assertThatThrownBy(() -> ComputePool.builder().backend("quantum"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("quantum").hasMessageContaining("local").hasMessageContaining("sequential");
    }

    @Test
    void sequentialBackendRunsEverythingOnTheCaller() {
        Thread caller = Thread.currentThread();
        try (ComputePool pool = ComputePool.builder().backend("sequential").name("seq").build()) {
            assertThat(pool.numWorkers()).isEqualTo(1);
            assertThat(pool.backend()).isEqualTo("sequential");
            assertThat(pool.parallel(IntStream.range(0, 10_000).boxed().toList(), x -> Thread.currentThread()))
                    .containsOnly(caller);
            assertThat(pool.join(Thread::currentThread, Thread::currentThread).second()).isSameAs(caller);
            assertThat(pool.background(Thread::currentThread).await()).isSameAs(caller);
            assertThat(pool.range(0, 100_000).mapToObj(i -> Thread.currentThread()).toList()).containsOnly(caller);
        }
        assertThat(threadsNamed("seq")).isEmpty();
    }

    @Test
    void sequentialBackendKeepsFailureAndInterruptSemantics() {
        try (ComputePool pool = ComputePool.builder().backend("sequential").build()) {
            IllegalStateException boom = new IllegalStateException();
            assertThatThrownBy(() -> pool.parallel(List.of(1, 2), x -> {
                throw boom;
            })).isSameAs(boom);
            Thread.currentThread().interrupt();
            try {
                assertThatThrownBy(() -> pool.parallel(List.of(1, 2), x -> x))
                        .isInstanceOf(UncheckedInterruptedException.class);
            } finally {
                Thread.interrupted();
            }
        }
    }

    @Test
    void sequentialBackendJoinRunsBothAndKeepsTheFailureRule() {
        try (ComputePool pool = ComputePool.builder().backend("sequential").build()) {
            IllegalStateException first = new IllegalStateException("first");
            IllegalArgumentException second = new IllegalArgumentException("second");
            AtomicInteger secondRuns = new AtomicInteger();
            assertThatThrownBy(() -> pool.join(() -> {
                throw first;
            }, () -> {
                secondRuns.incrementAndGet();
                throw second;
            })).isSameAs(first);
            assertThat(secondRuns).hasValue(1);
            assertThat(first.getSuppressed()).containsExactly(second);
            IllegalArgumentException alone = new IllegalArgumentException("alone");
            assertThatThrownBy(() -> pool.join(() -> "a", () -> {
                throw alone;
            })).isSameAs(alone);
            assertThat(pool.join(() -> "a", () -> 2)).isEqualTo(Pair.of("a", 2));
        }
    }

    @Test
    void systemPropertyThreadsMustBeAPositiveInteger() {
        withProperty("windjammer.compute.threads", "many", () ->
                assertThatThrownBy(ComputePool::fromSystemProperties)
                        .isInstanceOf(IllegalArgumentException.class)
                        .hasMessageContaining("windjammer.compute.threads").hasMessageContaining("many"));
        withProperty("windjammer.compute.threads", "0", () ->
                assertThatThrownBy(ComputePool::fromSystemProperties)
                        .isInstanceOf(IllegalArgumentException.class)
                        .hasMessageContaining("windjammer.compute.threads"));
    }

    @Test
    void systemPropertyBackendMustBeKnown() {
        withProperty("windjammer.compute.backend", "gpu", () ->
                assertThatThrownBy(ComputePool::fromSystemProperties)
                        .isInstanceOf(IllegalArgumentException.class)
                        .hasMessageContaining("windjammer.compute.backend").hasMessageContaining("gpu"));
    }

    @Test
    void systemPropertiesConfigureThePool() {
        AtomicReference<ComputePool> made = new AtomicReference<>();
        withProperty("windjammer.compute.threads", "3", () -> made.set(ComputePool.fromSystemProperties()));
        try (ComputePool pool = made.get()) {
            assertThat(pool.numWorkers()).isEqualTo(3);
            assertThat(pool.name()).isEqualTo("windjammer-compute");
        }
        withProperty("windjammer.compute.backend", "sequential", () -> made.set(ComputePool.fromSystemProperties()));
        try (ComputePool pool = made.get()) {
            assertThat(pool.backend()).isEqualTo("sequential");
        }
    }

    private static void withProperty(String key, String value, Runnable body) {
        String old = System.getProperty(key);
        System.setProperty(key, value);
        try {
            body.run();
        } finally {
            if (old == null) {
                System.clearProperty(key);
            } else {
                System.setProperty(key, old);
            }
        }
    }

    @Test
    void defaultPoolIsSizedToTheMachine() {
        assertThat(Compute.numWorkers()).isEqualTo(Runtime.getRuntime().availableProcessors());
        assertThat(Compute.parallel(List.of(1, 2, 3), x -> x + 1)).containsExactly(2, 3, 4);
    }
}
