package dev.windjammer.async;

import dev.windjammer.TimedOutException;
import dev.windjammer.testkit.Delays;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Records {@code jdk.VirtualThreadPinned} with threshold 0 while every operation of the layer
 * runs and blocks on virtual threads, and checks that no pinning involves our code.
 *
 * <p>On JDK 24 and later (JEP 491) blocking inside {@code synchronized} no longer pins, so
 * what this still catches there is blocking under a native frame or in a class initializer;
 * on Java 21 it also catches blocking inside {@code synchronized}. A positive control (a class
 * initializer that sleeps, which pins on every JDK so far) shows that the recording works.
 */
@ExtendWith(VirtualThreadLeakCheck.class)
class VirtualThreadPinningTest {

    private static final String PINNED = "jdk.VirtualThreadPinned";

    /** Pins its virtual thread: sleeps while the JVM initializes it. */
    static final class PinsWhileInitializing {
        static {
            Delays.sleep(Delays.SHORT);
        }

        static void touch() {
        }
    }

    @Test
    void noVirtualThreadIsPinnedInWindjammerCode() throws Exception {
        List<RecordedEvent> events = new CopyOnWriteArrayList<>();
        try (RecordingStream recording = new RecordingStream()) {
            recording.enable(PINNED).withThreshold(Duration.ZERO).withStackTrace();
            recording.onEvent(PINNED, events::add);
            recording.startAsync();
            Async.spawn(() -> {
                exerciseEveryOperation();
                return null;
            }).await();
            Async.spawn(() -> {
                PinsWhileInitializing.touch();
                return null;
            }).await();
            recording.stop();
        }
        List<RecordedEvent> control = new ArrayList<>();
        List<String> ours = new ArrayList<>();
        for (RecordedEvent event : events) {
            String reason = event.hasField("pinnedReason") ? event.getString("pinnedReason") : "";
            if (reason.contains(PinsWhileInitializing.class.getName())) {
                control.add(event);
            } else if (reason.contains("dev.windjammer") || hasWindjammerFrame(event)) {
                ours.add(event.toString());
            }
        }
        assertThat(control).as("the positive control was recorded").isNotEmpty();
        assertThat(ours).as("pinned events involving dev.windjammer").isEmpty();
    }

    private static boolean hasWindjammerFrame(RecordedEvent event) {
        if (event.getStackTrace() == null) {
            return false;
        }
        for (RecordedFrame frame : event.getStackTrace().getFrames()) {
            if (frame.getMethod().getType().getName().startsWith("dev.windjammer.")) {
                return true;
            }
        }
        return false;
    }

    /** Every operation, each made to block (park) at least once on a virtual thread. */
    private static void exerciseEveryOperation() {
        Duration nap = Duration.ofMillis(5);
        Task<String> spawned = Async.spawn(() -> {
            Async.sleep(nap);
            return "spawned";
        });
        assertThat(spawned.await()).isEqualTo("spawned");

        assertThat(Async.join(() -> sleepThen(nap, 1), () -> sleepThen(nap, 2)).second()).isEqualTo(2);
        assertThatThrownBy(() -> Async.join(() -> sleepThen(Delays.LONG, 1), () -> {
            throw new IllegalStateException("fail-fast");
        })).hasMessage("fail-fast");

        List<Callable<Integer>> bodies = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            int value = i;
            bodies.add(() -> sleepThen(nap, value));
        }
        assertThat(Async.joinAll(bodies)).hasSize(50);
        assertThat(Async.joinAll(bodies, 4)).hasSize(50);
        assertThat(Async.joinAllSettled(bodies)).hasSize(50);
        assertThat(Async.joinAllSettled(bodies, 4)).hasSize(50);

        int winner = Async.race(List.<Callable<Integer>>of(() -> sleepThen(Delays.LONG, 0), () -> sleepThen(nap, 1)));
        assertThat(winner).isEqualTo(1);

        assertThat(Async.timeout(Delays.LONG, () -> sleepThen(nap, "in time"))).isEqualTo("in time");
        assertThatThrownBy(() -> Async.timeout(nap, () -> sleepThen(Delays.LONG, "late")))
                .isInstanceOf(TimedOutException.class);

        int scoped = Async.scope(scope -> {
            Task<Integer> a = scope.spawn(() -> sleepThen(nap, 1));
            scope.spawn(() -> Async.scope(inner -> inner.spawn(() -> sleepThen(nap, 2)).await()));
            return a.await();
        });
        assertThat(scoped).isEqualTo(1);
        assertThatThrownBy(() -> Async.<Integer>scope(scope -> {
            scope.spawn(() -> sleepThen(Delays.LONG, 1));
            scope.spawn(() -> {
                Async.sleep(nap);
                throw new IllegalStateException("scope failure");
            });
            return sleepThen(Delays.LONG, 0);
        })).hasMessage("scope failure");
    }

    private static <T> T sleepThen(Duration nap, T value) {
        Async.sleep(nap);
        return value;
    }
}
