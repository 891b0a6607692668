package dev.windjammer.bench.thread;

import dev.windjammer.thread.Threads;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.TimeUnit;

/**
 * Spawn and join one platform thread that returns a value: {@code Threads.spawn(..).join()}
 * against {@code new Thread(..).start(); join()} with the value handed back through a field.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class SpawnJoinBenchmark {

    private static final Integer VALUE = 42;

    @Benchmark
    public Integer windjammer() {
        return Threads.spawn(() -> VALUE).join();
    }

    @Benchmark
    public Integer rawThread() throws InterruptedException {
        Integer[] result = new Integer[1];
        Thread thread = new Thread(() -> result[0] = VALUE);
        thread.start();
        thread.join();
        return result[0];
    }
}
