package dev.windjammer.examples.image.fetch;

import java.io.Serial;

/**
 * Unwinds {@link Downloader#fetch} from the step that failed; becomes a
 * {@link Download.Failed} before it leaves the package. No stack trace: a failed download is
 * an expected outcome.
 */
final class DownloadFailedException extends Exception {

    @Serial
    private static final long serialVersionUID = 1L;

    private final Download.Reason reason;

    DownloadFailedException(Download.Reason reason, String message) {
        super(message, null, false, false);
        this.reason = reason;
    }

    Download.Reason reason() {
        return reason;
    }
}
