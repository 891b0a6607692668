package dev.windjammer.examples.image.imaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CoverResizeTest {

    private static final int GREEN = 0x00FF00;
    private static final int GREY = 0x808080;

    @Test
    void wideSourceLosesEqualStripsLeftAndRight() {
        // 1600 x 600 at 4:3 covers with the middle 800 x 600: green strips of 400 on each side go
        BufferedImage source = framed(1600, 600, 400, 0);

        BufferedImage out = CoverResize.cover(source, 800, 600);

        assertThat(out.getWidth()).isEqualTo(800);
        assertThat(out.getHeight()).isEqualTo(600);
        assertAllGrey(out);
    }

    @Test
    void tallSourceLosesEqualStripsTopAndBottom() {
        // 800 x 1200: the middle 800 x 600 stays, 300 rows go at the top and the bottom
        BufferedImage source = framed(800, 1200, 0, 300);

        assertAllGrey(CoverResize.cover(source, 800, 600));
    }

    @Test
    void sourceOfTheTargetAspectKeepsEverything() {
        // a 4000 x 3000 source with a green border of 40: shrunk by 5 the border is 8 wide
        BufferedImage source = framed(4000, 3000, 40, 40);

        BufferedImage out = CoverResize.cover(source, 800, 600);

        assertThat(out.getRGB(2, 300) & 0xFFFFFF).isEqualTo(GREEN);
        assertThat(out.getRGB(400, 2) & 0xFFFFFF).isEqualTo(GREEN);
        assertThat(out.getRGB(400, 300) & 0xFFFFFF).isEqualTo(GREY);
    }

    @Test
    void smallSourceIsScaledUp() {
        BufferedImage out = CoverResize.cover(new BufferedImage(40, 30, BufferedImage.TYPE_3BYTE_BGR), 800, 600);

        assertThat(out.getWidth()).isEqualTo(800);
        assertThat(out.getHeight()).isEqualTo(600);
        assertThat(out.getType()).isEqualTo(BufferedImage.TYPE_INT_RGB);
    }

    @ParameterizedTest(name = "image type {0}")
    @ValueSource(ints = {BufferedImage.TYPE_INT_RGB, BufferedImage.TYPE_INT_ARGB})
    void largeReductionsAverageFinePatternsInsteadOfAliasing(int type) {
        // one-pixel black and white columns: a correct 4x reduction is mid grey everywhere,
        // through the area-average pass (INT_RGB) and through Java2D halvings (ARGB) alike
        BufferedImage stripes = new BufferedImage(3200, 2400, type);
        Graphics2D g = stripes.createGraphics();
        try {
            g.setColor(Color.BLACK);
            g.fillRect(0, 0, 3200, 2400);
            g.setColor(Color.WHITE);
            for (int x = 0; x < stripes.getWidth(); x += 2) {
                g.fillRect(x, 0, 1, 2400);
            }
        } finally {
            g.dispose();
        }

        BufferedImage out = CoverResize.cover(stripes, 800, 600);

        for (int x = 0; x < 800; x += 37) {
            int level = out.getRGB(x, 300) & 0xff;
            assertThat(level).isBetween(120, 136);
        }
    }

    /** A grey picture with green bands of {@code bandX} columns left and right and {@code bandY} rows top and bottom. */
    private static BufferedImage framed(int width, int height, int bandX, int bandY) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setColor(new Color(GREEN));
            g.fillRect(0, 0, width, height);
            g.setColor(new Color(GREY));
            g.fillRect(bandX, bandY, width - 2 * bandX, height - 2 * bandY);
        } finally {
            g.dispose();
        }
        return image;
    }

    private static void assertAllGrey(BufferedImage image) {
        for (int y = 0; y < image.getHeight(); y += 3) {
            for (int x = 0; x < image.getWidth(); x += 3) {
                assertThat(image.getRGB(x, y) & 0xFFFFFF).as("pixel %d,%d", x, y).isEqualTo(GREY);
            }
        }
    }
}
