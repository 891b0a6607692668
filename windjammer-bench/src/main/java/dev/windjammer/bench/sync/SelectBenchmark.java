package dev.windjammer.bench.sync;

import dev.windjammer.sync.Channel;
import dev.windjammer.sync.Select;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.TimeUnit;

/**
 * Select over two: two senders each feed their own channel, one receiver selects over both
 * (jox's SelectBenchmark "two channels"); the score is the time per selected element. The
 * select is built anew for every receive in both libraries, as typical code does. Only jox has
 * a select to compare with.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class SelectBenchmark {

    private static final int ELEMENTS = 200_000;

    @Param({"windjammer", "jox"})
    public String impl;

    @Param({"0", "16"})
    public int capacity;

    @Param({"platform", "virtual"})
    public String threads;

    @Benchmark
    @OperationsPerInvocation(ELEMENTS)
    @SuppressWarnings("unchecked")
    public void selectOverTwo() throws InterruptedException {
        Pipe first = Pipe.of(impl, capacity);
        Pipe second = Pipe.of(impl, capacity);
        Workers workers = new Workers(threads);
        workers.start(() -> {
            for (int i = 0; i < ELEMENTS / 2; i++) {
                first.put(Pipe.ELEMENT);
            }
        });
        workers.start(() -> {
            for (int i = 0; i < ELEMENTS / 2; i++) {
                second.put(Pipe.ELEMENT);
            }
        });
        if (impl.equals("windjammer")) {
            Channel<Integer> a = (Channel<Integer>) first.unwrap();
            Channel<Integer> b = (Channel<Integer>) second.unwrap();
            workers.start(() -> {
                for (int i = 0; i < ELEMENTS; i++) {
                    new Select<Integer>().onReceive(a, x -> x).onReceive(b, x -> x).select();
                }
            });
        } else {
            var a = (com.softwaremill.jox.Channel<Integer>) first.unwrap();
            var b = (com.softwaremill.jox.Channel<Integer>) second.unwrap();
            workers.start(() -> {
                for (int i = 0; i < ELEMENTS; i++) {
                    com.softwaremill.jox.Select.select(a.receiveClause(), b.receiveClause());
                }
            });
        }
        workers.joinAll();
    }
}
