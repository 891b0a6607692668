package dev.windjammer.examples.image.imaging;

import java.io.Serial;

/**
 * Unwinds {@link ImageProcessor#process(byte[])} from the step that refused the source; turned
 * into {@link ProcessedImage.Rejected} before it leaves the package. No stack trace: it is a
 * verdict on input, not a fault, and bad input is common.
 */
final class ImageRejectedException extends Exception {

    @Serial
    private static final long serialVersionUID = 1L;

    private final ProcessedImage.Reason reason;

    ImageRejectedException(ProcessedImage.Reason reason, String message) {
        super(message, null, false, false);
        this.reason = reason;
    }

    ProcessedImage.Reason reason() {
        return reason;
    }
}
