package dev.windjammer.thread;

import dev.windjammer.TaskFailedException;
import dev.windjammer.UncheckedInterruptedException;
import dev.windjammer.testkit.Delays;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static dev.windjammer.thread.JoinHandleTest.awaitQuietly;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ScopeTest {

    @Test
    void returnsTheBodysValue() {
        int sum = Threads.scope(scope -> {
            JoinHandle<Integer> left = scope.spawn(() -> 20);
            JoinHandle<Integer> right = scope.spawn(() -> 22);
            return left.join() + right.join();
        });
        assertThat(sum).isEqualTo(42);
    }

    @Test
    void everyThreadHasEndedWhenScopeReturns() {
        List<JoinHandle<?>> handles = new CopyOnWriteArrayList<>();
        AtomicInteger finished = new AtomicInteger();
        Threads.scope(scope -> {
            for (int i = 0; i < 4; i++) {
                handles.add(scope.spawn(() -> {
                    Delays.sleep(Delays.SHORT);
                    finished.incrementAndGet();
                }));
            }
            return null;
        });
        assertThat(finished).hasValue(4);
        assertThat(handles).allSatisfy(handle -> assertThat(handle.thread().isAlive()).isFalse());
    }

    @Test
    void threadsSpawnedByScopedThreadsAreJoinedToo() {
        AtomicInteger finished = new AtomicInteger();
        List<JoinHandle<?>> handles = new CopyOnWriteArrayList<>();
        Threads.scope(scope -> {
            handles.add(scope.spawn(() -> {
                handles.add(scope.spawn(() -> {
                    Delays.sleep(Delays.SHORT);
                    handles.add(scope.spawn(finished::incrementAndGet));
                    finished.incrementAndGet();
                }));
                finished.incrementAndGet();
            }));
            return null;
        });
        assertThat(finished).hasValue(3);
        assertThat(handles).hasSize(3).allSatisfy(handle -> assertThat(handle.thread().isAlive()).isFalse());
    }

    @Test
    void threadsAreJoinedEvenWhenTheBodyThrows() {
        IllegalStateException boom = new IllegalStateException("body");
        AtomicReference<JoinHandle<?>> handle = new AtomicReference<>();
        AtomicInteger finished = new AtomicInteger();
        assertThatThrownBy(() -> Threads.scope(scope -> {
            handle.set(scope.spawn(() -> {
                Delays.sleep(Delays.SHORT);
                finished.incrementAndGet();
            }));
            throw boom;
        })).isSameAs(boom);
        assertThat(finished).hasValue(1);
        assertThat(handle.get().thread().isAlive()).isFalse();
    }

    @Test
    void anUnjoinedThreadFailureIsRethrownAfterTheOtherThreadsEnded() {
        IllegalStateException boom = new IllegalStateException("boom");
        AtomicInteger finished = new AtomicInteger();
        assertThatThrownBy(() -> Threads.scope(scope -> {
            scope.spawn(() -> {
                throw boom;
            });
            scope.spawn(() -> {
                Delays.sleep(Delays.SHORT);
                finished.incrementAndGet();
            });
            return "unused";
        })).isSameAs(boom);
        assertThat(finished).hasValue(1);
    }

    @Test
    void theFirstFailureIsThrownAndTheOthersSuppressed() {
        IllegalStateException first = new IllegalStateException("first");
        IllegalArgumentException second = new IllegalArgumentException("second");
        IllegalStateException body = new IllegalStateException("body");
        assertThatThrownBy(() -> Threads.scope(scope -> {
            JoinHandle<Void> a = scope.spawn(() -> {
                throw first;
            });
            a.thread().join();
            JoinHandle<Void> b = scope.spawn(() -> {
                throw second;
            });
            b.thread().join();
            throw body;
        })).isSameAs(first).satisfies(thrown -> assertThat(thrown.getSuppressed()).containsExactly(second, body));
    }

    @Test
    void aFailureDeliveredByJoinIsNotRethrown() {
        String result = Threads.scope(scope -> {
            JoinHandle<String> failing = scope.spawn(() -> {
                throw new IllegalStateException("handled");
            });
            try {
                return failing.join();
            } catch (IllegalStateException handled) {
                return "recovered from " + handled.getMessage();
            }
        });
        assertThat(result).isEqualTo("recovered from handled");
    }

    @Test
    void aJoinedFailureThatEscapesTheBodyIsThrownOnce() {
        IllegalStateException boom = new IllegalStateException("boom");
        assertThatThrownBy(() -> Threads.scope(scope -> scope.spawn(() -> {
            throw boom;
        }).join())).isSameAs(boom).satisfies(thrown -> assertThat(thrown.getSuppressed()).isEmpty());
    }

    @Test
    void aCheckedThreadFailureIsWrappedOnce() {
        IOException boom = new IOException("boom");
        assertThatThrownBy(() -> Threads.scope(scope -> {
            scope.spawn(() -> {
                throw boom;
            });
            return null;
        })).isExactlyInstanceOf(TaskFailedException.class).hasCause(boom);
    }

    @Test
    void aCheckedBodyFailureIsWrappedOnceWithThreadFailuresSuppressed() {
        IOException body = new IOException("body");
        IllegalStateException thread = new IllegalStateException("thread");
        CountDownLatch bodyThrew = new CountDownLatch(1);
        assertThatThrownBy(() -> Threads.scope(scope -> {
            scope.spawn(() -> {
                awaitQuietly(bodyThrew);
                Delays.sleep(Delays.SHORT); // the body's exception has reached the scope by then
                throw thread;
            });
            bodyThrew.countDown();
            throw body;
        })).isExactlyInstanceOf(TaskFailedException.class).hasCause(body)
                .satisfies(thrown -> assertThat(thrown.getSuppressed()).containsExactly(thread));
    }

    @Test
    void spawnAfterTheScopeEndedIsRefused() {
        Scope escaped = Threads.scope(scope -> scope);
        assertThatThrownBy(() -> escaped.spawn(() -> "late")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("scope has ended");
        assertThat(escaped).hasToString("Scope[ended]");
    }

    @Test
    void aBuilderSpawnAfterTheScopeEndedIsRefused() {
        Scope escaped = Threads.scope(scope -> scope);
        assertThatThrownBy(() -> Threads.builder().name("late").spawnScoped(escaped, () -> "late"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("scope has ended");
    }

    @Test
    void interruptingTheOwnerInterruptsTheThreadsAndThrowsAfterTheyEnded() {
        Thread owner = Thread.currentThread();
        AtomicReference<JoinHandle<?>> sleeper = new AtomicReference<>();
        try {
            assertThatThrownBy(() -> Threads.scope(scope -> {
                sleeper.set(scope.spawn(() -> {
                    Thread.sleep(Delays.LONG);
                    return "slept";
                }));
                scope.spawn(owner::interrupt);
                return "unused";
            })).isInstanceOf(UncheckedInterruptedException.class)
                    .satisfies(thrown -> assertThat(thrown.getSuppressed()).singleElement()
                            .isInstanceOf(InterruptedException.class));
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
            assertThat(sleeper.get().thread().isAlive()).isFalse();
        } finally {
            Thread.interrupted();
        }
    }

    @Test
    void builderSpawnsNamedThreadsInAScope() {
        String name = Threads.scope(scope -> Threads.builder().name("scoped-worker")
                .spawnScoped(scope, () -> Thread.currentThread().getName()).join());
        assertThat(name).isEqualTo("scoped-worker");
    }

    @Test
    void nullArgumentsAreRejected() {
        assertThatThrownBy(() -> Threads.scope(null)).isInstanceOf(NullPointerException.class).hasMessage("body");
        Threads.scope(scope -> {
            assertThatThrownBy(() -> scope.spawn((Callable<?>) null)).hasMessage("body");
            assertThatThrownBy(() -> scope.spawn((Runnable) null)).hasMessage("body");
            assertThatThrownBy(() -> Threads.builder().spawnScoped(null, () -> 1)).hasMessage("scope");
            return null;
        });
    }
}
