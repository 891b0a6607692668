package dev.windjammer.examples.image;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.windjammer.examples.image.job.ImageOutcome;
import dev.windjammer.examples.image.job.JobSnapshot;
import dev.windjammer.examples.image.job.LayerTimes;
import java.util.List;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * The JSON body of {@code GET /jobs/{id}}:
 *
 * <pre>{@code
 * {"id": "5c1f…", "status": "processing", "stored": 1, "failed": 1, "pending": 1,
 *  "layers": {"asyncDownloadMillis": 41.2, "computeMillis": 63.9, "threadUploadMillis": 12.5},
 *  "images": [
 *    {"url": "https://…/a.png", "status": "stored", "key": "jobs/5c1f…/0.jpg", "bytes": 48213,
 *     "location": "s3://images/jobs/5c1f…/0.jpg"},
 *    {"url": "https://…/b.html", "status": "failed", "error": "not_an_image",
 *     "message": "not a PNG, JPEG, GIF or BMP image (…)"},
 *    {"url": "https://…/c.jpg", "status": "pending"}]}
 * }</pre>
 *
 * <p>The {@code error} codes of failed images, by stage:
 * <ul>
 *   <li>download — {@code refused} (the URL policy, e.g. a private address or a redirect to
 *       one), {@code unknown_host}, {@code unreachable}, {@code tls}, {@code timed_out},
 *       {@code too_large}, {@code http_status}, {@code too_many_redirects}, {@code protocol};</li>
 *   <li>processing — {@code not_an_image}, {@code unsupported_format},
 *       {@code too_many_pixels}, {@code corrupt};</li>
 *   <li>storage — {@code store_failed};</li>
 *   <li>service — {@code cancelled} (shut down first), {@code internal_error}.</li>
 * </ul>
 *
 * @param id      the job id
 * @param status  {@code processing} or {@code done}
 * @param stored  images stored
 * @param failed  images given up on
 * @param pending images not finished
 * @param layers  the time the job has spent so far in each layer (see {@link LayerTimes})
 * @param images  one entry per submitted URL, in submission order
 */
public record JobReport(String id, String status, long stored, long failed, long pending, Layers layers,
                        List<Image> images) {

    /** Copies the list. */
    public JobReport {
        images = List.copyOf(images);
    }

    /**
     * The time spent in each layer, in milliseconds to a tenth.
     *
     * @param asyncDownloadMillis downloads (wall time of the job's download batches)
     * @param computeMillis       decoding, resizing, sepia and JPEG on the compute pool (wall time)
     * @param threadUploadMillis  storing on the upload threads (summed over the job's images)
     */
    public record Layers(double asyncDownloadMillis, double computeMillis, double threadUploadMillis) {

        /**
         * Converts {@code times} to milliseconds.
         *
         * @param times the job's times
         * @return the same in milliseconds, rounded to a tenth
         */
        public static Layers of(LayerTimes times) {
            return new Layers(millis(times.asyncDownloadNanos()), millis(times.computeNanos()),
                    millis(times.threadUploadNanos()));
        }

        private static double millis(long nanos) {
            return Math.round(nanos / 100_000.0) / 10.0;
        }
    }

    /**
     * One image of the report; absent fields are left out of the JSON.
     *
     * @param url      the URL as submitted
     * @param status   {@code pending}, {@code stored} or {@code failed}
     * @param key      the object store key (stored only)
     * @param bytes    the JPEG size (stored only)
     * @param location where the object lives, e.g. {@code s3://bucket/key} (stored only)
     * @param error    a stable code such as {@code too_many_pixels} (failed only)
     * @param message  what went wrong, for people (failed only)
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Image(String url, String status, String key, Long bytes, String location, String error,
                        String message) {
    }

    /**
     * Builds the report of {@code job}.
     *
     * @param job      the snapshot
     * @param locateKey turns an object key into a location for people ({@code ObjectStore::locationOf})
     * @return the report
     */
    public static JobReport of(JobSnapshot job, UnaryOperator<String> locateKey) {
        Objects.requireNonNull(locateKey, "locateKey");
        List<Image> images = job.images().stream().map(image -> switch (image.outcome()) {
            case ImageOutcome.Pending pending -> new Image(image.url().toString(), "pending", null, null, null, null, null);
            case ImageOutcome.Stored stored -> new Image(image.url().toString(), "stored", stored.key(), stored.bytes(),
                    locateKey.apply(stored.key()), null, null);
            case ImageOutcome.Failed failed -> new Image(image.url().toString(), "failed", null, null, null,
                    failed.reason(), failed.message());
        }).toList();
        return new JobReport(job.id(), job.status().code(), job.count(ImageOutcome.Stored.class),
                job.count(ImageOutcome.Failed.class), job.count(ImageOutcome.Pending.class), Layers.of(job.times()), images);
    }
}
