package dev.windjammer.examples.image.imaging;

import dev.windjammer.examples.image.imaging.ProcessedImage.Reason;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Locale;
import java.util.Set;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * Decodes PNG, JPEG, GIF and BMP with ImageIO after checking the pixel count from the header.
 */
final class ImageDecoder {
    /*
     * Overview
     *   A decompression bomb is a small file whose header announces a huge raster (a 20000 x
     *   20000 PNG of zeros deflates to a few KB but decodes to 400 M pixels, 1.6 GB as ints).
     *   ImageIO's readers parse only the header for getWidth/getHeight (PNG: IHDR; JPEG: the
     *   SOF marker; GIF: the image descriptor; BMP: the info header), so the product is checked
     *   before read() allocates the raster. The check uses long arithmetic: two ints of up to
     *   2^31 - 1 overflow an int product.
     *
     *   Formats are an allow-list by reader name. ImageIO also reads TIFF and WBMP; TIFF's
     *   reader is large (many compressions, tiles, IFD chains) for a format web pages do not
     *   serve, and WBMP has no magic number, so its reader claims random binary data. WebP and
     *   AVIF/HEIF have no JDK reader; they are recognised by their magic bytes only to say so
     *   instead of "not an image".
     *
     *   The reader is created per call and disposed: ImageIO readers are not thread-safe.
     *   ignoreMetadata = true keeps the PNG reader from inflating text chunks (zTXt/iTXt),
     *   another place a bomb can hide. Readers throw more than IOException on hostile input
     *   (IllegalArgumentException, ArrayIndexOutOfBoundsException, NegativeArraySizeException
     *   have all been reported against JDK readers); every RuntimeException from read() is
     *   therefore a verdict on the data (CORRUPT), not a fault of ours.
     *
     * Cancellation
     *   Decoding is CPU work and does not poll interruption; a caller that must stop early
     *   does so between images.
     */

    private static final Set<String> SUPPORTED_FORMATS = Set.of("png", "jpeg", "gif", "bmp");
    private static final int PREVIEW_BYTES = 24;

    private ImageDecoder() {
    }

    /**
     * A decoded image with its format.
     *
     * @param image  the raster, in whatever type the reader chose
     * @param format lower-case format name
     */
    record Decoded(BufferedImage image, String format) {
    }

    static Decoded decode(byte[] source, long maxPixels) throws ImageRejectedException {
        try (ImageInputStream input = new ByteArrayImageInputStream(source)) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(input);
            if (!readers.hasNext()) {
                throw notAnImage(source);
            }
            ImageReader reader = readers.next();
            try {
                String format = reader.getFormatName().toLowerCase(Locale.ROOT);
                if (!SUPPORTED_FORMATS.contains(format)) {
                    throw new ImageRejectedException(Reason.UNSUPPORTED_FORMAT,
                            format.toUpperCase(Locale.ROOT) + " images are not supported"
                                    + " (supported: PNG, JPEG, GIF, BMP)");
                }
                reader.setInput(input, true, true);
                return new Decoded(readChecked(reader, format, maxPixels), format);
            } finally {
                reader.dispose();
            }
        } catch (IOException e) {
            // close() of an in-memory stream; nothing was read from outside the array
            throw new UncheckedIOException(e);
        }
    }

    private static BufferedImage readChecked(ImageReader reader, String format, long maxPixels)
            throws ImageRejectedException {
        long width;
        long height;
        try {
            width = reader.getWidth(0);
            height = reader.getHeight(0);
        } catch (IOException | RuntimeException e) {
            throw corrupt(format, "unreadable header", e);
        }
        if (width <= 0 || height <= 0) {
            throw new ImageRejectedException(Reason.CORRUPT,
                    "invalid " + format + " image: size " + width + "x" + height);
        }
        long pixels = width * height;
        if (pixels > maxPixels) {
            throw new ImageRejectedException(Reason.TOO_MANY_PIXELS,
                    format + " image of " + width + "x" + height + " = " + pixels
                            + " pixels is over the limit of " + maxPixels + " pixels");
        }
        try {
            return reader.read(0, reader.getDefaultReadParam());
        } catch (IOException | RuntimeException e) {
            throw corrupt(format, "could not be decoded", e);
        }
    }

    private static ImageRejectedException corrupt(String format, String what, Exception e) {
        String detail = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return new ImageRejectedException(Reason.CORRUPT,
                "invalid " + format + " image: " + what + " (" + detail + ")");
    }

    private static ImageRejectedException notAnImage(byte[] source) {
        String known = knownUnsupportedFormat(source);
        if (known != null) {
            return new ImageRejectedException(Reason.UNSUPPORTED_FORMAT,
                    known + " images are not supported (supported: PNG, JPEG, GIF, BMP)");
        }
        return new ImageRejectedException(Reason.NOT_AN_IMAGE,
                "not a PNG, JPEG, GIF or BMP image (" + source.length + " bytes"
                        + preview(source) + ")");
    }

    private static String knownUnsupportedFormat(byte[] s) {
        if (s.length >= 12 && ascii(s, 0, 4).equals("RIFF") && ascii(s, 8, 4).equals("WEBP")) {
            return "WebP";
        }
        if (s.length >= 12 && ascii(s, 4, 4).equals("ftyp")) {
            String brand = ascii(s, 8, 4);
            if (brand.startsWith("avi")) {
                return "AVIF";
            }
            if (brand.startsWith("hei") || brand.startsWith("mif")) {
                return "HEIF";
            }
        }
        return null;
    }

    private static String ascii(byte[] bytes, int offset, int length) {
        return new String(bytes, offset, length, StandardCharsets.ISO_8859_1);
    }

    /** The first bytes when they are printable text (e.g. an HTML error page), else nothing. */
    private static String preview(byte[] source) {
        int length = Math.min(source.length, PREVIEW_BYTES);
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            int c = source[i] & 0xff;
            if (c == '\n' || c == '\r' || c == '\t') {
                text.append(' ');
            } else if (c >= 0x20 && c < 0x7f) {
                text.append((char) c);
            } else {
                return "";
            }
        }
        if (text.isEmpty()) {
            return "";
        }
        return ", starting with \"" + text.toString().strip()
                + (source.length > length ? "..." : "") + "\"";
    }
}
