package dev.windjammer.async;

import dev.windjammer.TimedOutException;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * The cancellation storm: 100k tasks with random cancels, timeouts and failures, in
 * every structured and unstructured form; every task ends and no thread is left.
 *
 * <p>The default run is one round of 100 000 tasks. The long form repeats it:
 * <pre>
 * ./run-tests -pl windjammer-core -am -Dtest=CancellationStormTest -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dwindjammer.async.storm.rounds=50 [-Dwindjammer.async.storm.tasks=100000] [-Dwindjammer.async.storm.seed=42]
 * </pre>
 * Each round is bounded by {@link #ROUND_LIMIT}, a hang detector with a thread dump.
 */
@ExtendWith(VirtualThreadLeakCheck.class)
class CancellationStormTest {

    private static final int TASKS = Integer.getInteger("windjammer.async.storm.tasks", 100_000);
    private static final int ROUNDS = Integer.getInteger("windjammer.async.storm.rounds", 1);
    private static final long SEED = Long.getLong("windjammer.async.storm.seed", System.nanoTime());
    private static final int TASKS_PER_GROUP = 100;
    private static final int GROUPS_AT_ONCE = 64;
    private static final Duration ROUND_LIMIT = Duration.ofMinutes(2);

    /** Bodies started and ended: equal when every task that ran has ended. */
    private final AtomicLong started = new AtomicLong();
    private final AtomicLong ended = new AtomicLong();

    @TestFactory
    Stream<DynamicTest> everyTaskEndsUnderRandomCancelsTimeoutsAndFailures() {
        return IntStream.range(0, ROUNDS).mapToObj(round -> DynamicTest.dynamicTest(
                "round " + round + " of " + TASKS + " tasks, seed " + (SEED + round),
                () -> assertTimeoutPreemptively(ROUND_LIMIT, () -> storm(SEED + round))));
    }

    private void storm(long seed) {
        started.set(0);
        ended.set(0);
        int groups = Math.max(1, TASKS / TASKS_PER_GROUP);
        List<Callable<Integer>> work = new ArrayList<>(groups);
        for (int g = 0; g < groups; g++) {
            SplittableRandom random = new SplittableRandom(seed * 1_000_003 + g);
            work.add(switch (g % 6) {
                case 0 -> () -> unstructuredWithRandomCancels(random);
                case 1 -> () -> timeouts(random);
                case 2 -> () -> scopeWithAFailure(random);
                case 3 -> () -> nestedScopesCancelledFromOutside(random);
                case 4 -> () -> race(random);
                default -> () -> joinAllWithLimitAndFailures(random);
            });
        }
        List<Outcome<Integer>> outcomes = Async.joinAllSettled(work, GROUPS_AT_ONCE);
        long tasks = 0;
        for (Outcome<Integer> outcome : outcomes) {
            tasks += outcome.getOrThrow(); // a group whose checks failed throws its AssertionError
        }
        assertThat(tasks).as("tasks run in this round").isGreaterThanOrEqualTo(TASKS);
        assertThat(ended.get()).as("bodies ended (seed %d)", seed).isEqualTo(started.get());
    }

    private <T> Callable<T> tracked(Callable<T> body) {
        return () -> {
            started.incrementAndGet();
            try {
                return body.call();
            } finally {
                ended.incrementAndGet();
            }
        };
    }

    private static Duration micros(SplittableRandom random, int bound) {
        return Duration.ofNanos(random.nextInt(bound) * 1_000L);
    }

    /** Async.spawn, each task cancelled at a random moment or not at all. */
    private int unstructuredWithRandomCancels(SplittableRandom random) {
        List<Task<Integer>> tasks = new ArrayList<>(TASKS_PER_GROUP);
        List<Boolean> cancelled = new ArrayList<>(TASKS_PER_GROUP);
        for (int i = 0; i < TASKS_PER_GROUP; i++) {
            Duration nap = micros(random, 2_000);
            int value = i;
            tasks.add(Async.spawn(tracked(() -> {
                Async.sleep(nap);
                return value;
            })));
        }
        for (Task<Integer> task : tasks) {
            int dice = random.nextInt(3);
            if (dice == 1) {
                Async.sleep(micros(random, 300));
            }
            cancelled.add(dice != 2 && task.cancel());
        }
        for (int i = 0; i < tasks.size(); i++) {
            Outcome<Integer> outcome = tasks.get(i).awaitOutcome();
            if (cancelled.get(i)) {
                assertThat(outcome).isEqualTo(new Outcome.Cancelled<Integer>());
            } else {
                assertThat(outcome).isEqualTo(new Outcome.Success<>(i));
            }
        }
        return tasks.size();
    }

    /** Async.timeout around sleeps that sometimes outlast the limit. */
    private int timeouts(SplittableRandom random) {
        List<Callable<String>> bodies = new ArrayList<>(TASKS_PER_GROUP);
        for (int i = 0; i < TASKS_PER_GROUP; i++) {
            Duration limit = micros(random, 2_000);
            Duration nap = micros(random, 2_000);
            bodies.add(tracked(() -> {
                try {
                    return Async.timeout(limit, tracked(() -> {
                        Async.sleep(nap);
                        return "in time";
                    }));
                } catch (TimedOutException e) {
                    assertThat(Thread.currentThread().isInterrupted()).isFalse();
                    return "timed out";
                }
            }));
        }
        for (Outcome<String> outcome : Async.joinAllSettled(bodies)) {
            assertThat(outcome.getOrThrow()).isIn("in time", "timed out");
        }
        return 2 * bodies.size();
    }

    /** A scope whose tasks sleep; one fails at a random moment and cancels the rest. */
    private int scopeWithAFailure(SplittableRandom random) {
        int failing = random.nextInt(TASKS_PER_GROUP);
        IllegalStateException boom = new IllegalStateException("planned failure");
        Duration[] naps = new Duration[TASKS_PER_GROUP];
        for (int i = 0; i < naps.length; i++) {
            naps[i] = micros(random, 3_000);
        }
        assertThatThrownBy(() -> Async.scope(scope -> {
            for (int i = 0; i < TASKS_PER_GROUP; i++) {
                Duration nap = naps[i];
                boolean fails = i == failing;
                scope.spawn(tracked(() -> {
                    Async.sleep(nap);
                    if (fails) {
                        throw boom;
                    }
                    return null;
                }));
            }
            return null;
        })).isSameAs(boom);
        return TASKS_PER_GROUP;
    }

    /** An unstructured task running scopes within scopes, cancelled at a random moment. */
    private int nestedScopesCancelledFromOutside(SplittableRandom random) {
        int outer = 10;
        int inner = TASKS_PER_GROUP / outer - 1;
        Duration nap = micros(random, 3_000);
        Task<Object> root = Async.spawn(tracked(() -> Async.scope(top -> {
            for (int i = 0; i < outer; i++) {
                top.spawn(tracked(() -> Async.scope(nested -> {
                    for (int j = 0; j < inner; j++) {
                        nested.spawn(tracked(() -> {
                            Async.sleep(nap.multipliedBy(2));
                            return null;
                        }));
                    }
                    return null;
                })));
            }
            return null;
        })));
        Async.sleep(micros(random, 3_000));
        boolean cancelled = root.cancel();
        Outcome<Object> outcome = root.awaitOutcome();
        assertThat(outcome).isIn(cancelled ? new Outcome.Cancelled<>() : new Outcome.Success<>(null));
        return 1 + outer * (1 + inner);
    }

    /** Async.race among sleepers, some failing. */
    private int race(SplittableRandom random) {
        int runners = 10;
        int races = TASKS_PER_GROUP / runners;
        for (int r = 0; r < races; r++) {
            List<Callable<Integer>> bodies = new ArrayList<>(runners);
            boolean anySucceeds = false;
            for (int i = 0; i < runners; i++) {
                Duration nap = micros(random, 2_000);
                boolean fails = random.nextInt(3) == 0;
                anySucceeds |= !fails;
                int value = i;
                bodies.add(tracked(() -> {
                    Async.sleep(nap);
                    if (fails) {
                        throw new IllegalStateException("runner " + value + " fell");
                    }
                    return value;
                }));
            }
            if (anySucceeds) {
                assertThat(Async.race(bodies)).isBetween(0, runners - 1);
            } else {
                assertThatThrownBy(() -> Async.race(bodies)).isInstanceOf(IllegalStateException.class)
                        .hasMessage("runner 0 fell");
            }
        }
        return races * runners;
    }

    /** Async.joinAll with a concurrency limit, failing in some groups. */
    private int joinAllWithLimitAndFailures(SplittableRandom random) {
        boolean fails = random.nextBoolean();
        int failing = random.nextInt(TASKS_PER_GROUP);
        List<Callable<Integer>> bodies = new ArrayList<>(TASKS_PER_GROUP);
        for (int i = 0; i < TASKS_PER_GROUP; i++) {
            Duration nap = micros(random, 500);
            int value = i;
            bodies.add(tracked(() -> {
                Async.sleep(nap);
                if (fails && value == failing) {
                    throw new IllegalArgumentException("planned");
                }
                return value;
            }));
        }
        int limit = 1 + random.nextInt(16);
        if (fails) {
            assertThatThrownBy(() -> Async.joinAll(bodies, limit)).hasMessage("planned");
        } else {
            assertThat(Async.joinAll(bodies, limit)).hasSize(TASKS_PER_GROUP);
        }
        return TASKS_PER_GROUP;
    }
}
