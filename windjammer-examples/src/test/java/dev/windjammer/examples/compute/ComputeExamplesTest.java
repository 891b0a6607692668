package dev.windjammer.examples.compute;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ComputeExamplesTest {

    @Test
    void parallelItemsGivesOneResultPerItemInOrder() {
        List<Long> items = LongStream.rangeClosed(2, 5_000).boxed().toList();
        assertThat(ParallelItems.results(items)).isEqualTo(items.stream().map(ParallelItems::process).toList());
        assertThat(ParallelItems.process(12)).isEqualTo(2 + 2 + 3);
    }

    @Test
    void mapReduceSumsSquares() {
        assertThat(MapReduceSquares.sumOfSquares(List.of(1L, 2L, 3L))).isEqualTo(14);
        assertThat(MapReduceSquares.sumOfSquares(List.of())).isZero();
    }

    @Test
    void imagesAreFilteredInOrder() {
        List<ImageFilters.Image> images = IntStream.range(0, 10)
                .mapToObj(i -> new ImageFilters.Image(2, 1, new int[] {i, 0xFFFFFF})).toList();
        List<ImageFilters.Image> out = ImageFilters.processAll(images);
        assertThat(out).hasSize(10);
        assertThat(out.get(3).pixels()).isEqualTo(ImageFilters.applyFilter(images.get(3)).pixels());
        assertThat(out.get(0).pixels()[1]).isEqualTo(0xFFFFEE); // white turns warm
    }

    @Test
    void imageRejectsAWrongPixelCount() {
        assertThatThrownBy(() -> new ImageFilters.Image(2, 2, new int[3]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2x2");
    }

    @Test
    void goodAndAvoidAgree() throws Exception {
        List<Integer> items = IntStream.range(0, 1_050).boxed().toList();
        assertThat(ChunksVersusParallel.good(items, x -> x * x))
                .isEqualTo(ChunksVersusParallel.avoid(items, x -> x * x));
    }

    @Test
    void demoPrintsASpeedupPerWorkload() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        double[] speedups = ComputeDemo.run(new PrintStream(bytes, true, StandardCharsets.UTF_8), 1);
        String table = bytes.toString(StandardCharsets.UTF_8);
        assertThat(speedups).hasSize(3);
        for (double s : speedups) {
            assertThat(s).isPositive();
        }
        assertThat(table).contains("workers").contains("prime factors").contains("speedup");
    }
}
