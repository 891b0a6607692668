package dev.windjammer.examples.thread;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ManualChunkingTest {

    @Test
    void theResultsComeBackInTheOrderOfTheItems() {
        List<Integer> items = IntStream.range(0, 1050).boxed().toList();
        List<Integer> doubled = ManualChunking.process(items, x -> 2 * x);
        assertThat(doubled).isEqualTo(items.stream().map(x -> 2 * x).toList());
    }

    @Test
    void fewerItemsThanAChunkUseOneThread() {
        List<String> threads = ManualChunking.process(List.of(1, 2, 3), x -> Thread.currentThread().getName());
        assertThat(threads).hasSize(3).containsOnly(threads.getFirst());
    }

    @Test
    void noItemsStartNoThread() {
        assertThat(ManualChunking.process(List.<Integer>of(), x -> x)).isEmpty();
    }

    @Test
    void aFailingChunkFailsTheCall() {
        List<Integer> items = IntStream.range(0, 50).boxed().toList();
        assertThatThrownBy(() -> ManualChunking.process(items, x -> {
            if (x == 7) {
                throw new IllegalArgumentException("bad item " + x);
            }
            return x;
        })).isInstanceOf(IllegalArgumentException.class).hasMessage("bad item 7");
    }

    @Test
    void theExampleRuns() {
        String output = Console.capture(() -> ManualChunking.main(new String[0]));
        assertThat(output).contains("sum of squares: 333833500");
    }
}
