package dev.windjammer.async;

import dev.windjammer.TaskFailedException;
import dev.windjammer.UncheckedInterruptedException;
import dev.windjammer.testkit.Delays;
import dev.windjammer.testkit.TestThreads;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@ExtendWith(VirtualThreadLeakCheck.class)
class AsyncScopeTest {

    @Test
    void returnsTheBodyValueComputedFromItsTasks() {
        int sum = Async.scope(scope -> {
            Task<Integer> a = scope.spawn(() -> 20);
            Task<Integer> b = scope.spawn(() -> 22);
            return a.await() + b.await();
        });
        assertThat(sum).isEqualTo(42);
    }

    @Test
    void waitsForTasksTheBodyDidNotAwait() {
        AtomicBoolean ended = new AtomicBoolean();
        Async.scope(scope -> {
            scope.spawn(() -> {
                Thread.sleep(Delays.SHORT);
                ended.set(true);
                return null;
            });
            return null;
        });
        assertThat(ended).isTrue();
    }

    @Test
    void taskFailureIsThrownAsTheSameInstance() {
        IllegalStateException boom = new IllegalStateException("boom");
        assertThatThrownBy(() -> Async.scope(scope -> {
            scope.spawn(() -> {
                throw boom;
            });
            return null;
        })).isSameAs(boom);
    }

    @Test
    void checkedTaskFailureIsWrappedOnce() {
        IOException boom = new IOException("boom");
        assertThatThrownBy(() -> Async.scope(scope -> {
            scope.spawn(() -> {
                throw boom;
            });
            return null;
        })).isExactlyInstanceOf(TaskFailedException.class).hasCause(boom);
    }

    @Test
    void taskFailureCancelsTheSiblingsAndWaitsForThem() {
        IllegalStateException boom = new IllegalStateException("boom");
        AtomicBoolean siblingEnded = new AtomicBoolean();
        CountDownLatch siblingStarted = new CountDownLatch(1);
        assertThatThrownBy(() -> Async.scope(scope -> {
            scope.spawn(() -> {
                siblingStarted.countDown();
                try {
                    return Bodies.blockUntilCancelled();
                } finally {
                    siblingEnded.set(true);
                }
            });
            scope.spawn(() -> {
                Bodies.await(siblingStarted);
                throw boom;
            });
            return null;
        })).isSameAs(boom);
        assertThat(siblingEnded).isTrue();
        assertThat(boom.getSuppressed()).isEmpty();
    }

    @Test
    void taskFailureInterruptsTheBody() {
        IllegalStateException boom = new IllegalStateException("boom");
        AtomicReference<Throwable> bodySaw = new AtomicReference<>();
        assertThatThrownBy(() -> Async.scope(scope -> {
            scope.spawn(() -> {
                throw boom;
            });
            try {
                return Bodies.blockUntilCancelled();
            } catch (InterruptedException e) {
                bodySaw.set(e);
                throw e;
            }
        })).isSameAs(boom);
        assertThat(bodySaw.get()).isInstanceOf(InterruptedException.class);
        assertThat(boom.getSuppressed()).isEmpty();
    }

    @Test
    void theInterruptDeliveredToTheBodyDoesNotOutliveTheScope() {
        assertThatThrownBy(() -> Async.scope(scope -> {
            scope.spawn(() -> {
                throw new IllegalStateException("boom");
            });
            Bodies.sleepIgnoringInterrupts(Delays.MEDIUM);
            return null;
        })).isInstanceOf(IllegalStateException.class);
        assertThat(Thread.currentThread().isInterrupted()).isFalse();
    }

    @Test
    void taskFailureFailsTheScopeEvenIfTheBodyCaughtIt() {
        IllegalStateException boom = new IllegalStateException("boom");
        assertThatThrownBy(() -> Async.scope(scope -> {
            Task<String> failing = scope.spawn(() -> {
                throw boom;
            });
            try {
                return failing.await();
            } catch (IllegalStateException handled) {
                return "fallback";
            }
        })).isSameAs(boom);
    }

    @Test
    void aGenuineFailureOfTheInterruptedBodyIsSuppressedOntoTheTaskFailure() {
        IllegalStateException first = new IllegalStateException("first");
        IOException second = new IOException("cleanup failed");
        assertThatThrownBy(() -> Async.scope(scope -> {
            scope.spawn(() -> {
                throw first;
            });
            try {
                return Bodies.blockUntilCancelled();
            } catch (InterruptedException cancelled) {
                throw second;
            }
        })).isSameAs(first);
        assertThat(first.getSuppressed()).containsExactly(second);
    }

    @Test
    void aTaskThatFailsAfterItWasCancelledReportsNothing() {
        IllegalStateException first = new IllegalStateException("first");
        CountDownLatch secondStarted = new CountDownLatch(1);
        AtomicBoolean secondThrew = new AtomicBoolean();
        assertThatThrownBy(() -> Async.scope(scope -> {
            scope.spawn(() -> {
                secondStarted.countDown();
                try {
                    return Bodies.blockUntilCancelled();
                } catch (InterruptedException cancelled) {
                    secondThrew.set(true);
                    throw new IllegalArgumentException("after cancellation");
                }
            });
            scope.spawn(() -> {
                Bodies.await(secondStarted);
                throw first;
            });
            return null;
        })).isSameAs(first);
        assertThat(secondThrew).isTrue();
        assertThat(first.getSuppressed()).isEmpty();
    }

    @Test
    void bodyFailureCancelsTheTasksAndIsThrownOnceTheyEnded() {
        IllegalStateException boom = new IllegalStateException("boom");
        AtomicBoolean taskEnded = new AtomicBoolean();
        CountDownLatch started = new CountDownLatch(1);
        assertThatThrownBy(() -> Async.scope(scope -> {
            scope.spawn(() -> {
                started.countDown();
                try {
                    return Bodies.blockUntilCancelled();
                } finally {
                    taskEnded.set(true);
                }
            });
            Bodies.await(started);
            throw boom;
        })).isSameAs(boom);
        assertThat(taskEnded).isTrue();
    }

    @Test
    void checkedBodyFailureIsWrappedOnce() {
        IOException boom = new IOException("boom");
        assertThatThrownBy(() -> Async.scope(scope -> {
            throw boom;
        })).isExactlyInstanceOf(TaskFailedException.class).hasCause(boom);
    }

    @Test
    void aTaskThatIgnoresCancellationDelaysTheScopeButNeverOutlivesIt() {
        AtomicBoolean stubbornEnded = new AtomicBoolean();
        CountDownLatch started = new CountDownLatch(1);
        assertThatThrownBy(() -> Async.scope(scope -> {
            scope.spawn(() -> {
                started.countDown();
                Bodies.sleepIgnoringInterrupts(Delays.MEDIUM);
                stubbornEnded.set(true);
                return null;
            });
            Bodies.await(started);
            throw new IllegalStateException("boom");
        })).isInstanceOf(IllegalStateException.class);
        assertThat(stubbornEnded).isTrue();
    }

    @Test
    void interruptingTheOwnerWhileTheBodyRunsCancelsEveryTask() throws Exception {
        AtomicInteger cancelledTasks = new AtomicInteger();
        CountDownLatch tasksStarted = new CountDownLatch(2);
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        AtomicBoolean flagAfter = new AtomicBoolean();
        try (TestThreads threads = new TestThreads()) {
            Thread owner = threads.start(() -> {
                try {
                    Async.scope(scope -> {
                        for (int i = 0; i < 2; i++) {
                            scope.spawn(() -> {
                                tasksStarted.countDown();
                                try {
                                    return Bodies.blockUntilCancelled();
                                } catch (InterruptedException e) {
                                    cancelledTasks.incrementAndGet();
                                    throw e;
                                }
                            });
                        }
                        return Bodies.blockUntilCancelled();
                    });
                } catch (Throwable t) {
                    thrown.set(t);
                    flagAfter.set(Thread.currentThread().isInterrupted());
                }
            });
            Bodies.await(tasksStarted);
            owner.interrupt();
        }
        assertThat(thrown.get()).isInstanceOf(UncheckedInterruptedException.class)
                .hasCauseInstanceOf(InterruptedException.class);
        assertThat(flagAfter).isTrue();
        assertThat(cancelledTasks).hasValue(2);
    }

    @Test
    void interruptingTheOwnerWhileItWaitsForTheTasksCancelsThemAndThrows() throws Exception {
        AtomicInteger cancelledTasks = new AtomicInteger();
        CountDownLatch tasksStarted = new CountDownLatch(2);
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        AtomicBoolean flagAfter = new AtomicBoolean();
        try (TestThreads threads = new TestThreads()) {
            Thread owner = threads.start(() -> {
                try {
                    Async.scope(scope -> {
                        for (int i = 0; i < 2; i++) {
                            scope.spawn(() -> {
                                tasksStarted.countDown();
                                try {
                                    return Bodies.blockUntilCancelled();
                                } catch (InterruptedException e) {
                                    cancelledTasks.incrementAndGet();
                                    throw e;
                                }
                            });
                        }
                        return null;
                    });
                } catch (Throwable t) {
                    thrown.set(t);
                    flagAfter.set(Thread.currentThread().isInterrupted());
                }
            });
            Bodies.await(tasksStarted);
            Delays.sleep(Delays.SHORT);
            owner.interrupt();
        }
        assertThat(thrown.get()).isInstanceOf(UncheckedInterruptedException.class);
        assertThat(flagAfter).isTrue();
        assertThat(cancelledTasks).hasValue(2);
    }

    @Test
    void cancellingTheTaskThatOwnsAScopeReachesNestedDescendants() throws Exception {
        int leaves = 3;
        CountDownLatch leavesStarted = new CountDownLatch(leaves);
        AtomicInteger leavesEnded = new AtomicInteger();
        Task<Object> root = Async.spawn(() -> Async.scope(outer -> {
            outer.spawn(() -> Async.scope(inner -> {
                for (int i = 0; i < leaves; i++) {
                    inner.spawn(() -> {
                        leavesStarted.countDown();
                        try {
                            return Bodies.blockUntilCancelled();
                        } finally {
                            leavesEnded.incrementAndGet();
                        }
                    });
                }
                return null;
            }));
            return null;
        }));
        Bodies.await(leavesStarted);
        assertThat(root.cancel()).isTrue();
        // The leak check after this test proves every descendant thread ended; the count
        // proves each leaf was cancelled rather than left to finish.
        long deadline = System.nanoTime() + Delays.LONG.toNanos();
        while (leavesEnded.get() < leaves && System.nanoTime() - deadline < 0) {
            Delays.sleep(Delays.SHORT);
        }
        assertThat(leavesEnded).hasValue(leaves);
    }

    @Test
    void tasksOfTheScopeCanSpawnFurtherTasksInIt() {
        AtomicInteger ran = new AtomicInteger();
        Async.scope(scope -> {
            scope.spawn(() -> {
                scope.spawn(() -> {
                    Thread.sleep(Delays.SHORT);
                    return ran.incrementAndGet();
                });
                return ran.incrementAndGet();
            });
            return null;
        });
        assertThat(ran).hasValue(2);
    }

    @Test
    void spawnAfterTheScopeEndedIsRefused() {
        TaskScope leaked = Async.scope(scope -> scope);
        assertThatThrownBy(() -> leaked.spawn(() -> 1)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("scope has ended");
    }

    @Test
    void spawnAfterTheScopeWasCancelledReturnsACancelledTaskThatNeverRuns() {
        AtomicBoolean ran = new AtomicBoolean();
        AtomicReference<Task<Boolean>> late = new AtomicReference<>();
        assertThatThrownBy(() -> Async.scope(scope -> {
            scope.spawn(() -> {
                throw new IllegalStateException("boom");
            });
            try {
                return Bodies.blockUntilCancelled();
            } catch (InterruptedException scopeCancelled) {
                late.set(scope.spawn(() -> ran.getAndSet(true)));
                return null;
            }
        })).isInstanceOf(IllegalStateException.class);
        assertThat(late.get().isCancelled()).isTrue();
        assertThat(ran).isFalse();
        assertThatThrownBy(late.get()::await).isInstanceOf(CancellationException.class);
    }

    @Test
    void cancellingOneTaskIsNotAFailureOfTheScope() {
        String result = Async.scope(scope -> {
            Task<String> slow = scope.spawn(Bodies::blockUntilCancelled);
            slow.cancel();
            return "done";
        });
        assertThat(result).isEqualTo("done");
    }

    @Test
    void asyncSpawnInsideTheBodyIsNotATaskOfTheScope() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        Task<String> unstructured = Async.scope(scope -> Async.spawn(() -> {
            Bodies.await(release);
            return "outlived the scope";
        }));
        assertThat(unstructured.isReady()).isFalse();
        release.countDown();
        assertThat(unstructured.await()).isEqualTo("outlived the scope");
    }

    @Test
    void namedSpawnNamesTheThread() {
        String name = Async.scope(scope -> scope.spawn("worker-1", () -> Thread.currentThread().getName()).await());
        assertThat(name).isEqualTo("worker-1");
    }

    @Test
    void scopeRefusesANullBody() {
        assertThatThrownBy(() -> Async.scope(null)).isInstanceOf(NullPointerException.class)
                .hasMessage("body");
    }

    @Test
    void spawnRefusesANullBody() {
        assertThatThrownBy(() -> Async.scope(scope -> scope.spawn(null)))
                .isInstanceOf(NullPointerException.class).hasMessage("body");
    }

    @Test
    void namedSpawnRefusesANullName() {
        assertThatThrownBy(() -> Async.scope(scope -> scope.spawn(null, () -> 1)))
                .isInstanceOf(NullPointerException.class).hasMessage("name");
    }
}
