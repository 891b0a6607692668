package dev.windjammer.examples.image.imaging;

import java.util.Objects;

/**
 * The classic sepia tone on packed RGB pixels: each output channel is a fixed weighted sum of
 * the input's red, green and blue, clamped to 255.
 *
 * <pre>
 *   R' = 0.393 R + 0.769 G + 0.189 B
 *   G' = 0.349 R + 0.686 G + 0.168 B
 *   B' = 0.272 R + 0.534 G + 0.131 B
 * </pre>
 *
 * <p>For every pixel, {@code R' >= G' >= B'} (each weight of a row is at least the weight
 * below it), which is what makes the tone brown.
 */
public final class Sepia {
    /*
     * Overview
     *   The matrix is the one popularised by Microsoft's sepia sample and used by most image
     *   libraries. Weights are fixed point with 16 fractional bits, rounded to nearest
     *   (+ 1/2 before the shift); the largest sum, 255 * 1.351 * 2^16 < 2^25, fits an int.
     *   Each output then differs from the exact real-valued result rounded to nearest by at
     *   most 1 (the weights' rounding error is below 2^-17 each).
     *
     *   The loop body is branch-free int arithmetic (shifts, masks, multiply-adds, min) over
     *   one int[], so HotSpot's C2 superword pass vectorises it on x86 and AArch64. The peer
     *   in the benchmark (dev.windjammer.bench.image) is the JDK's own colour-matrix operator,
     *   java.awt.image.BandCombineOp, which works band by band through a Raster.
     *
     *   The alpha byte (bits 24..31) is kept as it is.
     *
     * Concurrency
     *   Stateless; disjoint ranges of one array may be toned from different threads.
     */

    private static final int SHIFT = 16;
    private static final int HALF = 1 << (SHIFT - 1);

    private static final int RR = weight(0.393);
    private static final int RG = weight(0.769);
    private static final int RB = weight(0.189);
    private static final int GR = weight(0.349);
    private static final int GG = weight(0.686);
    private static final int GB = weight(0.168);
    private static final int BR = weight(0.272);
    private static final int BG = weight(0.534);
    private static final int BB = weight(0.131);

    private Sepia() {
    }

    private static int weight(double w) {
        return (int) Math.round(w * (1 << SHIFT));
    }

    /**
     * Tones every pixel of {@code pixels} in place.
     *
     * @param pixels packed {@code 0xAARRGGBB} (or {@code 0x00RRGGBB}) pixels, e.g. the data of a
     *               {@code TYPE_INT_RGB} image
     * @throws NullPointerException if {@code pixels} is null
     */
    public static void applyInPlace(int[] pixels) {
        applyInPlace(pixels, 0, Objects.requireNonNull(pixels, "pixels").length);
    }

    /**
     * Tones the pixels {@code [from, to)} of {@code pixels} in place.
     *
     * @param pixels packed {@code 0xAARRGGBB} pixels
     * @param from   first index, inclusive
     * @param to     last index, exclusive
     * @throws NullPointerException      if {@code pixels} is null
     * @throws IndexOutOfBoundsException if the range is not within the array
     */
    public static void applyInPlace(int[] pixels, int from, int to) {
        Objects.requireNonNull(pixels, "pixels");
        Objects.checkFromToIndex(from, to, pixels.length);
        for (int i = from; i < to; i++) {
            int p = pixels[i];
            int r = (p >>> 16) & 0xff;
            int g = (p >>> 8) & 0xff;
            int b = p & 0xff;
            int red = Math.min(255, (RR * r + RG * g + RB * b + HALF) >> SHIFT);
            int green = Math.min(255, (GR * r + GG * g + GB * b + HALF) >> SHIFT);
            int blue = Math.min(255, (BR * r + BG * g + BB * b + HALF) >> SHIFT);
            pixels[i] = (p & 0xff000000) | (red << 16) | (green << 8) | blue;
        }
    }
}
