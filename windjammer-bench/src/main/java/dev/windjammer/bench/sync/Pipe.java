package dev.windjammer.bench.sync;

import dev.windjammer.sync.Channel;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedTransferQueue;
import java.util.concurrent.SynchronousQueue;

/**
 * One channel-like thing of the comparison, behind one interface so that every benchmark runs
 * the same driver over each. JMH runs each parameter combination in its own fork, so every call
 * site sees one implementation and stays monomorphic.
 *
 * <p>The implementations ({@code @Param impl}), for a capacity {@code n}:
 * <ul>
 *   <li>{@code windjammer}: {@code Channel.rendezvous()} for n = 0, else {@code Channel.bounded(n)};</li>
 *   <li>{@code jox}: jox 1.0.1 {@code newRendezvousChannel()} / {@code newBufferedChannel(n)};</li>
 *   <li>{@code jdkQueue}: {@link SynchronousQueue} for n = 0, else {@link ArrayBlockingQueue}(n);</li>
 *   <li>{@code linkedTransferQueue}: {@link LinkedTransferQueue} with {@code transfer} for n = 0,
 *       else with {@code put} (unbounded: it ignores n).</li>
 * </ul>
 */
interface Pipe {

    /** The element every benchmark sends: a cached box, so that no benchmark measures boxing. */
    Integer ELEMENT = 63;

    void put(Integer element) throws InterruptedException;

    Integer take() throws InterruptedException;

    /** Returns the underlying object, for benchmarks that use it directly (select). */
    Object unwrap();

    static Pipe of(String implementation, int capacity) {
        return switch (implementation) {
            case "windjammer" -> windjammer(capacity == 0 ? Channel.rendezvous() : Channel.bounded(capacity));
            case "jox" -> jox(capacity == 0 ? com.softwaremill.jox.Channel.newRendezvousChannel()
                    : com.softwaremill.jox.Channel.newBufferedChannel(capacity));
            case "jdkQueue" -> queue(capacity == 0 ? new SynchronousQueue<>() : new ArrayBlockingQueue<>(capacity));
            case "linkedTransferQueue" -> capacity == 0 ? transfer(new LinkedTransferQueue<>())
                    : queue(new LinkedTransferQueue<>());
            default -> throw new IllegalArgumentException("unknown implementation " + implementation);
        };
    }

    private static Pipe windjammer(Channel<Integer> channel) {
        return new Pipe() {
            @Override
            public void put(Integer element) {
                channel.send(element);
            }

            @Override
            public Integer take() {
                return channel.receive();
            }

            @Override
            public Object unwrap() {
                return channel;
            }
        };
    }

    private static Pipe jox(com.softwaremill.jox.Channel<Integer> channel) {
        return new Pipe() {
            @Override
            public void put(Integer element) throws InterruptedException {
                channel.send(element);
            }

            @Override
            public Integer take() throws InterruptedException {
                return channel.receive();
            }

            @Override
            public Object unwrap() {
                return channel;
            }
        };
    }

    private static Pipe queue(BlockingQueue<Integer> queue) {
        return new Pipe() {
            @Override
            public void put(Integer element) throws InterruptedException {
                queue.put(element);
            }

            @Override
            public Integer take() throws InterruptedException {
                return queue.take();
            }

            @Override
            public Object unwrap() {
                return queue;
            }
        };
    }

    private static Pipe transfer(LinkedTransferQueue<Integer> queue) {
        return new Pipe() {
            @Override
            public void put(Integer element) throws InterruptedException {
                queue.transfer(element);
            }

            @Override
            public Integer take() throws InterruptedException {
                return queue.take();
            }

            @Override
            public Object unwrap() {
                return queue;
            }
        };
    }
}
