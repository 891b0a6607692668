package dev.windjammer.examples.image.imaging;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;

/**
 * The EXIF orientation of a JPEG (how a camera held sideways says "rotate me"), and applying it
 * to a decoded image. ImageIO ignores the tag, so without this a portrait phone photo comes out
 * lying on its side.
 */
final class ExifOrientation {
    /*
     * Overview
     *   of(): walks the JPEG's marker segments from SOI up to the first SOS (entropy-coded data
     *   follows; metadata never does), looking for APP1 "Exif\0\0". Inside: a TIFF header
     *   (byte order "II" or "MM", 42, offset of IFD0), IFD0's entries of 12 bytes each, tag
     *   0x0112 (Orientation), type SHORT, count 1, value 1 to 8. Every offset and length is
     *   checked against the segment; anything unexpected means "no orientation" (1), never an
     *   error: the tag is advice, the pixels are what matters. (JEITA CP-3451 "Exif 2.32",
     *   section 4.6.4; TIFF 6.0 section 2.)
     *
     *   apply(): the eight orientations are the dihedral group of the rectangle. They are
     *   applied to the small resized image, not the decoded source: ImageProcessor resizes to
     *   the swapped target (600 x 800) when the orientation turns the picture by 90 degrees,
     *   then this turns 480 000 pixels instead of 12 million.
     */

    private static final int ORIENTATION_TAG = 0x0112;
    private static final int TYPE_SHORT = 3;

    private ExifOrientation() {
    }

    /** Returns the orientation 1 to 8 of a JPEG file, 1 when absent or unreadable. */
    static int of(byte[] jpeg) {
        if (jpeg.length < 4 || (jpeg[0] & 0xff) != 0xFF || (jpeg[1] & 0xff) != 0xD8) {
            return 1;
        }
        int p = 2;
        while (p + 4 <= jpeg.length) {
            if ((jpeg[p] & 0xff) != 0xFF) {
                return 1;
            }
            int marker = jpeg[p + 1] & 0xff;
            if (marker == 0xFF) {
                p++; // fill byte
                continue;
            }
            if (marker == 0xDA || marker == 0xD9) {
                return 1; // start of scan or end of image: no metadata after this
            }
            int length = u16(jpeg, p + 2, false);
            if (length < 2 || p + 2 + length > jpeg.length) {
                return 1;
            }
            if (marker == 0xE1 && length >= 8 && isExifHeader(jpeg, p + 4)) {
                return fromTiff(jpeg, p + 10, p + 2 + length);
            }
            p += 2 + length;
        }
        return 1;
    }

    private static boolean isExifHeader(byte[] b, int at) {
        return b[at] == 'E' && b[at + 1] == 'x' && b[at + 2] == 'i' && b[at + 3] == 'f' && b[at + 4] == 0
                && b[at + 5] == 0;
    }

    /** Reads IFD0's orientation from the TIFF structure in {@code [start, end)}. */
    private static int fromTiff(byte[] b, int start, int end) {
        if (start + 8 > end) {
            return 1;
        }
        boolean little;
        if (b[start] == 'I' && b[start + 1] == 'I') {
            little = true;
        } else if (b[start] == 'M' && b[start + 1] == 'M') {
            little = false;
        } else {
            return 1;
        }
        if (u16(b, start + 2, little) != 42) {
            return 1;
        }
        long ifd = start + u32(b, start + 4, little);
        if (ifd + 2 > end) {
            return 1;
        }
        int entries = u16(b, (int) ifd, little);
        for (int i = 0; i < entries; i++) {
            long entry = ifd + 2 + 12L * i;
            if (entry + 12 > end) {
                return 1;
            }
            int at = (int) entry;
            if (u16(b, at, little) == ORIENTATION_TAG) {
                if (u16(b, at + 2, little) != TYPE_SHORT || u32(b, at + 4, little) != 1) {
                    return 1;
                }
                int value = u16(b, at + 8, little);
                return value >= 1 && value <= 8 ? value : 1;
            }
        }
        return 1;
    }

    private static int u16(byte[] b, int at, boolean little) {
        int first = b[at] & 0xff;
        int second = b[at + 1] & 0xff;
        return little ? first | (second << 8) : (first << 8) | second;
    }

    private static long u32(byte[] b, int at, boolean little) {
        long high = u16(b, little ? at + 2 : at, little);
        long low = u16(b, little ? at : at + 2, little);
        return (high << 16) | low;
    }

    /** Whether {@code orientation} turns the picture by 90 degrees (width and height swap). */
    static boolean swapsSides(int orientation) {
        return orientation >= 5;
    }

    /**
     * Returns {@code stored} (a TYPE_INT_RGB image as the file stores it) as it is meant to be
     * displayed; {@code stored} itself for orientation 1.
     */
    static BufferedImage apply(BufferedImage stored, int orientation) {
        if (orientation == 1) {
            return stored;
        }
        int w = stored.getWidth();
        int h = stored.getHeight();
        int[] in = ((DataBufferInt) stored.getRaster().getDataBuffer()).getData();
        boolean swap = swapsSides(orientation);
        int outWidth = swap ? h : w;
        int outHeight = swap ? w : h;
        BufferedImage displayed = new BufferedImage(outWidth, outHeight, BufferedImage.TYPE_INT_RGB);
        int[] out = ((DataBufferInt) displayed.getRaster().getDataBuffer()).getData();
        for (int y = 0; y < outHeight; y++) {
            for (int x = 0; x < outWidth; x++) {
                int source = switch (orientation) {
                    case 2 -> y * w + (w - 1 - x);               // mirrored left-right
                    case 3 -> (h - 1 - y) * w + (w - 1 - x);     // turned 180 degrees
                    case 4 -> (h - 1 - y) * w + x;               // mirrored top-bottom
                    case 5 -> x * w + y;                         // transposed
                    case 6 -> (h - 1 - x) * w + y;               // turn 90 degrees clockwise
                    case 7 -> (h - 1 - x) * w + (w - 1 - y);     // transversed
                    case 8 -> x * w + (w - 1 - y);               // turn 90 degrees counter-clockwise
                    default -> throw new IllegalArgumentException("orientation " + orientation);
                };
                out[y * outWidth + x] = in[source];
            }
        }
        return displayed;
    }
}
