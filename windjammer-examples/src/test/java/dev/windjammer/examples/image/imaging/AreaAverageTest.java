package dev.windjammer.examples.image.imaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class AreaAverageTest {

    @Test
    void averagesEachBlockOfAThreeByteImage() {
        BufferedImage source = new BufferedImage(6, 4, BufferedImage.TYPE_3BYTE_BGR);
        SplittableRandom random = new SplittableRandom(3);
        for (int y = 0; y < 4; y++) {
            for (int x = 0; x < 6; x++) {
                source.setRGB(x, y, random.nextInt() & 0xFFFFFF);
            }
        }

        BufferedImage out = AreaAverage.shrink(source, 0, 0, 6, 4, 2);

        assertThat(out.getWidth()).isEqualTo(3);
        assertThat(out.getHeight()).isEqualTo(2);
        for (int y = 0; y < 2; y++) {
            for (int x = 0; x < 3; x++) {
                assertThat(out.getRGB(x, y) & 0xFFFFFF).isEqualTo(blockMean(source, 2 * x, 2 * y, 2));
            }
        }
    }

    @Test
    void averagesAWindowOfAnIntRgbImage() {
        BufferedImage source = new BufferedImage(9, 9, BufferedImage.TYPE_INT_RGB);
        SplittableRandom random = new SplittableRandom(5);
        for (int y = 0; y < 9; y++) {
            for (int x = 0; x < 9; x++) {
                source.setRGB(x, y, random.nextInt() & 0xFFFFFF);
            }
        }

        BufferedImage out = AreaAverage.shrink(source, 3, 0, 6, 9, 3);

        assertThat(out.getWidth()).isEqualTo(2);
        assertThat(out.getHeight()).isEqualTo(3);
        assertThat(out.getRGB(1, 2) & 0xFFFFFF).isEqualTo(blockMean(source, 6, 6, 3));
    }

    @Test
    void greyStaysGrey() {
        BufferedImage source = new BufferedImage(4, 4, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = source.createGraphics();
        g.setColor(new Color(90, 90, 90));
        g.fillRect(0, 0, 4, 4);
        g.dispose();
        int level = source.getRaster().getSample(0, 0, 0);

        BufferedImage out = AreaAverage.shrink(source, 0, 0, 4, 4, 2);

        assertThat(out.getRGB(1, 1) & 0xFFFFFF).isEqualTo(level * 0x010101);
    }

    @Test
    void supportsThePhotoLayoutsOnly() {
        assertThat(AreaAverage.supported(new BufferedImage(2, 2, BufferedImage.TYPE_3BYTE_BGR))).isTrue();
        assertThat(AreaAverage.supported(new BufferedImage(2, 2, BufferedImage.TYPE_INT_RGB))).isTrue();
        assertThat(AreaAverage.supported(new BufferedImage(2, 2, BufferedImage.TYPE_BYTE_GRAY))).isTrue();
        assertThat(AreaAverage.supported(new BufferedImage(2, 2, BufferedImage.TYPE_INT_ARGB))).isFalse();
        assertThat(AreaAverage.supported(new BufferedImage(2, 2, BufferedImage.TYPE_4BYTE_ABGR))).isFalse();
        assertThat(AreaAverage.supported(new BufferedImage(2, 2, BufferedImage.TYPE_BYTE_INDEXED))).isFalse();
        assertThat(AreaAverage.supported(new BufferedImage(2, 2, BufferedImage.TYPE_USHORT_GRAY))).isFalse();
    }

    @Test
    void leavesNonSrgbColourSpacesToJava2d() {
        ComponentColorModel linear = new ComponentColorModel(ColorSpace.getInstance(ColorSpace.CS_LINEAR_RGB),
                false, false, java.awt.Transparency.OPAQUE, DataBuffer.TYPE_BYTE);
        BufferedImage image = new BufferedImage(linear, linear.createCompatibleWritableRaster(2, 2), false, null);

        assertThat(AreaAverage.supported(image)).isFalse();
    }

    @Test
    void coverGivesTheSameResultThroughEitherPath() {
        // a smooth picture: the box pass and Java2D's halvings must agree within rounding
        BufferedImage photo = new BufferedImage(3200, 2400, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = photo.createGraphics();
        g.setPaint(new java.awt.GradientPaint(0, 0, new Color(20, 60, 200), 3200, 2400, new Color(250, 200, 30)));
        g.fillRect(0, 0, 3200, 2400);
        g.dispose();
        BufferedImage withAlpha = new BufferedImage(3200, 2400, BufferedImage.TYPE_INT_ARGB);
        Graphics2D copy = withAlpha.createGraphics();
        copy.drawImage(photo, 0, 0, null);
        copy.dispose();

        BufferedImage fast = CoverResize.cover(photo, 800, 600);
        BufferedImage general = CoverResize.cover(withAlpha, 800, 600);

        for (int y = 0; y < 600; y += 50) {
            for (int x = 0; x < 800; x += 50) {
                int a = fast.getRGB(x, y);
                int b = general.getRGB(x, y);
                for (int shift = 0; shift <= 16; shift += 8) {
                    assertThat(Math.abs(((a >> shift) & 0xff) - ((b >> shift) & 0xff))).isLessThanOrEqualTo(3);
                }
            }
        }
    }

    private static int blockMean(BufferedImage image, int x0, int y0, int k) {
        int r = 0;
        int g = 0;
        int b = 0;
        for (int y = y0; y < y0 + k; y++) {
            for (int x = x0; x < x0 + k; x++) {
                int p = image.getRGB(x, y);
                r += (p >> 16) & 0xff;
                g += (p >> 8) & 0xff;
                b += p & 0xff;
            }
        }
        int area = k * k;
        return ((r + area / 2) / area << 16) | ((g + area / 2) / area << 8) | ((b + area / 2) / area);
    }
}
