package dev.windjammer.examples.image;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/** Images generated for tests: real files written by ImageIO, and a hand-made PNG bomb. */
public final class TestImages {

    private TestImages() {
    }

    /**
     * A colourful picture (gradient and shapes) of the given size, encoded in {@code format}.
     *
     * @param format an ImageIO writer name: png, jpeg, gif, bmp, tiff
     */
    public static byte[] picture(int width, int height, String format) {
        boolean alpha = format.equals("png");
        BufferedImage image = new BufferedImage(width, height,
                alpha ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setPaint(new GradientPaint(0, 0, new Color(30, 90, 200), width, height,
                    new Color(240, 200, 40)));
            g.fillRect(0, 0, width, height);
            g.setColor(new Color(200, 30, 60));
            g.fillOval(width / 4, height / 4, width / 2, height / 2);
            g.setColor(new Color(20, 160, 70));
            g.fillRect(width / 10, height / 10, Math.max(1, width / 5), Math.max(1, height / 5));
        } finally {
            g.dispose();
        }
        return encode(image, format);
    }

    /** An image filled with one colour, encoded in {@code format}. */
    public static byte[] solid(int width, int height, Color color, String format) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setColor(color);
            g.fillRect(0, 0, width, height);
        } finally {
            g.dispose();
        }
        return encode(image, format);
    }

    /** Encodes {@code image} with ImageIO. */
    public static byte[] encode(BufferedImage image, String format) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(image, format, out)) {
                throw new IllegalArgumentException("no ImageIO writer for " + format);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** Decodes an image file, failing the test if ImageIO cannot. */
    public static BufferedImage decode(byte[] bytes) {
        try {
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(bytes));
            if (image == null) {
                throw new AssertionError("not an image ImageIO can read (" + bytes.length + " bytes)");
            }
            return image;
        } catch (IOException e) {
            throw new AssertionError("unreadable image", e);
        }
    }

    /**
     * A valid PNG of {@code side × side} black pixels (1-bit greyscale) whose IDAT deflates
     * {@code side × (1 + side / 8)} zero bytes: a 20000 × 20000 bomb is about 50 KB on the
     * wire and 400 M pixels decoded. Written row by row, so making it allocates little.
     */
    public static byte[] pngBomb(int side) {
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        try {
            file.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
            ByteArrayOutputStream header = new ByteArrayOutputStream();
            DataOutputStream ihdr = new DataOutputStream(header);
            ihdr.writeInt(side);
            ihdr.writeInt(side);
            ihdr.writeByte(1); // bit depth
            ihdr.writeByte(0); // greyscale
            ihdr.writeByte(0); // deflate
            ihdr.writeByte(0); // adaptive filtering
            ihdr.writeByte(0); // no interlace
            chunk(file, "IHDR", header.toByteArray());

            ByteArrayOutputStream compressed = new ByteArrayOutputStream();
            Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION);
            try (DeflaterOutputStream idat = new DeflaterOutputStream(compressed, deflater, 1 << 16)) {
                byte[] row = new byte[1 + (side + 7) / 8]; // filter type 0, then zero pixels
                for (int y = 0; y < side; y++) {
                    idat.write(row);
                }
            } finally {
                deflater.end();
            }
            chunk(file, "IDAT", compressed.toByteArray());
            chunk(file, "IEND", new byte[0]);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file.toByteArray();
    }

    private static void chunk(ByteArrayOutputStream file, String type, byte[] data) throws IOException {
        DataOutputStream out = new DataOutputStream(file);
        out.writeInt(data.length);
        byte[] typeBytes = type.getBytes(StandardCharsets.US_ASCII);
        out.write(typeBytes);
        out.write(data);
        CRC32 crc = new CRC32();
        crc.update(typeBytes);
        crc.update(data);
        out.writeInt((int) crc.getValue());
    }

    /** Mean red, green and blue of {@code image}. */
    public static double[] meanRgb(BufferedImage image) {
        double r = 0;
        double g = 0;
        double b = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int p = image.getRGB(x, y);
                r += (p >> 16) & 0xff;
                g += (p >> 8) & 0xff;
                b += p & 0xff;
            }
        }
        double n = (double) image.getWidth() * image.getHeight();
        return new double[] {r / n, g / n, b / n};
    }

    /** A JPEG by its markers (SOI ... EOI) and by ImageIO's JPEG reader, of the given size. */
    public static void assertValidJpeg(byte[] jpeg, int width, int height) throws IOException {
        assertThat(jpeg.length).isGreaterThan(4);
        assertThat(jpeg[0] & 0xff).isEqualTo(0xFF);
        assertThat(jpeg[1] & 0xff).isEqualTo(0xD8);
        assertThat(jpeg[jpeg.length - 2] & 0xff).isEqualTo(0xFF);
        assertThat(jpeg[jpeg.length - 1] & 0xff).isEqualTo(0xD9);
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(jpeg))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            assertThat(readers.hasNext()).isTrue();
            ImageReader reader = readers.next();
            try {
                assertThat(reader.getFormatName()).isEqualToIgnoringCase("jpeg");
                reader.setInput(in);
                BufferedImage image = reader.read(0);
                assertThat(image.getWidth()).isEqualTo(width);
                assertThat(image.getHeight()).isEqualTo(height);
            } finally {
                reader.dispose();
            }
        }
    }
}
