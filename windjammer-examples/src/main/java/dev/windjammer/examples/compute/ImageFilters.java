package dev.windjammer.examples.compute;

import dev.windjammer.compute.Compute;

import java.util.List;

/**
 * The seed's "Perfect for compute": {@code let processed = parallel(images, |img| apply_filter(img))}.
 * Each image is filtered on its own worker; the filter is a pure function of the pixels.
 */
public final class ImageFilters {

    private ImageFilters() {
    }

    /**
     * An RGB image as packed {@code 0xRRGGBB} pixels, row by row.
     *
     * @param width  pixels per row
     * @param height rows
     * @param pixels {@code width * height} packed pixels
     */
    public record Image(int width, int height, int[] pixels) {
        /**
         * Checks the pixel count.
         *
         * @throws IllegalArgumentException if {@code pixels} does not hold {@code width * height} pixels
         */
        public Image {
            if (width < 1 || height < 1 || pixels.length != width * height) {
                throw new IllegalArgumentException("an image of " + width + "x" + height
                        + " needs " + (long) width * height + " pixels, got " + pixels.length);
            }
        }
    }

    /**
     * The classic sepia tone: each pixel's red, green and blue mixed by fixed weights.
     *
     * @param image the input, unchanged
     * @return a new, sepia-toned image
     */
    public static Image applyFilter(Image image) {
        int[] in = image.pixels();
        int[] out = new int[in.length];
        for (int i = 0; i < in.length; i++) {
            int r = (in[i] >>> 16) & 0xFF;
            int g = (in[i] >>> 8) & 0xFF;
            int b = in[i] & 0xFF;
            int sr = Math.min(255, (int) (0.393 * r + 0.769 * g + 0.189 * b));
            int sg = Math.min(255, (int) (0.349 * r + 0.686 * g + 0.168 * b));
            int sb = Math.min(255, (int) (0.272 * r + 0.534 * g + 0.131 * b));
            out[i] = sr << 16 | sg << 8 | sb;
        }
        return new Image(image.width(), image.height(), out);
    }

    /**
     * Filters every image in parallel.
     *
     * @param images the inputs
     * @return the filtered images, in input order
     */
    public static List<Image> processAll(List<Image> images) {
        return Compute.parallel(images, ImageFilters::applyFilter);
    }
}
