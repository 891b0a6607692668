package dev.windjammer.stress.thread;

import dev.windjammer.stress.StressScale;
import dev.windjammer.thread.JoinHandle;
import dev.windjammer.thread.Threads;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * Scopes whose threads spawn more threads and fail at random: every failure that no join
 * delivered comes out of {@code Threads.scope}, once (thrown or suppressed), and no thread of the
 * scope is alive when it returns.
 */
class ScopeStressTest {

    private static final int SCOPES = 200 * StressScale.SCALE;

    @Test
    void everyUnjoinedFailureIsReportedAndEveryThreadHasEnded() {
        for (int round = 0; round < SCOPES; round++) {
            ConcurrentLinkedQueue<Throwable> thrown = new ConcurrentLinkedQueue<>();
            ConcurrentLinkedQueue<Thread> started = new ConcurrentLinkedQueue<>();
            Throwable failure = catchThrowable(() -> Threads.scope(scope -> {
                for (int i = 0; i < 4; i++) {
                    JoinHandle<Void> parent = scope.spawn(() -> {
                        started.add(Thread.currentThread());
                        for (int j = 0; j < 2; j++) {
                            started.add(scope.spawn(() -> maybeFail(thrown)).thread());
                        }
                        maybeFail(thrown);
                    });
                    started.add(parent.thread());
                }
                return null;
            }));
            assertThat(started).allSatisfy(thread -> assertThat(thread.isAlive()).isFalse());
            Set<Throwable> reported = new HashSet<>();
            if (failure != null) {
                reported.add(failure);
                reported.addAll(List.of(failure.getSuppressed()));
            }
            assertThat(reported).containsExactlyInAnyOrderElementsOf(new ArrayList<>(thrown));
        }
    }

    private static void maybeFail(ConcurrentLinkedQueue<Throwable> thrown) {
        if (ThreadLocalRandom.current().nextInt(4) == 0) {
            IllegalStateException failure = new IllegalStateException("random failure");
            thrown.add(failure);
            throw failure;
        }
    }
}
