package dev.windjammer.stress.sync;

import dev.windjammer.UncheckedInterruptedException;
import dev.windjammer.sync.Channel;
import dev.windjammer.sync.ChannelClosedException;
import dev.windjammer.sync.Received;
import dev.windjammer.sync.Select;
import dev.windjammer.testkit.TestThreads;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Producers and consumers interrupted at random while they send and receive, directly and
 * through {@link Select}: an interrupted send did not send (the producer sends the element
 * again and it must arrive once), an interrupted receive took nothing (nothing may go
 * missing). Every element must be received exactly once.
 */
class InterruptionStressTest {

    private static final int ELEMENTS = 20_000 * Stress.SCALE;
    private static final int PRODUCERS = 2;
    private static final int CONSUMERS = 2;

    static Stream<Arguments> configurations() {
        List<Arguments> all = new ArrayList<>();
        for (Stress.Flavor flavor : Stress.Flavor.values()) {
            for (Stress.Kind kind : Stress.Kind.values()) {
                all.add(Arguments.of(flavor, kind));
            }
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("configurations")
    void interruptionsNeitherLoseNorDuplicateElements(Stress.Flavor flavor, Stress.Kind kind) {
        Channel<Integer> channel = flavor.create();
        Channel<Integer> idle = Channel.rendezvous(); // a select clause nobody serves
        AtomicIntegerArray seen = new AtomicIntegerArray(ELEMENTS);
        AtomicLong interruptedOperations = new AtomicLong();
        CountDownLatch produced = new CountDownLatch(PRODUCERS);
        CountDownLatch consumed = new CountDownLatch(CONSUMERS);
        List<Thread> parties = new ArrayList<>();
        try (TestThreads threads = new TestThreads()) {
            for (int p = 0; p < PRODUCERS; p++) {
                int producer = p;
                parties.add(kind.start(threads, () -> {
                    for (int element = producer; element < ELEMENTS; element += PRODUCERS) {
                        while (!sendOnce(channel, idle, element, producer)) {
                            interruptedOperations.incrementAndGet();
                        }
                    }
                    produced.countDown();
                }));
            }
            for (int c = 0; c < CONSUMERS; c++) {
                int consumer = c;
                parties.add(kind.start(threads, () -> {
                    try {
                        while (true) {
                            try {
                                Integer element = receiveOnce(channel, idle, consumer);
                                if (element == null) {
                                    return;
                                }
                                seen.incrementAndGet(element);
                            } catch (UncheckedInterruptedException interrupted) {
                                Thread.interrupted();
                                interruptedOperations.incrementAndGet();
                            }
                        }
                    } finally {
                        consumed.countDown();
                    }
                }));
            }
            threads.start(() -> {
                ThreadLocalRandom random = ThreadLocalRandom.current();
                while (consumed.getCount() > 0) {
                    parties.get(random.nextInt(parties.size())).interrupt();
                    Thread.sleep(0, random.nextInt(1, 200_000));
                }
            });
            threads.start(() -> {
                produced.await();
                channel.close();
            });
        }
        for (int i = 0; i < ELEMENTS; i++) {
            assertThat(seen.get(i)).as("receptions of element %d", i).isEqualTo(1);
        }
    }

    /** Sends {@code element} once; {@code false} if interrupted, when it was not sent. */
    private static boolean sendOnce(Channel<Integer> channel, Channel<Integer> idle, int element, int producer) {
        try {
            if (producer % 2 == 0) {
                channel.send(element);
            } else {
                new Select<Boolean>()
                        .onSend(channel, element, () -> true)
                        .onReceive(idle, x -> {
                            throw new AssertionError("idle is never sent to");
                        })
                        .select();
            }
            return true;
        } catch (UncheckedInterruptedException interrupted) {
            Thread.interrupted();
            return false;
        }
    }

    /** Receives one element, or {@code null} once the channel is closed and drained. */
    private static Integer receiveOnce(Channel<Integer> channel, Channel<Integer> idle, int consumer) {
        if (consumer % 2 == 0) {
            try {
                return channel.receive();
            } catch (ChannelClosedException closed) {
                return null;
            }
        }
        return new Select<Integer>()
                .onReceiveOrClosed(channel, outcome -> outcome instanceof Received<Integer>(Integer e) ? e : null)
                .onReceive(idle, x -> {
                    throw new AssertionError("idle is never sent to");
                })
                .select();
    }
}
