package dev.windjammer.examples.image.imaging;

import static org.assertj.core.api.Assertions.assertThat;

import dev.windjammer.examples.image.TestImages;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ExifOrientationTest {

    private static final int R = 0xFF0000;
    private static final int G = 0x00FF00;
    private static final int B = 0x0000FF;
    private static final int W = 0xFFFFFF;

    /** Stored corners (top-left red, top-right green, bottom-left blue, bottom-right white) as displayed. */
    @ParameterizedTest(name = "orientation {0}")
    @CsvSource({
            "1, R, G, B, W",
            "2, G, R, W, B",
            "3, W, B, G, R",
            "4, B, W, R, G",
            "5, R, B, G, W",
            "6, B, R, W, G",
            "7, W, G, B, R",
            "8, G, W, R, B"})
    void turnsTheStoredPictureAsExifDefines(int orientation, String topLeft, String topRight, String bottomLeft,
                                            String bottomRight) {
        BufferedImage stored = quadrants(40, 20);

        BufferedImage shown = ExifOrientation.apply(stored, orientation);

        boolean swapped = orientation >= 5;
        assertThat(shown.getWidth()).isEqualTo(swapped ? 20 : 40);
        assertThat(shown.getHeight()).isEqualTo(swapped ? 40 : 20);
        int right = shown.getWidth() - 1;
        int bottom = shown.getHeight() - 1;
        assertThat(rgb(shown, 0, 0)).isEqualTo(colour(topLeft));
        assertThat(rgb(shown, right, 0)).isEqualTo(colour(topRight));
        assertThat(rgb(shown, 0, bottom)).isEqualTo(colour(bottomLeft));
        assertThat(rgb(shown, right, bottom)).isEqualTo(colour(bottomRight));
    }

    @ParameterizedTest(name = "orientation {0}")
    @ValueSource(ints = {1, 2, 3, 4, 5, 6, 7, 8})
    void readsTheTagInBothByteOrders(int orientation) {
        byte[] jpeg = TestImages.picture(64, 48, "jpeg");

        assertThat(ExifOrientation.of(withOrientation(jpeg, orientation, ByteOrder.LITTLE_ENDIAN))).isEqualTo(orientation);
        assertThat(ExifOrientation.of(withOrientation(jpeg, orientation, ByteOrder.BIG_ENDIAN))).isEqualTo(orientation);
    }

    @Test
    void withoutExifTheOrientationIsOne() {
        assertThat(ExifOrientation.of(TestImages.picture(64, 48, "jpeg"))).isEqualTo(1);
    }

    @Test
    void anythingMalformedMeansOne() {
        byte[] jpeg = withOrientation(TestImages.picture(64, 48, "jpeg"), 6, ByteOrder.BIG_ENDIAN);

        assertThat(ExifOrientation.of(withOrientation(TestImages.picture(64, 48, "jpeg"), 9, ByteOrder.BIG_ENDIAN)))
                .isEqualTo(1);
        int segmentEnd = 2 + 2 + 2 + 6 + 26; // SOI, marker, length, "Exif\0\0", TIFF header and IFD0
        for (int cut = 0; cut < segmentEnd; cut++) {
            assertThat(ExifOrientation.of(Arrays.copyOf(jpeg, cut))).isEqualTo(1);
        }
        byte[] badOffset = jpeg.clone();
        badOffset[2 + 2 + 2 + 6 + 4] = 0x7f; // IFD0 offset far beyond the segment
        assertThat(ExifOrientation.of(badOffset)).isEqualTo(1);
        assertThat(ExifOrientation.of(new byte[] {(byte) 0xFF, (byte) 0xD8, 0, 0, 0})).isEqualTo(1);
        assertThat(ExifOrientation.of(new byte[0])).isEqualTo(1);
    }

    @Test
    void aSidewaysPhoneJpegComesOutUpright() {
        // stored landscape: left half red, right half blue; orientation 6 shows it portrait with
        // red on top, so after the cover crop the top half of the 800 x 600 output is the red one
        BufferedImage stored = new BufferedImage(1600, 1200, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = stored.createGraphics();
        g.setColor(Color.RED);
        g.fillRect(0, 0, 800, 1200);
        g.setColor(Color.BLUE);
        g.fillRect(800, 0, 800, 1200);
        g.dispose();
        byte[] jpeg = withOrientation(TestImages.encode(stored, "jpeg"), 6, ByteOrder.BIG_ENDIAN);

        ProcessedImage.Encoded encoded = (ProcessedImage.Encoded) ImageProcessor.builder().build().process(jpeg);

        assertThat(encoded.sourceWidth()).isEqualTo(1200);
        assertThat(encoded.sourceHeight()).isEqualTo(1600);
        BufferedImage out = TestImages.decode(encoded.jpeg());
        assertThat(out.getWidth()).isEqualTo(800);
        // sepia of red is (100, 89, 69), of blue (48, 43, 33)
        assertThat((out.getRGB(400, 100) >> 16) & 0xff).isBetween(90, 110);
        assertThat((out.getRGB(400, 500) >> 16) & 0xff).isBetween(38, 58);
    }

    /** Inserts an APP1 Exif segment with IFD0 holding only the orientation, right after SOI. */
    static byte[] withOrientation(byte[] jpeg, int orientation, ByteOrder order) {
        ByteBuffer tiff = ByteBuffer.allocate(8 + 2 + 12 + 4).order(order);
        tiff.put(order == ByteOrder.LITTLE_ENDIAN ? (byte) 'I' : (byte) 'M');
        tiff.put(order == ByteOrder.LITTLE_ENDIAN ? (byte) 'I' : (byte) 'M');
        tiff.putShort((short) 42).putInt(8);
        tiff.putShort((short) 1);
        tiff.putShort((short) 0x0112).putShort((short) 3).putInt(1).putShort((short) orientation).putShort((short) 0);
        tiff.putInt(0);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(jpeg, 0, 2);
        int length = 2 + 6 + tiff.capacity();
        out.write(0xFF);
        out.write(0xE1);
        out.write(length >> 8);
        out.write(length & 0xff);
        out.writeBytes(new byte[] {'E', 'x', 'i', 'f', 0, 0});
        out.writeBytes(tiff.array());
        out.write(jpeg, 2, jpeg.length - 2);
        return out.toByteArray();
    }

    private static BufferedImage quadrants(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                boolean right = x >= width / 2;
                boolean lower = y >= height / 2;
                image.setRGB(x, y, lower ? (right ? W : B) : (right ? G : R));
            }
        }
        return image;
    }

    private static int rgb(BufferedImage image, int x, int y) {
        return image.getRGB(x, y) & 0xFFFFFF;
    }

    private static int colour(String name) {
        return switch (name) {
            case "R" -> R;
            case "G" -> G;
            case "B" -> B;
            default -> W;
        };
    }
}
