package dev.windjammer.examples.image.job;

/**
 * The time one job (or the whole service) spent in each of the three concurrency layers.
 *
 * <ul>
 *   <li>{@code asyncDownloadNanos} — wall time of the job's download batches (async: the
 *       downloads of a batch overlap, so this is the batch's longest download, not their sum);</li>
 *   <li>{@code computeNanos} — wall time of the job's {@code Compute.parallel} calls (decode,
 *       resize, sepia and JPEG of a batch on the compute pool);</li>
 *   <li>{@code threadUploadNanos} — time the upload threads spent storing the job's JPEGs,
 *       summed over its images (uploads of different images may overlap).</li>
 * </ul>
 *
 * @param asyncDownloadNanos download time
 * @param computeNanos       processing time
 * @param threadUploadNanos  upload time
 */
public record LayerTimes(long asyncDownloadNanos, long computeNanos, long threadUploadNanos) {

    /** No time spent yet. */
    public static final LayerTimes ZERO = new LayerTimes(0, 0, 0);

    /** The three layers, for {@link JobStore#addTime}. */
    public enum Layer {
        /** Downloads on virtual threads. */
        ASYNC_DOWNLOAD,
        /** Image processing on the compute pool. */
        COMPUTE,
        /** Uploads on the background upload threads. */
        THREAD_UPLOAD
    }

    /** Checks that no time is negative. */
    public LayerTimes {
        if (asyncDownloadNanos < 0 || computeNanos < 0 || threadUploadNanos < 0) {
            throw new IllegalArgumentException("negative time: " + asyncDownloadNanos + ", " + computeNanos + ", "
                    + threadUploadNanos);
        }
    }
}
