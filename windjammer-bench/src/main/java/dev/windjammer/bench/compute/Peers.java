package dev.windjammer.bench.compute;

import dev.windjammer.compute.ComputePool;

import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntConsumer;

/**
 * The peers every compute benchmark runs beside Windjammer, and the workloads they share.
 *
 * <ul>
 *   <li>{@code sequential} — a plain loop on the benchmark thread;</li>
 *   <li>{@code parallelStream} — a JDK parallel stream on the common pool (the benchmark thread
 *       takes part, as streams do);</li>
 *   <li>{@code parallelStreamFjp2} — the same stream run inside {@code new ForkJoinPool(2)}, so
 *       that it has exactly the workers Windjammer has and the caller only waits;</li>
 *   <li>{@code oracle} — two pre-started platform threads, each doing a fixed half with no
 *       framework at all: the cost floor of a two-way split.</li>
 * </ul>
 */
final class Peers {

    /** Stream peer with exactly two workers. */
    static final ForkJoinPool FJP2 = new ForkJoinPool(2);

    /** The two-thread oracle, started once per JVM. */
    static final Oracle ORACLE = new Oracle();

    /**
     * A Windjammer pool like the default one but splitting with the JDK's static policy
     * (leaf = n / (4 x parallelism)) instead of the adaptive one: the {@code windjammerStaticSplit}
     * variant, for ADR 0010. The policy is read from a system property when a pool is built.
     */
    static final ComputePool STATIC_SPLIT = staticSplitPool();

    private static ComputePool staticSplitPool() {
        System.setProperty("windjammer.compute.splitting", "static");
        try {
            return ComputePool.builder().name("static-split").build();
        } finally {
            System.clearProperty("windjammer.compute.splitting");
        }
    }

    private Peers() {
    }

    /** A cheap pure function: a few ns. */
    static int cheap(int x) {
        return x * 31 + (x >>> 3);
    }

    /** About {@code rounds} ns of dependent integer work (xorshift rounds). */
    static long work(long seed, int rounds) {
        long x = seed | 1;
        for (int i = 0; i < rounds; i++) {
            x ^= x << 13;
            x ^= x >>> 7;
            x ^= x << 17;
        }
        return x;
    }

    /** Rounds of {@link #work} that take about one microsecond on the reference machine. */
    static final int ONE_MICROSECOND = 400;

    /**
     * Two pre-started daemon threads; {@link #run} gives each one half and parks the caller
     * until both are done.
     */
    static final class Oracle {
        private final Thread[] threads = new Thread[2];
        private final AtomicInteger pending = new AtomicInteger();
        private volatile IntConsumer half;
        private volatile int generation;
        private volatile Thread caller;

        Oracle() {
            for (int i = 0; i < 2; i++) {
                int index = i;
                threads[i] = Thread.ofPlatform().daemon().name("oracle-" + i).start(() -> loop(index));
            }
        }

        private void loop(int index) {
            int seen = 0;
            while (true) {
                while (generation == seen) {
                    LockSupport.park(this);
                }
                seen = generation;
                half.accept(index);
                if (pending.decrementAndGet() == 0) {
                    LockSupport.unpark(caller);
                }
            }
        }

        /** Runs {@code half.accept(0)} and {@code half.accept(1)} on the two threads. */
        void run(IntConsumer work) {
            caller = Thread.currentThread();
            half = work;
            pending.set(2);
            generation++;
            LockSupport.unpark(threads[0]);
            LockSupport.unpark(threads[1]);
            while (pending.get() != 0) {
                LockSupport.park(this);
            }
        }
    }
}
