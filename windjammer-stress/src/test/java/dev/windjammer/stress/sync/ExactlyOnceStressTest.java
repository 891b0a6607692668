package dev.windjammer.stress.sync;

import dev.windjammer.sync.Channel;
import dev.windjammer.sync.ChannelClosedException;
import dev.windjammer.sync.Empty;
import dev.windjammer.sync.ReceiveResult;
import dev.windjammer.sync.Received;
import dev.windjammer.sync.Select;
import dev.windjammer.testkit.Delays;
import dev.windjammer.testkit.TestThreads;
import dev.windjammer.TimedOutException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * N producers and M consumers on one channel, every flavor, platform and virtual threads: every
 * element sent is received exactly once, and each consumer sees the elements of each producer
 * in the order they were sent. Producers and consumers use every way of sending and receiving
 * the API has, so that all of them race with each other and with {@code close()}.
 */
class ExactlyOnceStressTest {

    private static final int ELEMENTS = 40_000 * Stress.SCALE;

    static Stream<Arguments> configurations() {
        List<Arguments> all = new ArrayList<>();
        int[][] shapes = {{1, 1}, {4, 4}, {8, 2}, {2, 8}};
        for (Stress.Flavor flavor : Stress.Flavor.values()) {
            for (Stress.Kind kind : Stress.Kind.values()) {
                for (int[] shape : shapes) {
                    all.add(Arguments.of(flavor, kind, shape[0], shape[1]));
                }
            }
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{0} {1} {2} producers x {3} consumers")
    @MethodSource("configurations")
    void everyElementIsReceivedExactlyOnceAndInOrderPerProducer(Stress.Flavor flavor, Stress.Kind kind,
                                                                int producers, int consumers) throws InterruptedException {
        Channel<Long> channel = flavor.create();
        Channel<Long> spare = Channel.bounded(1); // a second select clause that is never ready
        int perProducer = ELEMENTS / producers;
        AtomicIntegerArray seen = new AtomicIntegerArray(producers * perProducer);
        CountDownLatch produced = new CountDownLatch(producers);
        List<Thread> started = new ArrayList<>();
        try (TestThreads threads = new TestThreads()) {
            for (int p = 0; p < producers; p++) {
                int producer = p;
                started.add(kind.start(threads, () -> {
                    for (int i = 0; i < perProducer; i++) {
                        send(channel, producer, encode(producer, i));
                    }
                    produced.countDown();
                }));
            }
            for (int c = 0; c < consumers; c++) {
                int consumer = c;
                started.add(kind.start(threads, () -> {
                    int[] last = new int[producers];
                    Arrays.fill(last, -1);
                    for (long element : elements(channel, spare, consumer)) {
                        int producer = (int) (element >>> 32);
                        int index = (int) element;
                        assertThat(index).as("order of producer %d", producer).isGreaterThan(last[producer]);
                        last[producer] = index;
                        seen.incrementAndGet(producer * perProducer + index);
                    }
                }));
            }
            started.add(kind.start(threads, () -> {
                produced.await();
                channel.close();
            }));
            // The work happens while the threads run; give it time in proportion to the scale
            // (TestThreads.close() allows each thread Delays.LONG, enough at scale 1 only).
            for (Thread thread : started) {
                thread.join(Delays.LONG.multipliedBy(Stress.SCALE));
            }
        }
        for (int i = 0; i < seen.length(); i++) {
            assertThat(seen.get(i)).as("receptions of element %d", i).isEqualTo(1);
        }
    }

    private static long encode(int producer, int index) {
        return ((long) producer << 32) | index;
    }

    /** Sends with one of the API's ways, chosen by the producer. */
    private static void send(Channel<Long> channel, int producer, long element) {
        switch (producer % 3) {
            case 0 -> channel.send(element);
            case 1 -> {
                while (true) {
                    try {
                        channel.send(element, Delays.SHORT);
                        return;
                    } catch (TimedOutException full) {
                        // try again
                    }
                }
            }
            default -> {
                for (int attempt = 1; !channel.trySend(element); attempt++) {
                    backOff(attempt);
                }
            }
        }
    }

    /**
     * Between two failed {@code trySend}/{@code tryReceive} attempts: yield, and now and then
     * sleep. Yielding alone is not enough on virtual threads: the JDK's scheduler runs a yielded
     * virtual thread again from its carrier's local queue before it looks at virtual threads
     * started from outside (the test thread starts them), so two polling loops on the two
     * carriers of this machine kept the consumers from ever starting (a hang seen on a quiet
     * machine: every producer parked on a full channel, both carriers busy yielding). A sleep
     * unmounts the thread and empties the local queue.
     */
    private static void backOff(int attempt) {
        if (attempt % 16 == 0) {
            Delays.sleep(Duration.ofNanos(100_000));
        } else {
            Thread.yield();
        }
    }

    /** The elements a consumer receives until the channel is closed and drained. */
    private static Iterable<Long> elements(Channel<Long> channel, Channel<Long> spare, int consumer) {
        if (consumer % 5 == 4) {
            return channel; // the API's own for-each loop
        }
        return () -> new Iterator<>() {
            private Long next;
            private boolean done;

            @Override
            public boolean hasNext() {
                if (next == null && !done) {
                    next = receive(channel, spare, consumer);
                    done = next == null;
                }
                return next != null;
            }

            @Override
            public Long next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                Long element = next;
                next = null;
                return element;
            }
        };
    }

    /** Receives with one of the API's ways, chosen by the consumer; {@code null} once closed. */
    private static Long receive(Channel<Long> channel, Channel<Long> spare, int consumer) {
        return switch (consumer % 4) {
            case 0 -> channel.receiveOrClosed() instanceof Received<Long>(Long element) ? element : null;
            case 1 -> {
                ReceiveResult<Long> result;
                for (int attempt = 1; (result = channel.tryReceive()) instanceof Empty<Long>; attempt++) {
                    backOff(attempt);
                }
                yield result instanceof Received<Long>(Long element) ? element : null;
            }
            case 2 -> new Select<Long>()
                    .onReceiveOrClosed(channel, outcome -> outcome instanceof Received<Long>(Long e) ? e : null)
                    .onReceive(spare, element -> {
                        throw new AssertionError("spare is never sent to");
                    })
                    .select();
            default -> {
                while (true) {
                    try {
                        yield channel.receive(Delays.SHORT);
                    } catch (TimedOutException empty) {
                        // try again
                    } catch (ChannelClosedException closed) {
                        yield null;
                    }
                }
            }
        };
    }
}
