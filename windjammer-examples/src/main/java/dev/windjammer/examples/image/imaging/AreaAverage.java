package dev.windjammer.examples.image.imaging;

import java.awt.image.BufferedImage;
import java.awt.image.ComponentSampleModel;
import java.awt.image.DataBufferByte;
import java.awt.image.DataBufferInt;
import java.awt.image.Raster;
import java.awt.image.SampleModel;
import java.awt.image.SinglePixelPackedSampleModel;
import java.util.Arrays;

/**
 * Integer-factor area averaging (a k × k box filter) straight from the decoded raster's array
 * into a {@code TYPE_INT_RGB} image, for the layouts ImageIO produces for photos.
 */
final class AreaAverage {
    /*
     * Overview
     *   Each output pixel is the rounded mean of a k x k block of the source: the exact area
     *   filter for an integer factor, so no source pixel is skipped (no aliasing) and none
     *   counts twice. One pass over the source, reading its backing array directly:
     *     - byte-interleaved sRGB rasters (ComponentSampleModel over a DataBufferByte) with 3
     *       bands (JPEG and RGB PNG decode to TYPE_3BYTE_BGR), and TYPE_BYTE_GRAY (greyscale
     *       JPEG and PNG);
     *     - TYPE_INT_RGB (packed 0x00RRGGBB).
     *   Anything else (alpha, indexed colour, 16-bit samples, ICC colour spaces) is not
     *   supported() and CoverResize draws it with Java2D instead.
     *
     *   Why not Java2D for everything: drawImage from a 3-byte raster converts every source
     *   pixel through an intermediate ARGB buffer per scanline and filters it bilinearly;
     *   halving a 12-megapixel JPEG that way took about three times as long as this loop in
     *   side-by-side runs on the development machine (docs/benchmarks/image.md).
     *
     *   Sums are per output column and channel in an int[] row: k*k*255 fits easily (k is at
     *   most ~180 for the largest allowed source and an 800-wide target).
     *
     * Concurrency
     *   Pure: reads the source, writes only a new image.
     */

    private AreaAverage() {
    }

    static boolean supported(BufferedImage image) {
        Raster raster = image.getRaster();
        if (raster.getSampleModelTranslateX() != 0 || raster.getSampleModelTranslateY() != 0) {
            return false;
        }
        SampleModel model = raster.getSampleModel();
        if (raster.getDataBuffer() instanceof DataBufferByte bytes && model instanceof ComponentSampleModel component
                && bytes.getNumBanks() == 1 && !image.getColorModel().hasAlpha()
                && image.getColorModel().getPixelSize() == 8 * model.getNumBands()) {
            int bands = model.getNumBands();
            // sRGB samples only: a source in another colour space (an embedded ICC profile) is
            // converted by Java2D; TYPE_BYTE_GRAY is replicated to R = G = B as Java2D does
            return (bands == 3 && component.getPixelStride() == 3 && image.getColorModel().getColorSpace().isCS_sRGB())
                    || (bands == 1 && component.getPixelStride() == 1 && image.getType() == BufferedImage.TYPE_BYTE_GRAY);
        }
        return image.getType() == BufferedImage.TYPE_INT_RGB && raster.getDataBuffer() instanceof DataBufferInt
                && model instanceof SinglePixelPackedSampleModel;
    }

    /**
     * Averages k × k blocks of the window {@code (x, y, width, height)} of {@code source},
     * which must be {@link #supported}; the result is {@code width / k × height / k}.
     */
    static BufferedImage shrink(BufferedImage source, int x, int y, int width, int height, int k) {
        int outWidth = width / k;
        int outHeight = height / k;
        BufferedImage target = new BufferedImage(outWidth, outHeight, BufferedImage.TYPE_INT_RGB);
        int[] out = ((DataBufferInt) target.getRaster().getDataBuffer()).getData();
        int[] sums = new int[outWidth * 3];
        int area = k * k;
        int half = area / 2;
        Raster raster = source.getRaster();
        for (int row = 0; row < outHeight; row++) {
            Arrays.fill(sums, 0);
            int sourceRow = y + row * k;
            if (raster.getDataBuffer() instanceof DataBufferByte bytes) {
                addByteRows((ComponentSampleModel) raster.getSampleModel(), bytes, x, sourceRow, outWidth, k, sums);
            } else {
                addIntRows((SinglePixelPackedSampleModel) raster.getSampleModel(),
                        (DataBufferInt) raster.getDataBuffer(), x, sourceRow, outWidth, k, sums);
            }
            int base = row * outWidth;
            for (int column = 0, s = 0; column < outWidth; column++, s += 3) {
                int r = (sums[s] + half) / area;
                int g = (sums[s + 1] + half) / area;
                int b = (sums[s + 2] + half) / area;
                out[base + column] = (r << 16) | (g << 8) | b;
            }
        }
        return target;
    }

    private static void addByteRows(ComponentSampleModel model, DataBufferByte buffer, int x, int y, int outWidth,
                                    int k, int[] sums) {
        byte[] data = buffer.getData();
        int stride = model.getScanlineStride();
        int pixelStride = model.getPixelStride();
        int[] offsets = model.getBandOffsets();
        int red = offsets[0];
        int green = offsets.length == 3 ? offsets[1] : offsets[0];
        int blue = offsets.length == 3 ? offsets[2] : offsets[0];
        for (int dy = 0; dy < k; dy++) {
            int p = buffer.getOffset() + (y + dy) * stride + x * pixelStride;
            for (int column = 0, s = 0; column < outWidth; column++, s += 3) {
                int r = 0;
                int g = 0;
                int b = 0;
                for (int dx = 0; dx < k; dx++, p += pixelStride) {
                    r += data[p + red] & 0xff;
                    g += data[p + green] & 0xff;
                    b += data[p + blue] & 0xff;
                }
                sums[s] += r;
                sums[s + 1] += g;
                sums[s + 2] += b;
            }
        }
    }

    private static void addIntRows(SinglePixelPackedSampleModel model, DataBufferInt buffer, int x, int y,
                                   int outWidth, int k, int[] sums) {
        int[] data = buffer.getData();
        int stride = model.getScanlineStride();
        for (int dy = 0; dy < k; dy++) {
            int p = buffer.getOffset() + (y + dy) * stride + x;
            for (int column = 0, s = 0; column < outWidth; column++, s += 3) {
                int r = 0;
                int g = 0;
                int b = 0;
                for (int dx = 0; dx < k; dx++, p++) {
                    int pixel = data[p];
                    r += (pixel >>> 16) & 0xff;
                    g += (pixel >>> 8) & 0xff;
                    b += pixel & 0xff;
                }
                sums[s] += r;
                sums[s + 1] += g;
                sums[s + 2] += b;
            }
        }
    }
}
