package dev.windjammer.examples.image.imaging;

import java.util.Locale;
import java.util.Objects;

/**
 * What {@link ImageProcessor#process(byte[])} made of one source: the encoded JPEG, or the
 * reason the source was refused. An outcome rather than an exception so that one bad image in
 * a parallel batch does not fail its siblings.
 */
public sealed interface ProcessedImage {

    /**
     * The source became a JPEG of {@code width × height} pixels.
     *
     * @param jpeg         the JPEG file; owned by this record, not copied — do not modify it
     * @param width        width of the JPEG in pixels
     * @param height       height of the JPEG in pixels
     * @param sourceFormat the decoded format, lower case ({@code "png"}, {@code "jpeg"}, ...)
     * @param sourceWidth  width of the source image as displayed (after its EXIF orientation)
     * @param sourceHeight height of the source image as displayed
     */
    record Encoded(byte[] jpeg, int width, int height, String sourceFormat, int sourceWidth,
                   int sourceHeight) implements ProcessedImage {
        /** Checks the components. */
        public Encoded {
            Objects.requireNonNull(jpeg, "jpeg");
            Objects.requireNonNull(sourceFormat, "sourceFormat");
        }
    }

    /**
     * The source was refused; nothing was encoded.
     *
     * @param reason  the category, stable for clients to branch on
     * @param message what was wrong, for people (no stack trace, no internal detail)
     */
    record Rejected(Reason reason, String message) implements ProcessedImage {
        /** Checks the components. */
        public Rejected {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(message, "message");
        }
    }

    /** Why a source was refused. */
    enum Reason {
        /** The bytes are no image format that Java's ImageIO recognises (e.g. HTML, text). */
        NOT_AN_IMAGE,
        /** A recognised image format that the service does not decode (e.g. WebP, TIFF). */
        UNSUPPORTED_FORMAT,
        /** The header announces more pixels than the limit: refused before decoding. */
        TOO_MANY_PIXELS,
        /** The format was recognised but the data could not be decoded. */
        CORRUPT;

        /**
         * Returns the reason as a JSON-friendly code, e.g. {@code "too_many_pixels"}.
         *
         * @return the lower-case name
         */
        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }
    }
}
