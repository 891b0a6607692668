package dev.windjammer.examples.image.job;

import java.util.Objects;

/** Where one image of a job stands. */
public sealed interface ImageOutcome {

    /** Not finished yet (downloading, processing or uploading). */
    record Pending() implements ImageOutcome {
    }

    /**
     * Processed and stored.
     *
     * @param key   the object store key of the JPEG
     * @param bytes the JPEG's size in bytes
     */
    record Stored(String key, long bytes) implements ImageOutcome {
        /** Checks the components. */
        public Stored {
            Objects.requireNonNull(key, "key");
            if (bytes < 0) {
                throw new IllegalArgumentException("bytes must not be negative, got " + bytes);
            }
        }
    }

    /**
     * Given up on.
     *
     * @param reason  a stable lower-case code, e.g. {@code too_many_pixels}, {@code refused}
     * @param message what went wrong, for people
     */
    record Failed(String reason, String message) implements ImageOutcome {
        /** Checks the components. */
        public Failed {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(message, "message");
        }
    }

    /** The one {@link Pending} instance the store uses. */
    Pending PENDING = new Pending();
}
