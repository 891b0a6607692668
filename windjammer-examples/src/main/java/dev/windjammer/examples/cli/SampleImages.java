package dev.windjammer.examples.cli;

import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.Polygon;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;

/**
 * The demo's sample images, drawn by this class (nothing is downloaded or bundled as binary):
 * landscapes — a sky gradient, a sun, two ranges of hills — in the sizes and formats a photo
 * service meets: landscape and portrait, 4:3, 16:9 and square, JPEG and PNG.
 */
final class SampleImages {

    /** One sample: its file name, media type and bytes. */
    record Sample(String name, String contentType, byte[] bytes) {
    }

    private record Spec(int width, int height, String format) {
    }

    private static final List<Spec> SPECS = List.of(
            new Spec(1600, 1200, "jpeg"), new Spec(1280, 960, "png"), new Spec(1920, 1080, "jpeg"),
            new Spec(900, 1200, "png"), new Spec(1024, 768, "jpeg"), new Spec(1200, 1200, "png"),
            new Spec(2048, 1536, "jpeg"), new Spec(640, 480, "png"));

    private SampleImages() {
    }

    /**
     * Draws {@code count} samples, cycling through the sizes and formats and varying the colours.
     *
     * @param count how many, at least 1
     * @return the samples, named {@code sample-01.jpg}, {@code sample-02.png}, ...
     * @throws IllegalArgumentException if {@code count} is less than 1
     */
    static List<Sample> draw(int count) {
        if (count < 1) {
            throw new IllegalArgumentException("count must be at least 1, got " + count);
        }
        List<Sample> samples = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            Spec spec = SPECS.get(i % SPECS.size());
            String extension = spec.format().equals("jpeg") ? "jpg" : spec.format();
            samples.add(new Sample(String.format("sample-%02d.%s", i + 1, extension), "image/" + spec.format(),
                    encode(landscape(spec.width(), spec.height(), i), spec.format())));
        }
        return List.copyOf(samples);
    }

    private static BufferedImage landscape(int width, int height, int seed) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            float hue = (seed * 0.13f) % 1f;
            g.setPaint(new GradientPaint(0, 0, Color.getHSBColor(hue + 0.55f, 0.6f, 0.95f),
                    0, height * 0.7f, Color.getHSBColor(hue + 0.1f, 0.35f, 1f)));
            g.fillRect(0, 0, width, height);
            int sun = Math.min(width, height) / 6;
            g.setColor(new Color(255, 220, 120));
            g.fillOval(width * (2 + seed % 5) / 9, height / 8, sun, sun);
            g.setColor(Color.getHSBColor(hue + 0.3f, 0.5f, 0.55f));
            g.fill(hills(width, height, 0.55, 3 + seed % 3));
            g.setColor(Color.getHSBColor(hue + 0.33f, 0.6f, 0.35f));
            g.fill(hills(width, height, 0.7, 5 + seed % 4));
        } finally {
            g.dispose();
        }
        return image;
    }

    private static Polygon hills(int width, int height, double level, int waves) {
        Polygon hills = new Polygon();
        hills.addPoint(0, height);
        for (int x = 0; x <= width; x += Math.max(1, width / 64)) {
            double y = height * level + height * 0.06 * Math.sin(x * waves * Math.PI / width);
            hills.addPoint(x, (int) y);
        }
        hills.addPoint(width, height);
        return hills;
    }

    private static byte[] encode(BufferedImage image, String format) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(image, format, bytes)) {
                throw new IllegalStateException("no ImageIO writer for " + format);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
