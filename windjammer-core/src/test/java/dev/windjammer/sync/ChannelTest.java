package dev.windjammer.sync;

import dev.windjammer.TimedOutException;
import dev.windjammer.UncheckedInterruptedException;
import dev.windjammer.testkit.Delays;
import dev.windjammer.testkit.TestThreads;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ChannelTest {

    @ParameterizedTest
    @EnumSource(Flavor.class)
    void anElementSentIsReceived(Flavor flavor) {
        Channel<String> channel = flavor.create();
        try (TestThreads threads = new TestThreads()) {
            threads.start(() -> channel.send("hello"));
            assertThat(channel.receive()).isEqualTo("hello");
        }
    }

    @ParameterizedTest
    @EnumSource(Flavor.class)
    void elementsOfOneSenderArriveInOrder(Flavor flavor) {
        Channel<Integer> channel = flavor.create();
        List<Integer> received = new ArrayList<>();
        try (TestThreads threads = new TestThreads()) {
            threads.start(() -> {
                for (int i = 0; i < 1000; i++) {
                    channel.send(i);
                }
                channel.close();
            });
            for (int element : channel) {
                received.add(element);
            }
        }
        assertThat(received).hasSize(1000).isSorted();
    }

    @ParameterizedTest
    @EnumSource(Flavor.class)
    void receiveWaitsForASend(Flavor flavor) {
        Channel<String> channel = flavor.create();
        try (TestThreads threads = new TestThreads()) {
            threads.start(() -> {
                Delays.sleep(Delays.SHORT);
                channel.send("late");
            });
            assertThat(channel.receive()).isEqualTo("late");
        }
    }

    @ParameterizedTest
    @EnumSource(Flavor.class)
    void virtualThreadsSendAndReceive(Flavor flavor) {
        Channel<Integer> channel = flavor.create();
        AtomicReference<Long> sum = new AtomicReference<>();
        try (TestThreads threads = new TestThreads()) {
            threads.startVirtual(() -> {
                for (int i = 1; i <= 1000; i++) {
                    channel.send(i);
                }
                channel.close();
            });
            threads.startVirtual(() -> {
                long total = 0;
                for (int element : channel) {
                    total += element;
                }
                sum.set(total);
            });
        }
        assertThat(sum.get()).isEqualTo(500_500L);
    }

    @ParameterizedTest
    @EnumSource(value = Flavor.class, names = "RENDEZVOUS", mode = EnumSource.Mode.EXCLUDE)
    void aBufferedChannelHoldsElementsUpToItsCapacity(Flavor flavor) {
        Channel<Integer> channel = flavor.create();
        int fill = Math.min(flavor.capacity, 1000);
        for (int i = 0; i < fill; i++) {
            assertThat(channel.trySend(i)).isTrue();
        }
        if (flavor.capacity < 1000) {
            assertThat(channel.trySend(-1)).isFalse();
        }
        for (int i = 0; i < fill; i++) {
            assertThat(channel.tryReceive()).isEqualTo(new Received<>(i));
        }
        assertThat(channel.tryReceive()).isEqualTo(Empty.instance());
    }

    @Test
    void aRendezvousTrySendFailsWithoutAWaitingReceiver() {
        Channel<String> channel = Channel.rendezvous();
        assertThat(channel.trySend("x")).isFalse();
        assertThat(channel.tryReceive()).isInstanceOf(Empty.class);
    }

    @Test
    void aRendezvousTrySendSucceedsWithAWaitingReceiver() {
        Channel<String> channel = Channel.rendezvous();
        AtomicReference<String> received = new AtomicReference<>();
        try (TestThreads threads = new TestThreads()) {
            threads.start(() -> received.set(channel.receive()));
            while (!channel.trySend("x")) {
                Thread.onSpinWait();
            }
        }
        assertThat(received).hasValue("x");
    }

    @Test
    void aRendezvousTryReceiveTakesFromAWaitingSender() {
        Channel<String> channel = Channel.rendezvous();
        try (TestThreads threads = new TestThreads()) {
            threads.start(() -> channel.send("x"));
            ReceiveResult<String> result;
            while ((result = channel.tryReceive()) instanceof Empty) {
                Thread.onSpinWait();
            }
            assertThat(result).isEqualTo(new Received<>("x"));
        }
    }

    @ParameterizedTest
    @EnumSource(value = Flavor.class, names = {"RENDEZVOUS", "BOUNDED_1"})
    void sendWaitsUntilThereIsRoom(Flavor flavor) {
        Channel<Integer> channel = flavor.create();
        CountDownLatch sent = new CountDownLatch(1);
        try (TestThreads threads = new TestThreads()) {
            threads.start(() -> {
                for (int i = 0; i < flavor.capacity; i++) {
                    channel.send(i);
                }
                channel.send(99);
                sent.countDown();
            });
            Delays.sleep(Delays.SHORT);
            assertThat(sent.getCount()).isEqualTo(1);
            for (int i = 0; i < flavor.capacity; i++) {
                assertThat(channel.receive()).isEqualTo(i);
            }
            assertThat(channel.receive()).isEqualTo(99);
        }
        assertThat(sent.getCount()).isZero();
    }

    @ParameterizedTest
    @EnumSource(Flavor.class)
    void timedReceiveThrowsTimedOutWhenNothingArrives(Flavor flavor) {
        Channel<String> channel = flavor.create();
        assertThatThrownBy(() -> channel.receive(Delays.SHORT)).isInstanceOf(TimedOutException.class)
                .hasMessageContaining(channel.toString());
        assertThatThrownBy(() -> channel.receive(Duration.ZERO)).isInstanceOf(TimedOutException.class);
    }

    @ParameterizedTest
    @EnumSource(Flavor.class)
    void timedReceiveReturnsAnElementThatArrivesInTime(Flavor flavor) {
        Channel<String> channel = flavor.create();
        try (TestThreads threads = new TestThreads()) {
            threads.start(() -> channel.send("x"));
            assertThat(channel.receive(Delays.LONG)).isEqualTo("x");
        }
    }

    @ParameterizedTest
    @EnumSource(value = Flavor.class, names = {"RENDEZVOUS", "BOUNDED_1"})
    void timedSendThrowsTimedOutWhenThereIsNoRoomAndSendsNothing(Flavor flavor) {
        Channel<String> channel = flavor.create();
        for (int i = 0; i < flavor.capacity; i++) {
            channel.send("fill");
        }
        assertThatThrownBy(() -> channel.send("late", Delays.SHORT)).isInstanceOf(TimedOutException.class);
        assertThatThrownBy(() -> channel.send("late", Duration.ZERO)).isInstanceOf(TimedOutException.class);
        for (int i = 0; i < flavor.capacity; i++) {
            assertThat(channel.receive()).isEqualTo("fill");
        }
        assertThat(channel.tryReceive()).isInstanceOf(Empty.class);
    }

    @ParameterizedTest
    @EnumSource(Flavor.class)
    void timedSendSucceedsWhenAReceiverComes(Flavor flavor) {
        Channel<String> channel = flavor.create();
        try (TestThreads threads = new TestThreads()) {
            threads.start(() -> assertThat(channel.receive()).isEqualTo("x"));
            channel.send("x", Delays.LONG);
        }
    }

    @ParameterizedTest
    @EnumSource(Flavor.class)
    void closeLetsReceiversDrainThenReportsClosed(Flavor flavor) {
        Channel<Integer> channel = flavor.create();
        int sent = Math.min(flavor.capacity, 3);
        for (int i = 0; i < sent; i++) {
            channel.send(i);
        }
        assertThat(channel.close()).isTrue();
        assertThat(channel.isClosed()).isTrue();
        for (int i = 0; i < sent; i++) {
            assertThat(channel.receive()).isEqualTo(i);
        }
        assertThat(channel.tryReceive()).isEqualTo(Closed.done());
        assertThat(channel.receiveOrClosed()).isEqualTo(Closed.done());
        assertThatThrownBy(channel::receive).isInstanceOf(ChannelClosedException.class)
                .hasMessageContaining("closed").hasNoCause();
    }

    @ParameterizedTest
    @EnumSource(Flavor.class)
    void sendOnAClosedChannelFails(Flavor flavor) {
        Channel<String> channel = flavor.create();
        channel.close();
        assertThatThrownBy(() -> channel.send("x")).isInstanceOf(ChannelClosedException.class)
                .hasMessageContaining("cannot send");
        assertThatThrownBy(() -> channel.send("x", Delays.SHORT)).isInstanceOf(ChannelClosedException.class);
        assertThatThrownBy(() -> channel.trySend("x")).isInstanceOf(ChannelClosedException.class);
    }

    @ParameterizedTest
    @EnumSource(Flavor.class)
    void closingTwiceHasNoEffect(Flavor flavor) {
        Channel<String> channel = flavor.create();
        assertThat(channel.isClosed()).isFalse();
        assertThat(channel.close()).isTrue();
        assertThat(channel.close()).isFalse();
        assertThat(channel.closeWithError(new IllegalStateException("late"))).isFalse();
        assertThat(channel.tryReceive()).isEqualTo(Closed.done());
    }

    @ParameterizedTest
    @EnumSource(Flavor.class)
    void closeWithErrorFailsReceiversAtOnceAndDropsTheBuffer(Flavor flavor) {
        Channel<Integer> channel = flavor.create();
        if (flavor.buffers()) {
            channel.send(1);
        }
        IllegalStateException error = new IllegalStateException("producer failed");
        assertThat(channel.closeWithError(error)).isTrue();
        assertThat(channel.isClosed()).isTrue();
        assertThatThrownBy(channel::receive).isInstanceOf(ChannelClosedException.class).hasCause(error);
        assertThat(channel.tryReceive()).isEqualTo(new Closed<>(error));
        assertThat(channel.receiveOrClosed()).isEqualTo(new Closed<>(error));
        assertThatThrownBy(() -> channel.send(2)).isInstanceOf(ChannelClosedException.class).hasCause(error);
    }

    @ParameterizedTest
    @EnumSource(Flavor.class)
    void closeWakesAWaitingReceiver(Flavor flavor) {
        Channel<String> channel = flavor.create();
        try (TestThreads threads = new TestThreads()) {
            threads.start(() -> assertThatThrownBy(channel::receive).isInstanceOf(ChannelClosedException.class));
            Delays.sleep(Delays.SHORT);
            channel.close();
        }
    }

    @ParameterizedTest
    @EnumSource(Flavor.class)
    void closeWithErrorWakesAWaitingReceiverWithTheError(Flavor flavor) {
        Channel<String> channel = flavor.create();
        IllegalStateException error = new IllegalStateException("boom");
        try (TestThreads threads = new TestThreads()) {
            threads.startVirtual(() -> assertThatThrownBy(channel::receive).hasCause(error));
            Delays.sleep(Delays.SHORT);
            channel.closeWithError(error);
        }
    }

    @ParameterizedTest
    @EnumSource(value = Flavor.class, names = {"RENDEZVOUS", "BOUNDED_1"})
    void closeFailsAWaitingSenderWhoseElementIsNotDelivered(Flavor flavor) {
        Channel<String> channel = flavor.create();
        for (int i = 0; i < flavor.capacity; i++) {
            channel.send("before");
        }
        try (TestThreads threads = new TestThreads()) {
            threads.start(() -> assertThatThrownBy(() -> channel.send("blocked"))
                    .isInstanceOf(ChannelClosedException.class));
            Delays.sleep(Delays.SHORT);
            channel.close();
        }
        List<String> rest = new ArrayList<>();
        channel.forEach(rest::add);
        assertThat(rest).isEqualTo(Collections.nCopies(flavor.capacity, "before"));
    }

    @ParameterizedTest
    @EnumSource(Flavor.class)
    void iterationEndsWhenTheChannelIsClosedAndDrained(Flavor flavor) {
        Channel<String> channel = flavor.create();
        Iterator<String> iterator = channel.iterator();
        channel.close();
        assertThat(iterator.hasNext()).isFalse();
        assertThat(iterator.hasNext()).isFalse();
        assertThatThrownBy(iterator::next).isInstanceOf(NoSuchElementException.class);
    }

    @ParameterizedTest
    @EnumSource(Flavor.class)
    void iterationThrowsWhenTheChannelIsClosedWithAnError(Flavor flavor) {
        Channel<String> channel = flavor.create();
        IllegalStateException error = new IllegalStateException("boom");
        channel.closeWithError(error);
        assertThatThrownBy(() -> channel.iterator().hasNext()).isInstanceOf(ChannelClosedException.class)
                .hasCause(error);
    }

    @ParameterizedTest
    @EnumSource(Flavor.class)
    void anInterruptedReceiveThrowsAndTakesNothing(Flavor flavor) {
        Channel<String> channel = flavor.create();
        try (TestThreads threads = new TestThreads()) {
            Thread receiver = threads.start(() -> {
                assertThatThrownBy(channel::receive).isInstanceOf(UncheckedInterruptedException.class);
                assertThat(Thread.currentThread().isInterrupted()).isTrue();
            });
            Delays.sleep(Delays.SHORT);
            receiver.interrupt();
            TestThreads.awaitTermination(receiver);
            threads.start(() -> channel.send("after"));
            assertThat(channel.receive()).isEqualTo("after");
        }
    }

    @ParameterizedTest
    @EnumSource(value = Flavor.class, names = {"RENDEZVOUS", "BOUNDED_1"})
    void anInterruptedSendThrowsAndSendsNothing(Flavor flavor) {
        Channel<String> channel = flavor.create();
        for (int i = 0; i < flavor.capacity; i++) {
            channel.send("fill");
        }
        try (TestThreads threads = new TestThreads()) {
            Thread sender = threads.startVirtual(() -> {
                assertThatThrownBy(() -> channel.send("interrupted"))
                        .isInstanceOf(UncheckedInterruptedException.class);
                assertThat(Thread.currentThread().isInterrupted()).isTrue();
            });
            Delays.sleep(Delays.SHORT);
            sender.interrupt();
            TestThreads.awaitTermination(sender);
        }
        channel.close();
        List<String> rest = new ArrayList<>();
        channel.forEach(rest::add);
        assertThat(rest).doesNotContain("interrupted");
    }

    @ParameterizedTest
    @EnumSource(Flavor.class)
    void anInterruptedTimedReceiveThrowsAndTakesNothing(Flavor flavor) {
        Channel<String> channel = flavor.create();
        Thread.currentThread().interrupt();
        try {
            assertThatThrownBy(() -> channel.receive(Delays.LONG)).isInstanceOf(UncheckedInterruptedException.class);
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
        } finally {
            Thread.interrupted();
        }
    }

    @ParameterizedTest
    @EnumSource(Flavor.class)
    void anInterruptedReceiveOrClosedThrows(Flavor flavor) {
        Channel<String> channel = flavor.create();
        Thread.currentThread().interrupt();
        try {
            assertThatThrownBy(channel::receiveOrClosed).isInstanceOf(UncheckedInterruptedException.class);
        } finally {
            Thread.interrupted();
        }
    }

    @ParameterizedTest
    @EnumSource(Flavor.class)
    void anInterruptedIterationThrows(Flavor flavor) {
        Channel<String> channel = flavor.create();
        Iterator<String> iterator = channel.iterator();
        Thread.currentThread().interrupt();
        try {
            assertThatThrownBy(iterator::hasNext).isInstanceOf(UncheckedInterruptedException.class);
        } finally {
            Thread.interrupted();
        }
    }

    @ParameterizedTest
    @EnumSource(value = Flavor.class, names = {"RENDEZVOUS", "BOUNDED_1"})
    void anInterruptedTimedSendThrowsAndSendsNothing(Flavor flavor) {
        Channel<String> channel = flavor.create();
        for (int i = 0; i < flavor.capacity; i++) {
            channel.send("fill");
        }
        Thread.currentThread().interrupt();
        try {
            assertThatThrownBy(() -> channel.send("interrupted", Delays.LONG))
                    .isInstanceOf(UncheckedInterruptedException.class);
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
        } finally {
            Thread.interrupted();
        }
        channel.close();
        assertThat(channel).doesNotContain("interrupted");
    }

    @ParameterizedTest
    @EnumSource(Flavor.class)
    void aTimedReceiveOnAClosedDrainedChannelFails(Flavor flavor) {
        Channel<String> channel = flavor.create();
        channel.close();
        assertThatThrownBy(() -> channel.receive(Delays.LONG)).isInstanceOf(ChannelClosedException.class);
    }

    @ParameterizedTest
    @EnumSource(value = Flavor.class, names = {"RENDEZVOUS", "BOUNDED_1"})
    void closeFailsAWaitingTimedSender(Flavor flavor) {
        Channel<String> channel = flavor.create();
        for (int i = 0; i < flavor.capacity; i++) {
            channel.send("before");
        }
        try (TestThreads threads = new TestThreads()) {
            threads.start(() -> assertThatThrownBy(() -> channel.send("blocked", Delays.LONG))
                    .isInstanceOf(ChannelClosedException.class));
            Delays.sleep(Delays.SHORT);
            channel.close();
        }
    }

    @ParameterizedTest
    @EnumSource(value = Flavor.class, names = "RENDEZVOUS", mode = EnumSource.Mode.EXCLUDE)
    void operationsThatNeedNotWaitIgnoreTheInterruptStatus(Flavor flavor) {
        Channel<String> channel = flavor.create();
        Thread.currentThread().interrupt();
        try {
            channel.send("x");
            assertThat(channel.receive()).isEqualTo("x");
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
        } finally {
            Thread.interrupted();
        }
    }

    @ParameterizedTest
    @EnumSource(Flavor.class)
    void aReceiveThatMustWaitFailsAtOnceWhenAlreadyInterrupted(Flavor flavor) {
        Channel<String> channel = flavor.create();
        Thread.currentThread().interrupt();
        try {
            assertThatThrownBy(channel::receive).isInstanceOf(UncheckedInterruptedException.class);
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
        } finally {
            Thread.interrupted();
        }
    }

    @ParameterizedTest
    @EnumSource(Flavor.class)
    void nullArgumentsAreRejected(Flavor flavor) {
        Channel<String> channel = flavor.create();
        assertThatThrownBy(() -> channel.send(null)).isInstanceOf(NullPointerException.class).hasMessage("element");
        assertThatThrownBy(() -> channel.trySend(null)).hasMessage("element");
        assertThatThrownBy(() -> channel.send(null, Delays.SHORT)).hasMessage("element");
        assertThatThrownBy(() -> channel.send("x", null)).hasMessage("timeout");
        assertThatThrownBy(() -> channel.receive(null)).hasMessage("timeout");
        assertThatThrownBy(() -> channel.closeWithError(null)).hasMessage("error");
    }

    @Test
    void boundedRejectsCapacitiesOutOfRange() {
        assertThatThrownBy(() -> Channel.bounded(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("rendezvous()");
        assertThatThrownBy(() -> Channel.bounded(-1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least 1");
        assertThatThrownBy(() -> Channel.bounded(Integer.MAX_VALUE)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at most");
    }

    @Test
    void boundedAcceptsCapacitiesThatAreNotPowersOfTwo() {
        for (int capacity : new int[] {1, 2, 3, 7, 8, 9, 100}) {
            Channel<Integer> channel = Channel.bounded(capacity);
            for (int round = 0; round < 3; round++) {
                for (int i = 0; i < capacity; i++) {
                    assertThat(channel.trySend(i)).isTrue();
                }
                assertThat(channel.trySend(-1)).as("capacity %d full", capacity).isFalse();
                for (int i = 0; i < capacity; i++) {
                    assertThat(channel.receive()).isEqualTo(i);
                }
            }
        }
    }

    @Test
    void toStringNamesTheFlavor() {
        assertThat(Channel.bounded(4)).hasToString("Channel.bounded(4)");
        assertThat(Channel.unbounded()).hasToString("Channel.unbounded()");
        assertThat(Channel.rendezvous()).hasToString("Channel.rendezvous()");
    }
}
