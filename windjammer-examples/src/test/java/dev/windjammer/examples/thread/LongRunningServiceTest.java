package dev.windjammer.examples.thread;

import dev.windjammer.testkit.Delays;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

class LongRunningServiceTest {

    /** A clock the test moves forward. */
    static final class ManualClock extends Clock {
        private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-01-01T00:00:00Z"));

        void advance(Duration duration) {
            now.updateAndGet(instant -> instant.plus(duration));
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    }

    @Test
    void expiredSessionsAreReapedWhileTheOthersStay() {
        ManualClock clock = new ManualClock();
        LongRunningService service = new LongRunningService(Delays.SHORT, clock);
        service.open("short", clock.instant().plusSeconds(1));
        service.open("long", clock.instant().plusSeconds(3600));
        clock.advance(Duration.ofSeconds(2));
        long deadline = System.nanoTime() + Delays.LONG.toNanos();
        while (service.isOpen("short") && System.nanoTime() < deadline) {
            Delays.sleep(Delays.SHORT);
        }
        assertThat(service.isOpen("short")).isFalse();
        assertThat(service.isOpen("long")).isTrue();
        assertThat(service.stop()).isPositive();
    }

    @Test
    void stopEndsTheServiceWithoutWaitingForTheNextRound() {
        LongRunningService service = new LongRunningService(Delays.LONG, new ManualClock());
        long start = System.nanoTime();
        assertThat(service.stop()).isZero();
        assertThat(System.nanoTime() - start).isLessThan(Delays.LONG.toNanos());
    }

    @Test
    void theExampleRuns() {
        String output = Console.capture(() -> LongRunningService.main(new String[0]));
        assertThat(output).contains("short open: false, long open: true");
    }
}
