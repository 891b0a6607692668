package dev.windjammer.examples.image.job;

import java.net.URI;
import java.util.List;
import java.util.Objects;

/**
 * A job as it stood at one moment: consistent per image (each outcome is one that was
 * recorded), and {@link Status#DONE} exactly when none of the outcomes seen is pending.
 *
 * @param id     the job id
 * @param status {@code PROCESSING} while an image is pending, then {@code DONE}
 * @param images one entry per submitted URL, in submission order
 * @param times  the time spent so far in each layer
 */
public record JobSnapshot(String id, Status status, List<Image> images, LayerTimes times) {

    /** Copies the list and checks the components. */
    public JobSnapshot {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(times, "times");
        images = List.copyOf(images);
    }

    /**
     * A snapshot with no time spent yet.
     *
     * @param id     the job id
     * @param status its status
     * @param images its images
     */
    public JobSnapshot(String id, Status status, List<Image> images) {
        this(id, status, images, LayerTimes.ZERO);
    }

    /** A job's overall state. */
    public enum Status {
        /** At least one image is pending. */
        PROCESSING,
        /** Every image is stored or failed. */
        DONE;

        /**
         * Returns the status as a JSON-friendly word.
         *
         * @return {@code "processing"} or {@code "done"}
         */
        public String code() {
            return this == PROCESSING ? "processing" : "done";
        }
    }

    /**
     * One submitted URL and its outcome.
     *
     * @param url     the URL as submitted
     * @param outcome where it stands
     */
    public record Image(URI url, ImageOutcome outcome) {
        /** Checks the components. */
        public Image {
            Objects.requireNonNull(url, "url");
            Objects.requireNonNull(outcome, "outcome");
        }
    }

    /**
     * Counts the images with an outcome of the given type.
     *
     * @param type e.g. {@code ImageOutcome.Stored.class}
     * @return how many
     */
    public long count(Class<? extends ImageOutcome> type) {
        return images.stream().filter(image -> type.isInstance(image.outcome())).count();
    }
}
