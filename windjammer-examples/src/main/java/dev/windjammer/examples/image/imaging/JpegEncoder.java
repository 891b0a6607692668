package dev.windjammer.examples.image.imaging;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/** Baseline JPEG encoding with an explicit quality, into memory. */
final class JpegEncoder {
    /*
     * Overview
     *   ImageIO's JPEG writer (libjpeg 6b inside the JDK) with MODE_EXPLICIT quality; the
     *   default 4:2:0 chroma subsampling and baseline (not progressive) scans. A writer per
     *   call: ImageWriter is not thread-safe. The output stream is a MemoryCache stream over a
     *   ByteArrayOutputStream created directly, because ImageIO.createImageOutputStream spools
     *   to a temporary file while the global ImageIO cache flag is on (its default).
     */

    private JpegEncoder() {
    }

    static byte[] encode(BufferedImage image, float quality) {
        Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName("jpeg");
        if (!writers.hasNext()) {
            throw new IllegalStateException("this JDK has no ImageIO JPEG writer");
        }
        ImageWriter writer = writers.next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(
                Math.max(1024, image.getWidth() * image.getHeight() / 8));
        try (ImageOutputStream output = new MemoryCacheImageOutputStream(bytes)) {
            writer.setOutput(output);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(quality);
            writer.write(null, new IIOImage(image, null, null), param);
        } catch (IOException e) {
            // only a failing OutputStream could cause it, and a ByteArrayOutputStream does not fail
            throw new UncheckedIOException("JPEG encoding into memory failed", e);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }
}
