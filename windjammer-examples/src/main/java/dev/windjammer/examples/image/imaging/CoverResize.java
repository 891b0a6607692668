package dev.windjammer.examples.image.imaging;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;

/**
 * Scales an image to cover exactly {@code width × height} and crops the overflow around the
 * centre (the CSS {@code object-fit: cover} policy; docs/adr/0050).
 */
final class CoverResize {
    /*
     * Overview
     *   1. Crop window: the largest centred rectangle of the source with the target's aspect
     *      ratio. Nothing is padded, nothing is distorted; a source of another aspect loses
     *      strips on two opposite sides, an exact-aspect source loses nothing.
     *   2. Downscale while the window is at least twice the target in both directions, then
     *      one bilinear step (a factor below 2) to the exact size. A single bilinear step over
     *      a large factor samples only 2 x 2 source pixels per output pixel and aliases (moire
     *      on fine patterns), so the large part of the reduction is an area filter:
     *        - photo layouts (3-byte BGR, grey, INT_RGB): AreaAverage, one k x k box pass
     *          with k = the integer part of the factor, straight from the decoded array;
     *        - anything else: successive halvings with Java2D, where bilinear interpolation
     *          at exactly 1/2 is a 2 x 2 box average (Chris Campbell, "The Perils of
     *          Image.getScaledInstance()", 2007; Thumbnailator's progressive bilinear).
     *      The window is trimmed by less than k pixels (evenly on both sides) to a multiple
     *      of k.
     *   3. A smaller source is scaled up in one bilinear step: the contract is 800 x 600 out.
     *
     *   Every step draws into a TYPE_INT_RGB image with Java2D, whose native loops convert any
     *   source layout (3-byte BGR from JPEG, indexed GIF, ABGR PNG) on the way; the result is
     *   therefore always INT_RGB, which Sepia works on directly. Transparent pixels are
     *   composited over white (a photo-print background) instead of turning black.
     *
     * Concurrency
     *   Pure: each call allocates its own images and Graphics2D; Java2D's software loops on
     *   BufferedImages are safe to run from many threads.
     */

    private CoverResize() {
    }

    static BufferedImage cover(BufferedImage source, int width, int height) {
        int sourceWidth = source.getWidth();
        int sourceHeight = source.getHeight();
        int cropWidth;
        int cropHeight;
        if ((long) sourceWidth * height > (long) sourceHeight * width) {
            cropHeight = sourceHeight;
            cropWidth = clamp(Math.round((double) sourceHeight * width / height), sourceWidth);
        } else {
            cropWidth = sourceWidth;
            cropHeight = clamp(Math.round((double) sourceWidth * height / width), sourceHeight);
        }
        int x = (sourceWidth - cropWidth) / 2;
        int y = (sourceHeight - cropHeight) / 2;

        BufferedImage current = source;
        int k = Math.min(cropWidth / width, cropHeight / height);
        if (k >= 2 && AreaAverage.supported(source)) {
            x += (cropWidth % k) / 2;
            y += (cropHeight % k) / 2;
            current = AreaAverage.shrink(source, x, y, cropWidth, cropHeight, k);
            x = 0;
            y = 0;
            cropWidth = current.getWidth();
            cropHeight = current.getHeight();
            if (cropWidth == width && cropHeight == height) {
                return current; // an exact multiple of the target: nothing left to scale
            }
        }
        while (cropWidth / 2 >= width && cropHeight / 2 >= height) {
            int halfWidth = cropWidth / 2;
            int halfHeight = cropHeight / 2;
            current = draw(current, x, y, cropWidth, cropHeight, halfWidth, halfHeight);
            x = 0;
            y = 0;
            cropWidth = halfWidth;
            cropHeight = halfHeight;
        }
        return draw(current, x, y, cropWidth, cropHeight, width, height);
    }

    private static int clamp(long value, int max) {
        return (int) Math.max(1, Math.min(value, max));
    }

    private static BufferedImage draw(BufferedImage source, int x, int y, int sourceWidth,
                                      int sourceHeight, int width, int height) {
        BufferedImage target = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = target.createGraphics();
        try {
            if (source.getColorModel().hasAlpha()) {
                g.setColor(Color.WHITE);
                g.fillRect(0, 0, width, height);
            }
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION,
                    RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.drawImage(source, 0, 0, width, height, x, y, x + sourceWidth, y + sourceHeight, null);
        } finally {
            g.dispose();
        }
        return target;
    }
}
