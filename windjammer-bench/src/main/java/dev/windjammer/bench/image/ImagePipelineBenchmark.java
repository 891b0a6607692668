package dev.windjammer.bench.image;

import dev.windjammer.examples.image.imaging.ImageProcessor;
import dev.windjammer.examples.image.imaging.ProcessedImage;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BandCombineOp;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Iterator;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The service's per-image work on one thread — decode → resize to 800 × 600 → sepia → JPEG —
 * for photo-like JPEG sources of three sizes. Its throughput is the single-thread image rate
 * that the service's throughput target is set against (0.9 × 2 cores × this rate).
 *
 * <p>Peer in the same run: the plain JDK way to do the same steps ({@code ImageIO.read}, one
 * bilinear {@code drawImage} to 800 × 600 with the same centre crop, {@link BandCombineOp}
 * sepia, {@code ImageIO} JPEG writer at the same quality). It skips the progressive halving
 * that keeps large downscales from aliasing, so it is the speed to beat, not the quality to
 * match.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Djava.awt.headless=true", "-Xmx1g"})
public class ImagePipelineBenchmark {

    private static final float[][] SEPIA = {
            {0.393f, 0.769f, 0.189f},
            {0.349f, 0.686f, 0.168f},
            {0.272f, 0.534f, 0.131f},
    };

    /** Source size: VGA, 2 MP and a 12 MP camera photo. */
    @Param({"640x480", "1600x1200", "4000x3000"})
    public String size;

    private byte[] source;
    private final ImageProcessor processor = ImageProcessor.builder().build();

    @Setup
    public void setUp() throws IOException {
        String[] sides = size.split("x");
        source = photoLikeJpeg(Integer.parseInt(sides[0]), Integer.parseInt(sides[1]));
    }

    @Benchmark
    public byte[] windjammerProcess() {
        ProcessedImage result = processor.process(source);
        if (!(result instanceof ProcessedImage.Encoded encoded)) {
            throw new IllegalStateException("benchmark source refused: " + result);
        }
        return encoded.jpeg();
    }

    @Benchmark
    public byte[] plainJdk() throws IOException {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(source));
        int w = image.getWidth();
        int h = image.getHeight();
        int cropW = w * 600 > h * 800 ? h * 800 / 600 : w;
        int cropH = w * 600 > h * 800 ? h : w * 600 / 800;
        int x = (w - cropW) / 2;
        int y = (h - cropH) / 2;
        BufferedImage resized = new BufferedImage(800, 600, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = resized.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(image, 0, 0, 800, 600, x, y, x + cropW, y + cropH, null);
        g.dispose();
        BufferedImage toned = new BufferedImage(800, 600, BufferedImage.TYPE_INT_RGB);
        new BandCombineOp(SEPIA, null).filter(resized.getRaster(), toned.getRaster());
        Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName("jpeg");
        ImageWriter writer = writers.next();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (MemoryCacheImageOutputStream stream = new MemoryCacheImageOutputStream(out)) {
            writer.setOutput(stream);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(ImageProcessor.DEFAULT_JPEG_QUALITY);
            writer.write(null, new IIOImage(toned, null, null), param);
        } finally {
            writer.dispose();
        }
        return out.toByteArray();
    }

    /**
     * A JPEG with photo-like content: smooth gradients, shapes and fine noise (noise is what
     * makes real photos expensive to encode and decode; flat synthetic images are not).
     */
    static byte[] photoLikeJpeg(int width, int height) throws IOException {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setPaint(new GradientPaint(0, 0, new Color(40, 90, 160), width, height, new Color(230, 190, 90)));
        g.fillRect(0, 0, width, height);
        SplittableRandom random = new SplittableRandom(42);
        for (int i = 0; i < 60; i++) {
            g.setColor(new Color(random.nextInt(256), random.nextInt(256), random.nextInt(256)));
            g.fillOval(random.nextInt(width), random.nextInt(height), 1 + random.nextInt(width / 3),
                    1 + random.nextInt(height / 3));
        }
        g.dispose();
        int[] pixels = ((java.awt.image.DataBufferInt) image.getRaster().getDataBuffer()).getData();
        for (int i = 0; i < pixels.length; i++) {
            int noise = random.nextInt(25) - 12;
            int p = pixels[i];
            int r = Math.clamp(((p >> 16) & 0xff) + noise, 0, 255);
            int gr = Math.clamp(((p >> 8) & 0xff) + noise, 0, 255);
            int b = Math.clamp((p & 0xff) + noise, 0, 255);
            pixels[i] = (r << 16) | (gr << 8) | b;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "jpeg", out);
        return out.toByteArray();
    }
}
