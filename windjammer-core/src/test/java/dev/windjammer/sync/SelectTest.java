package dev.windjammer.sync;

import dev.windjammer.UncheckedInterruptedException;
import dev.windjammer.testkit.Delays;
import dev.windjammer.testkit.TestThreads;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SelectTest {

    @ParameterizedTest
    @EnumSource(value = Flavor.class, names = "RENDEZVOUS", mode = EnumSource.Mode.EXCLUDE)
    void receivesFromTheReadyChannelAmongChannelsOfDifferentTypes(Flavor flavor) {
        Channel<Integer> numbers = flavor.create();
        Channel<String> words = flavor.create();
        words.send("hello");
        String result = new Select<String>()
                .onReceive(numbers, n -> "number " + n)
                .onReceive(words, w -> "word " + w)
                .select();
        assertThat(result).isEqualTo("word hello");
    }

    @ParameterizedTest
    @EnumSource(Flavor.class)
    void waitsUntilAChannelBecomesReady(Flavor flavor) {
        Channel<Integer> numbers = flavor.create();
        Channel<String> words = flavor.create();
        try (TestThreads threads = new TestThreads()) {
            threads.start(() -> {
                Delays.sleep(Delays.SHORT);
                numbers.send(7);
            });
            String result = new Select<String>()
                    .onReceive(numbers, n -> "number " + n)
                    .onReceive(words, w -> "word " + w)
                    .select();
            assertThat(result).isEqualTo("number 7");
        }
    }

    @ParameterizedTest
    @EnumSource(Flavor.class)
    void sendsToTheChannelWithRoomOrAWaitingReceiver(Flavor flavor) {
        Channel<String> full = Channel.bounded(1);
        full.send("occupied");
        Channel<String> target = flavor.create();
        try (TestThreads threads = new TestThreads()) {
            threads.start(() -> assertThat(target.receive()).isEqualTo("sent"));
            String result = new Select<String>()
                    .onSend(full, "nope", () -> "full")
                    .onSend(target, "sent", () -> "target")
                    .select();
            assertThat(result).isEqualTo("target");
        }
        assertThat(full.receive()).isEqualTo("occupied");
        assertThat(full.tryReceive()).isInstanceOf(Empty.class);
    }

    @ParameterizedTest
    @EnumSource(value = Flavor.class, names = "RENDEZVOUS", mode = EnumSource.Mode.EXCLUDE)
    void completesExactlyOneClauseWhenSeveralAreReady(Flavor flavor) {
        Channel<String> first = flavor.create();
        Channel<String> second = flavor.create();
        first.send("a");
        second.send("b");
        String result = new Select<String>()
                .onReceive(first, x -> x)
                .onReceive(second, x -> x)
                .select();
        Channel<String> untouched = result.equals("a") ? second : first;
        assertThat(untouched.tryReceive()).isInstanceOf(Received.class);
        assertThat(first.tryReceive()).isInstanceOf(Empty.class);
        assertThat(second.tryReceive()).isInstanceOf(Empty.class);
    }

    @Test
    void noClauseIsStarvedWhenSeveralAreAlwaysReady() {
        Channel<Integer> left = Channel.unbounded();
        Channel<Integer> right = Channel.unbounded();
        int rounds = 2000;
        for (int i = 0; i < rounds; i++) {
            left.send(i);
            right.send(i);
        }
        Select<String> select = new Select<String>()
                .onReceive(left, x -> "left")
                .onReceive(right, x -> "right");
        int lefts = 0;
        for (int i = 0; i < rounds; i++) {
            if (select.select().equals("left")) {
                lefts++;
            }
        }
        // each side is chosen with probability 1/2; 40% is more than 8 standard deviations away
        assertThat(lefts).isBetween(rounds * 4 / 10, rounds * 6 / 10);
    }

    @Test
    void theDefaultBranchRunsWhenNothingIsReady() {
        Channel<String> empty = Channel.bounded(1);
        String result = new Select<String>()
                .onReceive(empty, x -> x)
                .orElse(() -> "default")
                .select();
        assertThat(result).isEqualTo("default");
    }

    @Test
    void theDefaultBranchIsNotTakenWhenAClauseIsReady() {
        Channel<String> ready = Channel.bounded(1);
        ready.send("x");
        assertThat(new Select<String>().onReceive(ready, x -> x).orElse(() -> "default").select())
                .isEqualTo("x");
    }

    @Test
    void theTimeoutBranchRunsWhenNothingBecomesReadyInTime() {
        Channel<String> empty = Channel.rendezvous();
        long start = System.nanoTime();
        String result = new Select<String>()
                .onReceive(empty, x -> x)
                .onTimeout(Delays.SHORT, () -> "timeout")
                .select();
        assertThat(result).isEqualTo("timeout");
        assertThat(System.nanoTime() - start).isGreaterThanOrEqualTo(Delays.SHORT.toNanos());
        assertThat(empty.trySend("nobody waits")).isFalse();
    }

    @Test
    void aZeroTimeoutTriesEachClauseOnce() {
        Channel<String> ready = Channel.bounded(1);
        Channel<String> empty = Channel.bounded(1);
        assertThat(new Select<String>().onReceive(empty, x -> x).onTimeout(Duration.ZERO, () -> "timeout").select())
                .isEqualTo("timeout");
        ready.send("x");
        assertThat(new Select<String>().onReceive(ready, x -> x).onTimeout(Duration.ZERO, () -> "timeout").select())
                .isEqualTo("x");
    }

    @Test
    void aSelectWithOnlyATimeoutSleeps() {
        assertThat(new Select<String>().onTimeout(Delays.SHORT, () -> "slept").select()).isEqualTo("slept");
    }

    @Test
    void aClosedChannelMakesOnReceiveThrow() {
        Channel<String> closed = Channel.bounded(1);
        closed.close();
        Channel<String> empty = Channel.bounded(1);
        assertThatThrownBy(() -> new Select<String>().onReceive(empty, x -> x).onReceive(closed, x -> x).select())
                .isInstanceOf(ChannelClosedException.class);
    }

    @ParameterizedTest
    @EnumSource(Flavor.class)
    void onReceiveOrClosedReportsTheClosureOfAWaitedChannel(Flavor flavor) {
        Channel<String> done = flavor.create();
        Channel<String> work = flavor.create();
        try (TestThreads threads = new TestThreads()) {
            threads.startVirtual(() -> {
                Delays.sleep(Delays.SHORT);
                done.close();
            });
            String result = new Select<String>()
                    .onReceive(work, w -> "work")
                    .onReceiveOrClosed(done, outcome -> outcome instanceof Closed<String> ? "stop" : "value")
                    .select();
            assertThat(result).isEqualTo("stop");
        }
    }

    @Test
    void onReceiveOrClosedPassesReceivedElements() {
        Channel<String> channel = Channel.unbounded();
        channel.send("x");
        ReceiveResult<String> result = new Select<ReceiveResult<String>>()
                .onReceiveOrClosed(channel, outcome -> outcome)
                .select();
        assertThat(result).isEqualTo(new Received<>("x"));
    }

    @Test
    void aClosedChannelMakesOnSendThrow() {
        Channel<String> closed = Channel.unbounded();
        closed.close();
        assertThatThrownBy(() -> new Select<String>().onSend(closed, "x", () -> "sent").select())
                .isInstanceOf(ChannelClosedException.class).hasMessageContaining("cannot send");
    }

    @ParameterizedTest
    @EnumSource(value = Flavor.class, names = "UNBOUNDED", mode = EnumSource.Mode.EXCLUDE)
    void anInterruptedSelectThrowsAndCompletesNoClause(Flavor flavor) {
        Channel<String> input = flavor.create();
        Channel<String> output = flavor.create();
        for (int i = 0; i < flavor.capacity; i++) {
            output.send("fill");
        }
        try (TestThreads threads = new TestThreads()) {
            Thread selecting = threads.startVirtual(() -> {
                assertThatThrownBy(() -> new Select<String>()
                        .onReceive(input, x -> x)
                        .onSend(output, "selected", () -> "sent")
                        .select()).isInstanceOf(UncheckedInterruptedException.class);
                assertThat(Thread.currentThread().isInterrupted()).isTrue();
            });
            Delays.sleep(Delays.SHORT);
            selecting.interrupt();
            TestThreads.awaitTermination(selecting);
        }
        output.close();
        assertThat(output).doesNotContain("selected");
    }

    @Test
    void aSelectDoesNotMatchItsOwnSendAndReceiveOnARendezvousChannel() {
        Channel<String> channel = Channel.rendezvous();
        String result = new Select<String>()
                .onSend(channel, "x", () -> "sent")
                .onReceive(channel, x -> "received " + x)
                .onTimeout(Delays.SHORT, () -> "timeout")
                .select();
        assertThat(result).isEqualTo("timeout");
    }

    @Test
    void twoSelectsMeetOnARendezvousChannel() {
        Channel<String> first = Channel.rendezvous();
        Channel<String> second = Channel.rendezvous();
        AtomicReference<String> received = new AtomicReference<>();
        String sent;
        try (TestThreads threads = new TestThreads()) {
            threads.start(() -> received.set(new Select<String>()
                    .onReceive(first, x -> x)
                    .onReceive(second, x -> x)
                    .select()));
            sent = new Select<String>()
                    .onSend(first, "first", () -> "first")
                    .onSend(second, "second", () -> "second")
                    .select();
        }
        assertThat(received).hasValue(sent);
    }

    @Test
    void aSelectCanBeRunManyTimes() {
        Channel<Integer> channel = Channel.bounded(4);
        Select<Integer> select = new Select<Integer>().onReceive(channel, x -> x * 10);
        channel.send(1);
        channel.send(2);
        assertThat(select.select()).isEqualTo(10);
        assertThat(select.select()).isEqualTo(20);
    }

    @Test
    void handlerExceptionsPropagateUnchanged() {
        Channel<String> channel = Channel.bounded(1);
        channel.send("x");
        IllegalStateException boom = new IllegalStateException("boom");
        assertThatThrownBy(() -> new Select<String>().onReceive(channel, x -> {
            throw boom;
        }).select()).isSameAs(boom);
    }

    @Test
    void aSelectWithoutAnythingToSelectIsRefused() {
        assertThatThrownBy(() -> new Select<String>().select()).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("nothing to select");
    }

    @Test
    void aSelectHasAtMostOneFallback() {
        assertThatThrownBy(() -> new Select<String>().orElse(() -> "a").onTimeout(Delays.SHORT, () -> "b"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("at most one");
        assertThatThrownBy(() -> new Select<String>().onTimeout(Delays.SHORT, () -> "b").orElse(() -> "a"))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void nullArgumentsAreRejected() {
        Channel<String> channel = Channel.bounded(1);
        Select<String> select = new Select<>();
        assertThatThrownBy(() -> select.onReceive((Receiver<String>) null, x -> x)).isInstanceOf(NullPointerException.class).hasMessage("from");
        assertThatThrownBy(() -> select.onReceive(channel, null)).hasMessage("handler");
        assertThatThrownBy(() -> select.onReceiveOrClosed(null, x -> "")).hasMessage("from");
        assertThatThrownBy(() -> select.onSend(null, "x", () -> "")).hasMessage("to");
        assertThatThrownBy(() -> select.onSend(channel, null, () -> "")).hasMessage("element");
        assertThatThrownBy(() -> select.onSend(channel, "x", null)).hasMessage("handler");
        assertThatThrownBy(() -> select.onTimeout(null, () -> "")).hasMessage("timeout");
        assertThatThrownBy(() -> select.orElse(null)).hasMessage("handler");
    }
}
