package dev.windjammer.examples.image.imaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.windjammer.examples.image.TestImages;
import dev.windjammer.examples.image.imaging.ProcessedImage.Encoded;
import dev.windjammer.examples.image.imaging.ProcessedImage.Reason;
import dev.windjammer.examples.image.imaging.ProcessedImage.Rejected;
import dev.windjammer.testkit.TestThreads;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ImageProcessorTest {

    private final ImageProcessor processor = ImageProcessor.builder().build();

    @ParameterizedTest
    @ValueSource(strings = {"png", "jpeg", "gif", "bmp"})
    void turnsEverySupportedFormatIntoAValid800x600Jpeg(String format) throws IOException {
        Encoded encoded = encoded(processor.process(TestImages.picture(1024, 768, format)));

        assertThat(encoded.width()).isEqualTo(800);
        assertThat(encoded.height()).isEqualTo(600);
        assertThat(encoded.sourceFormat()).isEqualTo(format);
        assertThat(encoded.sourceWidth()).isEqualTo(1024);
        assertThat(encoded.sourceHeight()).isEqualTo(768);
        TestImages.assertValidJpeg(encoded.jpeg(), 800, 600);
    }

    @ParameterizedTest(name = "{1} as {0}")
    @CsvSource({"png, TYPE_USHORT_GRAY", "png, TYPE_BYTE_BINARY", "png, TYPE_BYTE_INDEXED", "png, TYPE_4BYTE_ABGR",
            "png, TYPE_USHORT_565_RGB", "jpeg, TYPE_BYTE_GRAY", "gif, TYPE_BYTE_INDEXED", "bmp, TYPE_USHORT_555_RGB"})
    void decodesEveryPixelLayoutTheFormatsCarry(String format, String layout) throws Exception {
        int type = BufferedImage.class.getField(layout).getInt(null);
        BufferedImage source = new BufferedImage(1700, 1300, type);
        java.awt.Graphics2D g = source.createGraphics();
        try {
            g.setPaint(new java.awt.GradientPaint(0, 0, Color.BLUE, 1700, 1300, Color.ORANGE));
            g.fillRect(0, 0, 1700, 1300);
        } finally {
            g.dispose();
        }

        Encoded encoded = encoded(processor.process(TestImages.encode(source, format)));

        TestImages.assertValidJpeg(encoded.jpeg(), 800, 600);
    }

    @ParameterizedTest
    @CsvSource({"2400, 1800", "1500, 2000", "1600, 400", "100, 50", "1, 1", "801, 599"})
    void outputIsExactly800x600WhateverTheSourceShape(int width, int height) throws IOException {
        Encoded encoded = encoded(processor.process(TestImages.picture(width, height, "png")));

        TestImages.assertValidJpeg(encoded.jpeg(), 800, 600);
    }

    @Test
    void outputIsSepiaToned() {
        Encoded encoded = encoded(processor.process(TestImages.picture(1200, 900, "jpeg")));

        double[] mean = TestImages.meanRgb(TestImages.decode(encoded.jpeg()));
        assertThat(mean[0]).isGreaterThan(mean[1]);
        assertThat(mean[1]).isGreaterThan(mean[2]);
    }

    @Test
    void greySourceTakesTheSepiaColourOfItsLevel() {
        Encoded encoded = encoded(processor.process(
                TestImages.solid(640, 480, new Color(100, 100, 100), "png")));

        // 100 * (1.351, 1.203, 0.937) = (135.1, 120.3, 93.7); JPEG keeps a flat colour within a few levels
        double[] mean = TestImages.meanRgb(TestImages.decode(encoded.jpeg()));
        assertThat(mean[0]).isCloseTo(135.1, org.assertj.core.data.Offset.offset(3.0));
        assertThat(mean[1]).isCloseTo(120.3, org.assertj.core.data.Offset.offset(3.0));
        assertThat(mean[2]).isCloseTo(93.7, org.assertj.core.data.Offset.offset(3.0));
    }

    @Test
    void configuredSizeAndQualityAreUsed() throws IOException {
        byte[] source = TestImages.picture(1000, 1000, "png");
        ImageProcessor small = ImageProcessor.builder().size(320, 200).jpegQuality(0.3f).build();
        ImageProcessor fine = ImageProcessor.builder().size(320, 200).jpegQuality(0.95f).build();

        Encoded low = encoded(small.process(source));
        Encoded high = encoded(fine.process(source));

        TestImages.assertValidJpeg(low.jpeg(), 320, 200);
        TestImages.assertValidJpeg(high.jpeg(), 320, 200);
        assertThat(low.jpeg().length).isLessThan(high.jpeg().length);
    }

    @Test
    void refusesADecompressionBombFromItsHeaderWithoutAllocatingIt() {
        byte[] bomb = TestImages.pngBomb(20_000);
        assertThat(bomb.length).isLessThan(100_000);
        com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long thread = Thread.currentThread().threadId();

        long before = threads.getThreadAllocatedBytes(thread);
        ProcessedImage result = processor.process(bomb);
        long allocated = threads.getThreadAllocatedBytes(thread) - before;

        Rejected rejected = rejected(result, Reason.TOO_MANY_PIXELS);
        assertThat(rejected.message()).contains("20000x20000", "400000000", "25000000");
        // decoding would need 50 MB even at 1 bit per pixel; the header check needs next to nothing
        assertThat(allocated).isLessThan(4L << 20);
    }

    @Test
    void pixelLimitIsConfigurable() {
        ImageProcessor strict = ImageProcessor.builder().maxPixels(1_000_000).build();

        assertThat(strict.process(TestImages.picture(1000, 1000, "png"))).isInstanceOf(Encoded.class);
        rejected(strict.process(TestImages.picture(1001, 1000, "png")), Reason.TOO_MANY_PIXELS);
    }

    @Test
    void refusesHtmlAsNotAnImageAndQuotesItsStart() {
        byte[] html = "<!DOCTYPE html><html><body>Not found</body></html>".getBytes(StandardCharsets.UTF_8);

        Rejected rejected = rejected(processor.process(html), Reason.NOT_AN_IMAGE);

        assertThat(rejected.message()).contains("not a PNG, JPEG, GIF or BMP image", "<!DOCTYPE html>");
    }

    @Test
    void refusesEmptyContentAsNotAnImage() {
        rejected(processor.process(new byte[0]), Reason.NOT_AN_IMAGE);
    }

    @Test
    void refusesRandomBinaryAsNotAnImage() {
        byte[] noise = new byte[4096];
        new java.util.Random(42).nextBytes(noise);
        noise[0] = 0x13; // keep it from looking like a WBMP header by chance

        rejected(processor.process(noise), Reason.NOT_AN_IMAGE);
    }

    @Test
    void refusesWebpAsUnsupportedByName() {
        byte[] webp = "RIFF\0\0\0\0WEBPVP8 rest".getBytes(StandardCharsets.ISO_8859_1);

        Rejected rejected = rejected(processor.process(webp), Reason.UNSUPPORTED_FORMAT);

        assertThat(rejected.message()).startsWith("WebP images are not supported");
    }

    @Test
    void refusesTiffThoughImageIoCouldReadIt() {
        Rejected rejected = rejected(processor.process(TestImages.picture(64, 64, "tiff")),
                Reason.UNSUPPORTED_FORMAT);

        assertThat(rejected.message()).contains("TIF");
    }

    @Test
    void refusesATruncatedPngAsCorrupt() {
        byte[] png = TestImages.picture(400, 300, "png");

        Rejected rejected = rejected(processor.process(Arrays.copyOf(png, png.length / 2)), Reason.CORRUPT);

        assertThat(rejected.message()).startsWith("invalid png image");
    }

    @Test
    void refusesAJpegWithDamagedHeaderAsCorrupt() {
        byte[] jpeg = TestImages.picture(400, 300, "jpeg");
        byte[] damaged = Arrays.copyOf(jpeg, 600); // SOI and a little of the headers, then nothing

        rejected(processor.process(damaged), Reason.CORRUPT);
    }

    @Test
    void transparentAreasBecomeWhiteNotBlack() {
        BufferedImage clear = new BufferedImage(800, 600, BufferedImage.TYPE_INT_ARGB); // all transparent
        Encoded encoded = encoded(processor.process(TestImages.encode(clear, "png")));

        double[] mean = TestImages.meanRgb(TestImages.decode(encoded.jpeg()));
        // sepia of white is (255, 255, 239)
        assertThat(mean[0]).isGreaterThan(245);
        assertThat(mean[2]).isGreaterThan(225);
    }

    @Test
    void sameSourceGivesTheSameBytesFromManyThreadsAtOnce() {
        byte[] source = TestImages.picture(1500, 1000, "jpeg");
        byte[] expected = encoded(processor.process(source)).jpeg();
        ConcurrentLinkedQueue<byte[]> results = new ConcurrentLinkedQueue<>();

        try (TestThreads threads = new TestThreads()) {
            for (int i = 0; i < 4; i++) {
                threads.start(() -> results.add(encoded(processor.process(source)).jpeg()));
            }
        }

        assertThat(results).hasSize(4).allSatisfy(bytes -> assertThat(bytes).isEqualTo(expected));
    }

    @Test
    void processRejectsNullSource() {
        assertThatThrownBy(() -> processor.process(null))
                .isInstanceOf(NullPointerException.class).hasMessageContaining("source");
    }

    @Test
    void builderRejectsOutOfRangeSize() {
        assertThatThrownBy(() -> ImageProcessor.builder().size(0, 600))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("width");
        assertThatThrownBy(() -> ImageProcessor.builder().size(800, 20_000))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("height");
    }

    @Test
    void builderRejectsNonPositivePixelLimit() {
        assertThatThrownBy(() -> ImageProcessor.builder().maxPixels(0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxPixels");
    }

    @Test
    void builderRejectsQualityOutsideZeroToOne() {
        assertThatThrownBy(() -> ImageProcessor.builder().jpegQuality(1.5f))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("jpegQuality");
        assertThatThrownBy(() -> ImageProcessor.builder().jpegQuality(Float.NaN))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("jpegQuality");
    }

    static Encoded encoded(ProcessedImage result) {
        assertThat(result).isInstanceOf(Encoded.class);
        return (Encoded) result;
    }

    static Rejected rejected(ProcessedImage result, Reason reason) {
        assertThat(result).isInstanceOf(Rejected.class);
        Rejected rejected = (Rejected) result;
        assertThat(rejected.reason()).isEqualTo(reason);
        return rejected;
    }
}
