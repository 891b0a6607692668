package dev.windjammer.examples.image.imaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SepiaTest {

    @Test
    void tonesKnownColoursToTheClassicMatrix() {
        int[] pixels = {0x000000, 0xFFFFFF, 0xFF0000, 0x00FF00, 0x0000FF, 0x646464};

        Sepia.applyInPlace(pixels);

        assertThat(pixels).containsExactly(
                0x000000,
                rgb(255, 255, 239),   // (1.351, 1.203, 0.937) x 255, clamped
                rgb(100, 89, 69),     // (0.393, 0.349, 0.272) x 255
                rgb(196, 175, 136),   // (0.769, 0.686, 0.534) x 255
                rgb(48, 43, 33),      // (0.189, 0.168, 0.131) x 255
                rgb(135, 120, 94));   // (1.351, 1.203, 0.937) x 100
    }

    @Test
    void staysWithinOneOfTheRealValuedMatrixForEveryColour() {
        int[] pixels = new int[1 << 16];
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = random.nextInt() & 0xFFFFFF;
        }
        int[] original = pixels.clone();

        Sepia.applyInPlace(pixels);

        for (int i = 0; i < pixels.length; i++) {
            int r = (original[i] >> 16) & 0xff;
            int g = (original[i] >> 8) & 0xff;
            int b = original[i] & 0xff;
            assertChannel(pixels[i] >> 16, 0.393 * r + 0.769 * g + 0.189 * b);
            assertChannel(pixels[i] >> 8, 0.349 * r + 0.686 * g + 0.168 * b);
            assertChannel(pixels[i], 0.272 * r + 0.534 * g + 0.131 * b);
            int red = (pixels[i] >> 16) & 0xff;
            int green = (pixels[i] >> 8) & 0xff;
            int blue = pixels[i] & 0xff;
            assertThat(red).isGreaterThanOrEqualTo(green);
            assertThat(green).isGreaterThanOrEqualTo(blue);
        }
    }

    private static void assertChannel(int packed, double exact) {
        long expected = Math.min(255, Math.round(exact));
        assertThat((long) (packed & 0xff)).isBetween(expected - 1, expected + 1);
    }

    @Test
    void keepsTheAlphaByte() {
        int[] pixels = {0x80FF0000, 0xFF000000};

        Sepia.applyInPlace(pixels);

        assertThat(pixels[0] >>> 24).isEqualTo(0x80);
        assertThat(pixels[1]).isEqualTo(0xFF000000);
    }

    @Test
    void tonesOnlyTheGivenRange() {
        int[] pixels = {0xFF0000, 0xFF0000, 0xFF0000, 0xFF0000};

        Sepia.applyInPlace(pixels, 1, 3);

        assertThat(pixels).containsExactly(0xFF0000, rgb(100, 89, 69), rgb(100, 89, 69), 0xFF0000);
    }

    @Test
    void rejectsARangeOutsideTheArray() {
        assertThatThrownBy(() -> Sepia.applyInPlace(new int[4], 2, 5))
                .isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> Sepia.applyInPlace(new int[4], 3, 2))
                .isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void rejectsNullPixels() {
        assertThatThrownBy(() -> Sepia.applyInPlace(null))
                .isInstanceOf(NullPointerException.class).hasMessageContaining("pixels");
        assertThatThrownBy(() -> Sepia.applyInPlace(null, 0, 0))
                .isInstanceOf(NullPointerException.class).hasMessageContaining("pixels");
    }

    private static int rgb(int r, int g, int b) {
        return (r << 16) | (g << 8) | b;
    }
}
