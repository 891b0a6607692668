package dev.windjammer.examples.image.imaging;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.util.Objects;

/**
 * The service's image pipeline as one pure function: decode (with a pixel limit checked from
 * the header), resize to cover {@code width × height} and crop the overflow around the centre,
 * turn upright as a JPEG's EXIF orientation says, tone {@link Sepia sepia}, encode JPEG.
 *
 * <pre>{@code
 * ImageProcessor processor = ImageProcessor.builder().build();   // 800 x 600, quality 0.85
 * List<ProcessedImage> out = Compute.parallel(downloads, processor::process);
 * }</pre>
 *
 * <p>Immutable and safe to share between threads: {@link #process(byte[])} keeps no state
 * between calls, so it may run on many images at once.
 */
public final class ImageProcessor {
    /*
     * Overview
     *   decode (ImageDecoder: allow-listed formats, header pixel check)
     *     -> cover resize (CoverResize: centred crop, area filter then bilinear; always an
     *        INT_RGB image of exactly width x height, or height x width when the JPEG's EXIF
     *        orientation turns it by 90 degrees)
     *     -> upright (ExifOrientation, on the small image: phone photos are stored sideways)
     *     -> sepia on the INT_RGB image's own int[] (no copy)
     *     -> JPEG (JpegEncoder).
     *   Every refusal is an ImageRejectedException inside the package and a
     *   ProcessedImage.Rejected outside; nothing a source contains makes process() throw.
     *
     * Memory
     *   The peak is the decoded source (up to maxPixels x 4 bytes for ARGB sources, 3 bytes
     *   for JPEG) plus the first half-size intermediate (a quarter of the pixels, 4 bytes
     *   each); the default limit of 25 M pixels therefore bounds one call at about 125 MB. A
     *   service running N calls at once needs N times that.
     *
     * Cancellation
     *   CPU-bound; it does not poll interruption. Compute.parallel stops between images.
     */

    /** Default output width in pixels. */
    public static final int DEFAULT_WIDTH = 800;
    /** Default output height in pixels. */
    public static final int DEFAULT_HEIGHT = 600;
    /** Default pixel limit: 25 M pixels, e.g. 5000 × 5000 or a 24-megapixel camera photo. */
    public static final long DEFAULT_MAX_PIXELS = 25_000_000L;
    /** Default JPEG quality, between 0 (smallest) and 1 (best). */
    public static final float DEFAULT_JPEG_QUALITY = 0.85f;

    private final int width;
    private final int height;
    private final long maxPixels;
    private final float jpegQuality;

    private ImageProcessor(Builder builder) {
        this.width = builder.width;
        this.height = builder.height;
        this.maxPixels = builder.maxPixels;
        this.jpegQuality = builder.jpegQuality;
    }

    /**
     * Returns a builder with the defaults: 800 × 600, 25 M pixels, quality 0.85.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Turns one source file into a sepia JPEG of exactly {@link #width()} × {@link #height()}.
     * Bad input (no image, an unsupported format, too many pixels, corrupt data) gives a
     * {@link ProcessedImage.Rejected}; this method does not throw for anything the bytes
     * contain.
     *
     * @param source the bytes of an image file; not modified
     * @return the JPEG, or why the source was refused
     * @throws NullPointerException if {@code source} is null
     */
    public ProcessedImage process(byte[] source) {
        Objects.requireNonNull(source, "source");
        try {
            ImageDecoder.Decoded decoded = ImageDecoder.decode(source, maxPixels);
            BufferedImage image = decoded.image();
            int orientation = decoded.format().equals("jpeg") ? ExifOrientation.of(source) : 1;
            boolean swap = ExifOrientation.swapsSides(orientation);
            BufferedImage resized = CoverResize.cover(image, swap ? height : width, swap ? width : height);
            BufferedImage upright = ExifOrientation.apply(resized, orientation);
            Sepia.applyInPlace(((DataBufferInt) upright.getRaster().getDataBuffer()).getData());
            byte[] jpeg = JpegEncoder.encode(upright, jpegQuality);
            return new ProcessedImage.Encoded(jpeg, width, height, decoded.format(),
                    swap ? image.getHeight() : image.getWidth(), swap ? image.getWidth() : image.getHeight());
        } catch (ImageRejectedException e) {
            return new ProcessedImage.Rejected(e.reason(), e.getMessage());
        }
    }

    /**
     * Returns the output width.
     *
     * @return width in pixels
     */
    public int width() {
        return width;
    }

    /**
     * Returns the output height.
     *
     * @return height in pixels
     */
    public int height() {
        return height;
    }

    /**
     * Returns the largest source, in pixels, that is decoded.
     *
     * @return the pixel limit
     */
    public long maxPixels() {
        return maxPixels;
    }

    /**
     * Returns the JPEG quality.
     *
     * @return a value in {@code [0, 1]}
     */
    public float jpegQuality() {
        return jpegQuality;
    }

    @Override
    public String toString() {
        return "ImageProcessor[" + width + "x" + height + ", maxPixels=" + maxPixels
                + ", jpegQuality=" + jpegQuality + "]";
    }

    /** Configures an {@link ImageProcessor}. Not thread-safe. */
    public static final class Builder {
        private int width = DEFAULT_WIDTH;
        private int height = DEFAULT_HEIGHT;
        private long maxPixels = DEFAULT_MAX_PIXELS;
        private float jpegQuality = DEFAULT_JPEG_QUALITY;

        private Builder() {
        }

        /**
         * Sets the output size.
         *
         * @param width  width in pixels, 1 to 16384
         * @param height height in pixels, 1 to 16384
         * @return this builder
         * @throws IllegalArgumentException if a side is out of range
         */
        public Builder size(int width, int height) {
            this.width = side("width", width);
            this.height = side("height", height);
            return this;
        }

        private static int side(String name, int value) {
            if (value < 1 || value > 16_384) {
                throw new IllegalArgumentException(name + " must be between 1 and 16384, got " + value);
            }
            return value;
        }

        /**
         * Sets the largest source, in pixels (width × height), that is decoded; larger ones are
         * refused from their header before any pixel is allocated.
         *
         * @param maxPixels a positive pixel count
         * @return this builder
         * @throws IllegalArgumentException if {@code maxPixels} is not positive
         */
        public Builder maxPixels(long maxPixels) {
            if (maxPixels < 1) {
                throw new IllegalArgumentException("maxPixels must be positive, got " + maxPixels);
            }
            this.maxPixels = maxPixels;
            return this;
        }

        /**
         * Sets the JPEG quality.
         *
         * @param quality from 0 (smallest file) to 1 (best quality)
         * @return this builder
         * @throws IllegalArgumentException if {@code quality} is outside {@code [0, 1]} or NaN
         */
        public Builder jpegQuality(float quality) {
            if (!(quality >= 0f && quality <= 1f)) {
                throw new IllegalArgumentException("jpegQuality must be between 0 and 1, got " + quality);
            }
            this.jpegQuality = quality;
            return this;
        }

        /**
         * Creates the processor.
         *
         * @return an immutable processor
         */
        public ImageProcessor build() {
            return new ImageProcessor(this);
        }
    }
}
