package dev.windjammer.examples.image;

import dev.windjammer.UncheckedInterruptedException;
import dev.windjammer.async.Async;
import dev.windjammer.async.Task;
import dev.windjammer.compute.Compute;
import dev.windjammer.examples.image.fetch.Download;
import dev.windjammer.examples.image.fetch.Downloader;
import dev.windjammer.examples.image.imaging.ImageProcessor;
import dev.windjammer.examples.image.imaging.ProcessedImage;
import dev.windjammer.examples.image.job.ImageOutcome;
import dev.windjammer.examples.image.job.JobSnapshot;
import dev.windjammer.examples.image.job.JobStore;
import dev.windjammer.examples.image.job.LayerTimes;
import dev.windjammer.examples.image.request.ProcessRequest;
import dev.windjammer.examples.image.store.ObjectStore;
import dev.windjammer.examples.image.store.ObjectStoreException;
import dev.windjammer.io.http.Http;
import dev.windjammer.io.http.HttpException;
import dev.windjammer.io.http.HttpServer;
import dev.windjammer.io.http.Request;
import dev.windjammer.io.http.Response;
import dev.windjammer.sync.Channel;
import dev.windjammer.sync.Received;
import dev.windjammer.thread.JoinHandle;
import dev.windjammer.thread.Threads;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;

/**
 * The seed's image-processing service, using all three layers:
 * <ol>
 *   <li><b>async</b> — each job's images are downloaded concurrently on virtual threads
 *       ({@link Async#joinAll(java.util.Collection)}, a batch at a time), under a
 *       {@link dev.windjammer.examples.image.fetch.UrlPolicy} with timeouts and a size limit;</li>
 *   <li><b>compute</b> — decoded, resized to 800 × 600, toned sepia and JPEG-encoded in
 *       parallel ({@link Compute#parallel});</li>
 *   <li><b>thread</b> — uploaded to the {@link ObjectStore} in the background by long-lived
 *       upload threads ({@link Threads}) fed through a bounded {@link Channel}.</li>
 * </ol>
 *
 * <pre>{@code
 * try (ImageService service = ImageService.builder().store(ObjectStore.filesystem(dir)).build()) {
 *     HttpServer server = service.serve("127.0.0.1:8080");   // POST /process, GET /jobs/{id}, GET /health
 *     server.run();                                          // until interrupted
 * }
 * }</pre>
 *
 * <p><b>HTTP.</b> {@link #serve(String)} maps the routes onto {@link #submit}, {@link #report}
 * and {@link #health}:
 * <ul>
 *   <li>{@code POST /process} with a JSON array of image URLs → {@code 202}
 *       {@code {"id": "…", "status": "processing", "location": "/jobs/…"}} and a
 *       {@code Location} header, at once; {@code 400} naming what is wrong with the body (not
 *       JSON, not an array, empty, too many URLs, a non-string entry, a non-http(s) or
 *       malformed URL); {@code 413} for a body over {@link Builder#maxRequestBytes};
 *       {@code 415} for a {@code Content-Type} other than JSON (none at all is accepted);
 *       {@code 503} with {@code Retry-After} while the job store is full of running jobs.</li>
 *   <li>{@code GET /jobs/{id}} → {@code 200} with a {@link JobReport} (per-image outcome and
 *       the time spent in each layer), or {@code 404} for an unknown, expired or evicted job.</li>
 *   <li>{@code GET /health} → {@code 200} with {@link Health}: counters and time per layer.</li>
 * </ul>
 * Errors are {@code {"error": "…", "status": N}} and never carry a stack trace. Everything that
 * goes wrong with one image (unreachable host, refused address, not an image, too large, too
 * many pixels, store failure) is that image's outcome in the job report, not an HTTP error.
 *
 * <p>{@link #submit(String)} answers at once; the job then runs on its own virtual thread.
 * Thread-safe. {@link #close()} stops the HTTP server, cancels running jobs, lets the upload
 * threads finish what is queued and joins them; it does not close the object store, which
 * belongs to the caller.
 */
public final class ImageService implements AutoCloseable {
    /*
     * Overview
     *   submit: ProcessRequest.parse (400 on bad input) -> JobStore.create (503 when full of
     *   running jobs) -> Async.spawn(run) -> 202. run, on the job's virtual thread, waits for
     *   one of maxRunningJobs turns (a fair Semaphore), then for each batch of batchSize URLs:
     *     1. downloads  Async.joinAll(fetches): Downloader.fetch returns an outcome and never
     *                   throws for the remote side, so the fail-fast joinAll only ever fails
     *                   for cancellation.
     *     2. failures   recorded at once; a client polling sees them before the rest is done.
     *     3. compute    Compute.parallel(bodies, processor::process): CPU work on the compute
     *                   pool, never on virtual-thread carriers; the job's virtual thread waits.
     *                   ImageProcessor.process returns Rejected instead of throwing, so one
     *                   bad image does not cancel its siblings.
     *     4. upload     each JPEG is sent into a bounded channel (back-pressure: the job's
     *                   thread waits while uploaders are behind); upload threads put it into
     *                   the store and record Stored, or Failed("store_failed").
     *   The seed spawns a thread per batch for the upload; long-lived upload threads over a
     *   channel keep the thread count fixed under load (the seed's own "worker =
     *   thread::spawn(|| process_queue())" shape).
     *
     * Bounded memory
     *   JobStore's cap bounds jobs kept (and with maxUrls their URLs and outcomes). Downloads
     *   in memory: at most maxRunningJobs x batchSize bodies of at most the Downloader's size
     *   limit; decodes: at most the compute pool's width at once, each bounded by the pixel
     *   limit; the upload channel holds at most uploadQueue JPEGs. Jobs waiting for a turn
     *   hold a parked virtual thread and their URL list only.
     *
     * Cancellation
     *   close() stops every running job: a job whose body has not started yet is claimed by
     *   close() and its images recorded as failed ("cancelled") there (a FutureTask cancelled
     *   before it ran never runs its body); otherwise its task is cancelled: its downloads are
     *   interrupted, Compute.parallel stops scheduling, a waiting channel send is interrupted, and
     *   the body records the images still pending as "cancelled" before it ends. Then the
     *   upload channel is closed: the upload threads store the JPEGs already in it, see it
     *   closed and drained, and end; close() joins them.
     */

    /** Default number of jobs that download and process at once ({@link Builder#maxRunningJobs}). */
    public static final int DEFAULT_MAX_RUNNING_JOBS = 4;

    private static final System.Logger LOG = System.getLogger(ImageService.class.getName());
    private static final String JPEG = "image/jpeg";

    private final ObjectStore store;
    private final Downloader downloader;
    private final ImageProcessor processor;
    private final JobStore jobs;
    private final int maxUrls;
    private final int batchSize;
    private final Semaphore admission;
    private final Channel<Upload> uploads;
    private final List<JoinHandle<Void>> uploaders = new ArrayList<>();
    private final Map<String, RunningJob> running = new ConcurrentHashMap<>();
    private final Metrics metrics = new Metrics();
    private final long maxRequestBytes;
    private volatile boolean closed;
    /** Guarded by {@code this}. */
    private HttpServer server;

    /**
     * A job's task, who owns the job, and the latch its owner opens when the job has really
     * ended. A Task cancelled before its thread ran never runs its body (FutureTask), and a
     * cancelled Task counts as done before its body has cleaned up; so the body and
     * {@link #stop} race to claim the job, and the winner records its outcome and opens the latch.
     */
    private static final class RunningJob {
        final String id;
        final AtomicBoolean claimed = new AtomicBoolean();
        final CountDownLatch ended = new CountDownLatch(1);
        volatile Task<Void> task;

        RunningJob(String id) {
            this.id = id;
        }
    }

    /**
     * Ends {@code job}: if its body has not started, fails its images here; otherwise cancels
     * its task (interrupting downloads, compute, a waiting hand-over) and waits for its body.
     */
    private void stop(RunningJob job) throws InterruptedException {
        if (job.claimed.compareAndSet(false, true)) {
            failPending(job.id, "cancelled", "the service shut down before this image was started");
            running.remove(job.id);
            job.ended.countDown();
        }
        Task<Void> task = job.task;
        if (task != null) {
            task.cancel();
        }
        job.ended.await();
    }

    /** One JPEG waiting to be uploaded. */
    private record Upload(String job, int index, String key, byte[] jpeg) {
    }

    private ImageService(Builder builder) {
        this.store = Objects.requireNonNull(builder.store, "store (ImageService.builder().store(...))");
        this.downloader = builder.downloader;
        this.processor = builder.processor;
        this.jobs = builder.jobs;
        this.maxUrls = builder.maxUrls;
        this.batchSize = builder.batchSize;
        this.maxRequestBytes = builder.maxRequestBytes;
        this.admission = new Semaphore(builder.maxRunningJobs, true);
        this.uploads = Channel.bounded(builder.uploadQueue);
        for (int i = 0; i < builder.uploaders; i++) {
            uploaders.add(Threads.builder().name("image-upload-" + i).spawn(this::uploadLoop));
        }
    }

    /**
     * Returns a builder; {@link Builder#store(ObjectStore)} is required.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /** What {@link #submit(String)} did with a request. */
    public sealed interface Submission {
        /**
         * The job was admitted and runs in the background.
         *
         * @param jobId its id, for {@code GET /jobs/{id}}
         */
        record Accepted(String jobId) implements Submission {
        }

        /**
         * The request was invalid (a 400): nothing was started.
         *
         * @param message what was wrong
         */
        record Invalid(String message) implements Submission {
        }

        /**
         * The service is full of running jobs (a 503): try again later.
         *
         * @param message for the client
         */
        record Busy(String message) implements Submission {
        }
    }

    /**
     * Validates a {@code /process} body and starts its job. Returns at once.
     *
     * @param body the request body: a JSON array of image URLs
     * @return accepted with the job id, invalid with a message, or busy
     * @throws NullPointerException  if {@code body} is null
     * @throws IllegalStateException if the service is closed
     */
    public Submission submit(String body) {
        if (closed) {
            throw new IllegalStateException("the image service is closed");
        }
        return switch (ProcessRequest.parse(body, maxUrls)) {
            case ProcessRequest.Invalid invalid -> new Submission.Invalid(invalid.message());
            case ProcessRequest.Valid valid -> start(valid.urls());
        };
    }

    private Submission start(List<URI> urls) {
        Optional<String> created = jobs.create(urls);
        if (created.isEmpty()) {
            metrics.busy.increment();
            return new Submission.Busy("the service is busy with " + jobs.size() + " jobs; try again shortly");
        }
        String id = created.get();
        metrics.jobs.increment();
        RunningJob job = new RunningJob(id);
        running.put(id, job); // before the body can start, so that its removal comes after
        job.task = Async.spawn("image-job-" + id, () -> {
            if (job.claimed.compareAndSet(false, true)) {
                try {
                    run(id, urls);
                } finally {
                    running.remove(id);
                    job.ended.countDown();
                }
            }
            return null;
        });
        if (closed) { // close() ran between the check in submit() and now
            try {
                stop(job);
            } catch (InterruptedException e) {
                throw UncheckedInterruptedException.interrupted("a job refused during close() to end", e);
            }
        }
        return new Submission.Accepted(id);
    }

    /**
     * Returns the report of job {@code id}.
     *
     * @param id the job id
     * @return the report, or empty if there is no such job (unknown, expired or evicted)
     */
    public Optional<JobReport> report(String id) {
        return jobs.fetch(Objects.requireNonNull(id, "id")).map(job -> JobReport.of(job, store::locationOf));
    }

    /**
     * Returns counters for {@code GET /health}.
     *
     * @return the health report
     */
    public Health health() {
        return new Health("ok", jobs.size(), jobs.capacity(), running.size(), metrics.snapshot());
    }

    /**
     * The body of {@code GET /health}.
     *
     * @param status   {@code ok}
     * @param jobs     jobs kept (running and done)
     * @param capacity the cap on jobs kept
     * @param running  jobs running now
     * @param counters totals since start: jobs, images per outcome, time per layer (ms)
     */
    public record Health(String status, int jobs, int capacity, int running, Map<String, Long> counters) {
    }

    /**
     * Starts an HTTP server on {@code address} with the routes {@code POST /process},
     * {@code GET /jobs/{id}} and {@code GET /health} (see the class documentation for the
     * statuses). {@link #close()} closes it.
     *
     * @param address {@code host:port}, e.g. {@code 127.0.0.1:8080}; port {@code 0} picks a free one
     * @return the started server (for its {@link HttpServer#port()} and {@link HttpServer#url(String)})
     * @throws IllegalStateException    if the service is closed or already serving
     * @throws IllegalArgumentException if {@code address} is not {@code host:port}
     * @throws java.io.UncheckedIOException if the address cannot be bound
     */
    public HttpServer serve(String address) {
        HttpServer http = Http.server(Objects.requireNonNull(address, "address"))
                .maxRequestBytes(maxRequestBytes)
                .post("/process", this::handleProcess)
                .get("/jobs/{id}", this::handleJob)
                .get("/health", request -> Http.json(health()));
        synchronized (this) {
            if (closed) {
                throw new IllegalStateException("the image service is closed");
            }
            if (server != null) {
                throw new IllegalStateException("the image service already serves on " + server);
            }
            server = http;
        }
        return http.start();
    }

    private Response handleProcess(Request request) {
        Optional<String> type = request.header("Content-Type");
        if (type.isPresent() && !isJson(type.get())) {
            throw new HttpException(415, "expected a JSON array of image URLs (Content-Type: application/json), got "
                    + "Content-Type: " + type.get());
        }
        return switch (submit(request.text())) {
            case Submission.Accepted accepted -> {
                String location = "/jobs/" + accepted.jobId();
                yield Http.json(202, Map.of("id", accepted.jobId(), "status", "processing", "location", location))
                        .withHeader("Location", location);
            }
            case Submission.Invalid invalid -> throw HttpException.badRequest(invalid.message());
            case Submission.Busy busy -> Http.json(503, Map.of("error", busy.message(), "status", 503))
                    .withHeader("Retry-After", "1");
        };
    }

    private static boolean isJson(String contentType) {
        String type = contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        return type.equals("application/json") || type.endsWith("+json");
    }

    private Response handleJob(Request request) {
        String id = request.pathParam("id");
        return report(id).map(Http::json).orElseThrow(() -> HttpException.notFound(
                "no job \"" + id + "\": unknown, expired, or removed some time after it was fetched done"));
    }

    private void run(String id, List<URI> urls) {
        try {
            admission.acquire();
        } catch (InterruptedException e) {
            failPending(id, "cancelled", "the service shut down before this image was started");
            return;
        }
        try {
            for (int from = 0; from < urls.size(); from += batchSize) {
                List<Fetched> fetched = download(id, urls, from, Math.min(urls.size(), from + batchSize));
                handOver(id, fetched, process(id, fetched));
            }
        } catch (UncheckedInterruptedException e) {
            failPending(id, "cancelled", "the service shut down before this image was finished");
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "image job " + id + " failed", e);
            failPending(id, "internal_error", "the service failed on this image; see its log");
        } finally {
            admission.release();
        }
    }

    /** A downloaded body and the position of its URL in the job. */
    private record Fetched(int index, byte[] body) {
    }

    /** Async layer: the batch's downloads at once on virtual threads; failures recorded now. */
    private List<Fetched> download(String id, List<URI> urls, int from, int to) {
        long start = System.nanoTime();
        List<Callable<Download>> fetches = new ArrayList<>(to - from);
        for (URI url : urls.subList(from, to)) {
            fetches.add(() -> downloader.fetch(url));
        }
        List<Download> downloads = Async.joinAll(fetches);
        spent(id, LayerTimes.Layer.ASYNC_DOWNLOAD, System.nanoTime() - start);
        List<Fetched> fetched = new ArrayList<>(downloads.size());
        for (int i = 0; i < downloads.size(); i++) {
            switch (downloads.get(i)) {
                case Download.Fetched body -> fetched.add(new Fetched(from + i, body.body()));
                case Download.Failed failed -> fail(id, from + i, failed.reason().code(), failed.message());
            }
        }
        return fetched;
    }

    /** Compute layer: decode, resize, sepia, JPEG for the whole batch in parallel. */
    private List<ProcessedImage> process(String id, List<Fetched> fetched) {
        if (fetched.isEmpty()) {
            return List.of();
        }
        long start = System.nanoTime();
        List<ProcessedImage> processed = Compute.parallel(fetched, image -> processor.process(image.body()));
        spent(id, LayerTimes.Layer.COMPUTE, System.nanoTime() - start);
        return processed;
    }

    /** Adds time to the job and to the service's totals; before the job's outcomes it covers. */
    private void spent(String id, LayerTimes.Layer layer, long nanos) {
        jobs.addTime(id, layer, nanos);
        metrics.nanos[layer.ordinal()].add(nanos);
    }

    /** Thread layer hand-over: JPEGs into the upload channel (waits while it is full); rejections recorded. */
    private void handOver(String id, List<Fetched> fetched, List<ProcessedImage> processed) {
        for (int j = 0; j < processed.size(); j++) {
            int index = fetched.get(j).index();
            switch (processed.get(j)) {
                case ProcessedImage.Encoded encoded -> {
                    metrics.processed.increment();
                    uploads.send(new Upload(id, index, "jobs/" + id + "/" + index + ".jpg", encoded.jpeg()));
                }
                case ProcessedImage.Rejected rejected -> fail(id, index, rejected.reason().code(), rejected.message());
            }
        }
    }

    /** An upload thread: stores JPEGs until the channel is closed and drained. */
    private void uploadLoop() {
        while (uploads.receiveOrClosed() instanceof Received<Upload>(Upload upload)) {
            long start = System.nanoTime();
            try {
                store.put(upload.key(), upload.jpeg(), JPEG);
                spent(upload.job(), LayerTimes.Layer.THREAD_UPLOAD, System.nanoTime() - start);
                metrics.stored.increment();
                jobs.complete(upload.job(), upload.index(), new ImageOutcome.Stored(upload.key(), upload.jpeg().length));
            } catch (ObjectStoreException | IllegalArgumentException e) {
                spent(upload.job(), LayerTimes.Layer.THREAD_UPLOAD, System.nanoTime() - start);
                fail(upload.job(), upload.index(), "store_failed", e.getMessage());
            } catch (UncheckedInterruptedException e) {
                fail(upload.job(), upload.index(), "cancelled", "the service shut down before this image was stored");
                return;
            }
        }
    }

    private void fail(String job, int index, String reason, String message) {
        metrics.failed.increment();
        jobs.complete(job, index, new ImageOutcome.Failed(reason, message));
    }

    private void failPending(String job, String reason, String message) {
        jobs.fetch(job).ifPresent(snapshot -> {
            List<JobSnapshot.Image> images = snapshot.images();
            for (int i = 0; i < images.size(); i++) {
                if (images.get(i).outcome() instanceof ImageOutcome.Pending) {
                    try {
                        fail(job, i, reason, message);
                    } catch (IllegalStateException raced) {
                        // an upload thread recorded this image meanwhile
                    }
                }
            }
        });
    }

    /**
     * Stops the HTTP server if {@link #serve} started one (requests in flight finish first),
     * cancels running jobs (their pending images are recorded as {@code cancelled}), lets the
     * upload threads store what is already queued and joins them. Idempotent.
     *
     * @throws UncheckedInterruptedException if interrupted while waiting for jobs or upload
     *                                       threads to end
     */
    @Override
    public void close() {
        HttpServer http;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            http = server;
        }
        if (http != null) {
            http.close();
        }
        try {
            for (RunningJob job : List.copyOf(running.values())) {
                stop(job);
            }
        } catch (InterruptedException e) {
            throw UncheckedInterruptedException.interrupted("image jobs to end", e);
        }
        uploads.close();
        for (JoinHandle<Void> uploader : uploaders) {
            uploader.join();
        }
    }

    /** Totals since start, for {@code /health} and the demo's per-layer timing. */
    private static final class Metrics {
        final LongAdder jobs = new LongAdder();
        final LongAdder busy = new LongAdder();
        final LongAdder processed = new LongAdder();
        final LongAdder stored = new LongAdder();
        final LongAdder failed = new LongAdder();
        /** Indexed by {@link LayerTimes.Layer#ordinal()}. */
        final LongAdder[] nanos = {new LongAdder(), new LongAdder(), new LongAdder()};

        Map<String, Long> snapshot() {
            Map<String, Long> counters = new LinkedHashMap<>();
            counters.put("jobsAccepted", jobs.sum());
            counters.put("jobsRefusedBusy", busy.sum());
            counters.put("imagesProcessed", processed.sum());
            counters.put("imagesStored", stored.sum());
            counters.put("imagesFailed", failed.sum());
            counters.put("asyncDownloadMillis", nanos[LayerTimes.Layer.ASYNC_DOWNLOAD.ordinal()].sum() / 1_000_000);
            counters.put("computeMillis", nanos[LayerTimes.Layer.COMPUTE.ordinal()].sum() / 1_000_000);
            counters.put("threadUploadMillis", nanos[LayerTimes.Layer.THREAD_UPLOAD.ordinal()].sum() / 1_000_000);
            return counters;
        }
    }

    /** Configures an {@link ImageService}. Not thread-safe. */
    public static final class Builder {
        private ObjectStore store;
        private Downloader downloader = Downloader.builder().build();
        private ImageProcessor processor = ImageProcessor.builder().build();
        private JobStore jobs = JobStore.builder().build();
        private int maxUrls = ProcessRequest.DEFAULT_MAX_URLS;
        private int batchSize = 8;
        private int maxRunningJobs = DEFAULT_MAX_RUNNING_JOBS;
        private int uploaders = 2;
        private int uploadQueue = 64;
        private long maxRequestBytes = 256 * 1024;

        private Builder() {
        }

        /** Sets the object store the JPEGs go to (required). */
        public Builder store(ObjectStore store) {
            this.store = Objects.requireNonNull(store, "store");
            return this;
        }

        /** Sets the downloader (policy, timeouts, size limit); public addresses only by default. */
        public Builder downloader(Downloader downloader) {
            this.downloader = Objects.requireNonNull(downloader, "downloader");
            return this;
        }

        /** Sets the image pipeline (size, pixel limit, JPEG quality). */
        public Builder processor(ImageProcessor processor) {
            this.processor = Objects.requireNonNull(processor, "processor");
            return this;
        }

        /** Sets the job store (capacity, expiry). */
        public Builder jobs(JobStore jobs) {
            this.jobs = Objects.requireNonNull(jobs, "jobs");
            return this;
        }

        /** Sets the most URLs one request may carry (default 100). */
        public Builder maxUrls(int maxUrls) {
            this.maxUrls = atLeastOne(maxUrls, "maxUrls");
            return this;
        }

        /**
         * Sets how many images of one job are downloaded at once and then processed together
         * (default 8): a job holds at most this many downloads in memory.
         */
        public Builder batchSize(int batchSize) {
            this.batchSize = atLeastOne(batchSize, "batchSize");
            return this;
        }

        /**
         * Sets how many jobs download and process at once (default 4); later jobs wait, as
         * "processing", for a turn. With the batch size and the downloader's size limit it
         * bounds the memory of downloads in flight.
         */
        public Builder maxRunningJobs(int maxRunningJobs) {
            this.maxRunningJobs = atLeastOne(maxRunningJobs, "maxRunningJobs");
            return this;
        }

        /** Sets the number of upload threads (default 2). */
        public Builder uploaders(int uploaders) {
            this.uploaders = atLeastOne(uploaders, "uploaders");
            return this;
        }

        /** Sets how many JPEGs may wait for an upload thread (default 64). */
        public Builder uploadQueue(int uploadQueue) {
            this.uploadQueue = atLeastOne(uploadQueue, "uploadQueue");
            return this;
        }

        /**
         * Sets the largest {@code POST /process} body {@link #serve} accepts (default 256 KiB);
         * a larger one is answered {@code 413} without being read.
         */
        public Builder maxRequestBytes(long maxRequestBytes) {
            this.maxRequestBytes = atLeastOne(maxRequestBytes, "maxRequestBytes");
            return this;
        }

        /** Creates the service and starts its upload threads. */
        public ImageService build() {
            return new ImageService(this);
        }

        private static long atLeastOne(long value, String name) {
            if (value < 1) {
                throw new IllegalArgumentException(name + " must be at least 1, got " + value);
            }
            return value;
        }

        private static int atLeastOne(int value, String name) {
            if (value < 1) {
                throw new IllegalArgumentException(name + " must be at least 1, got " + value);
            }
            return value;
        }
    }
}
