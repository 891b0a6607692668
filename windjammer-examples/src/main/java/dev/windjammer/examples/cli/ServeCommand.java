package dev.windjammer.examples.cli;

import dev.windjammer.UncheckedInterruptedException;
import dev.windjammer.examples.image.ImageService;
import dev.windjammer.examples.image.fetch.AddressRange;
import dev.windjammer.examples.image.fetch.Downloader;
import dev.windjammer.examples.image.fetch.UrlPolicy;
import dev.windjammer.examples.image.imaging.ImageProcessor;
import dev.windjammer.examples.image.job.JobStore;
import dev.windjammer.examples.image.request.ProcessRequest;
import dev.windjammer.examples.image.store.ObjectStore;
import dev.windjammer.examples.image.store.S3Settings;
import dev.windjammer.io.http.HttpServer;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code windjammer serve}: runs the image service ({@code POST /process},
 * {@code GET /jobs/{id}}, {@code GET /health}) until Ctrl-C (or until its thread is
 * interrupted), then shuts down gracefully: requests in flight finish, running jobs are
 * cancelled (their images reported {@code cancelled}), JPEGs already handed to the upload
 * threads are stored.
 */
@Command(name = "serve",
        mixinStandardHelpOptions = true,
        versionProvider = WindjammerCli.Version.class,
        sortOptions = false,
        description = "Run the image service until Ctrl-C: POST /process (a JSON list of image URLs),"
                + " GET /jobs/{id}, GET /health. S3 credentials come from AWS_ACCESS_KEY_ID and"
                + " AWS_SECRET_ACCESS_KEY, or the AWS SDK's default chain.")
final class ServeCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--bind", paramLabel = "HOST", defaultValue = "127.0.0.1",
            description = "address to listen on; 0.0.0.0 for every interface (default: ${DEFAULT-VALUE})")
    private String bind;

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "8080",
            description = "port to listen on, 0 for any free one (default: ${DEFAULT-VALUE})")
    private int port;

    @Option(names = "--store", paramLabel = "fs|s3", defaultValue = "fs",
            description = "where processed JPEGs go: fs (a directory) or s3 (default: ${DEFAULT-VALUE})")
    private String store;

    @Option(names = "--store-dir", paramLabel = "DIR", defaultValue = "windjammer-store",
            description = "directory of the fs store (default: ${DEFAULT-VALUE})")
    private Path storeDir;

    @Option(names = "--s3-endpoint", paramLabel = "URL",
            description = "an S3-compatible server, e.g. http://127.0.0.1:9000 (default: AWS)")
    private URI s3Endpoint;

    @Option(names = "--s3-bucket", paramLabel = "NAME", description = "the bucket (required with --store s3)")
    private String s3Bucket;

    @Option(names = "--s3-region", paramLabel = "REGION", defaultValue = S3Settings.DEFAULT_REGION,
            description = "the region (default: ${DEFAULT-VALUE})")
    private String s3Region;

    @Option(names = "--s3-create-bucket", description = "create the bucket if it does not exist")
    private boolean s3CreateBucket;

    @Option(names = "--max-urls", paramLabel = "N", defaultValue = "" + ProcessRequest.DEFAULT_MAX_URLS,
            description = "most image URLs in one request (default: ${DEFAULT-VALUE})")
    private int maxUrls;

    @Option(names = "--max-download", paramLabel = "SIZE", defaultValue = "10MiB", converter = ByteSize.class,
            description = "largest image to download, e.g. 512KiB, 10MiB (default: ${DEFAULT-VALUE})")
    private long maxDownloadBytes;

    @Option(names = "--download-timeout", paramLabel = "TIME", defaultValue = "10s", converter = Time.class,
            description = "time limit of one download, e.g. 500ms, 10s, 1m (default: ${DEFAULT-VALUE})")
    private Duration downloadTimeout;

    @Option(names = "--max-pixels", paramLabel = "N", defaultValue = "" + ImageProcessor.DEFAULT_MAX_PIXELS,
            description = "largest image to decode, in pixels, checked before decoding (default: ${DEFAULT-VALUE})")
    private long maxPixels;

    @Option(names = "--jpeg-quality", paramLabel = "Q", defaultValue = "" + ImageProcessor.DEFAULT_JPEG_QUALITY,
            description = "JPEG quality from 0 to 1 (default: ${DEFAULT-VALUE})")
    private float jpegQuality;

    @Option(names = "--max-jobs", paramLabel = "N", defaultValue = "" + JobStore.DEFAULT_CAPACITY,
            description = "jobs kept; when all are still running, POST /process answers 503 (default: ${DEFAULT-VALUE})")
    private int maxJobs;

    @Option(names = "--max-running-jobs", paramLabel = "N", defaultValue = "" + ImageService.DEFAULT_MAX_RUNNING_JOBS,
            description = "jobs downloading and processing at once; others wait their turn (default: ${DEFAULT-VALUE})")
    private int maxRunningJobs;

    @Option(names = "--allow", paramLabel = "RANGE", split = ",",
            description = "also download from these address ranges, refused by default against server-side request"
                    + " forgery: ${COMPLETION-CANDIDATES}")
    private List<AddressRange> allow = List.of();

    @Override
    public Integer call() {
        ImageService.Builder builder = configure();
        PrintWriter print = spec.commandLine().getOut();
        boolean interrupted = false;
        try (ObjectStore objects = openStore(); ImageService service = builder.store(objects).build()) {
            HttpServer server = service.serve(bind + ":" + port);
            print.printf("windjammer serve: listening on %s (POST /process, GET /jobs/{id}, GET /health)%n", server.url("/"));
            print.printf("  store: %s; Ctrl-C to stop%n", describeStore());
            print.flush();
            Thread shutdown = new Thread(service::close, "windjammer-serve-shutdown");
            Runtime.getRuntime().addShutdownHook(shutdown);
            try {
                server.run();
            } catch (UncheckedInterruptedException e) {
                // interrupted: shut down as for Ctrl-C; the status is cleared so that closing can
                // wait for the jobs and upload threads, and set again at the end
                interrupted = Thread.interrupted();
            } finally {
                removeHook(shutdown);
            }
        }
        print.println("windjammer serve: stopped");
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        return CommandLine.ExitCode.OK;
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the JVM is shutting down: the hook is running or has run
        }
    }

    /** Checks the options (a bad one is a usage error) and builds the service's settings. */
    private ImageService.Builder configure() {
        if (port < 0 || port > 65535) {
            throw usage("--port must be from 0 to 65535, got " + port);
        }
        store = store.toLowerCase(Locale.ROOT);
        if (!store.equals("fs") && !store.equals("s3")) {
            throw usage("--store must be fs or s3, got '" + store + "'");
        }
        if (store.equals("s3") && (s3Bucket == null || s3Bucket.isBlank())) {
            throw usage("--store s3 needs --s3-bucket");
        }
        if (store.equals("fs") && (s3Bucket != null || s3Endpoint != null)) {
            throw usage("--s3-bucket and --s3-endpoint need --store s3");
        }
        UrlPolicy.Builder policy = UrlPolicy.builder();
        allow.forEach(policy::allow);
        ImageService.Builder service = ImageService.builder();
        checked("--max-urls", () -> service.maxUrls(maxUrls));
        checked("--max-running-jobs", () -> service.maxRunningJobs(maxRunningJobs));
        checked("--max-jobs", () -> service.jobs(JobStore.builder().capacity(maxJobs).build()));
        Downloader.Builder downloads = Downloader.builder().policy(policy.build());
        checked("--max-download", () -> downloads.maxBytes(maxDownloadBytes));
        checked("--download-timeout", () -> downloads.timeout(downloadTimeout));
        service.downloader(downloads.build());
        ImageProcessor.Builder processing = ImageProcessor.builder();
        checked("--max-pixels", () -> processing.maxPixels(maxPixels));
        checked("--jpeg-quality", () -> processing.jpegQuality(jpegQuality));
        return service.processor(processing.build());
    }

    /** Runs a builder setter; the value it refuses is a usage error naming {@code option}. */
    private void checked(String option, Runnable setter) {
        try {
            setter.run();
        } catch (IllegalArgumentException e) {
            throw usage("invalid value for " + option + ": " + e.getMessage());
        }
    }

    private ObjectStore openStore() {
        if (store.equals("fs")) {
            return ObjectStore.filesystem(storeDir);
        }
        String id = System.getenv(S3Settings.ENV_ACCESS_KEY_ID);
        String secret = System.getenv(S3Settings.ENV_SECRET_ACCESS_KEY);
        if ((id == null) != (secret == null)) {
            throw new IllegalStateException(S3Settings.ENV_ACCESS_KEY_ID + " and " + S3Settings.ENV_SECRET_ACCESS_KEY
                    + " must be set together");
        }
        Optional<S3Settings.Credentials> credentials = id == null ? Optional.empty()
                : Optional.of(new S3Settings.Credentials(id, secret));
        S3Settings settings;
        try {
            settings = new S3Settings(Optional.ofNullable(s3Endpoint), s3Region, s3Bucket, s3Endpoint != null,
                    credentials, s3CreateBucket);
        } catch (IllegalArgumentException e) {
            throw usage(e.getMessage());
        }
        return ObjectStore.s3(settings);
    }

    private String describeStore() {
        return store.equals("fs") ? "directory " + storeDir.toAbsolutePath().normalize()
                : "s3://" + s3Bucket + (s3Endpoint == null ? "" : " at " + s3Endpoint) + " (" + s3Region + ")";
    }

    private CommandLine.ParameterException usage(String message) {
        return new CommandLine.ParameterException(spec.commandLine(), message);
    }

    /** {@code 512KiB}, {@code 10MiB}, {@code 1GiB}, {@code 2048} (bytes). */
    static final class ByteSize implements CommandLine.ITypeConverter<Long> {
        private static final Pattern SIZE = Pattern.compile("(\\d+)\\s*(B|KiB|MiB|GiB)?");

        @Override
        public Long convert(String value) {
            Matcher matcher = SIZE.matcher(value.trim());
            if (!matcher.matches()) {
                throw new CommandLine.TypeConversionException("'" + value + "' is not a size such as 512KiB or 10MiB");
            }
            long number = Long.parseLong(matcher.group(1));
            int shift = switch (matcher.group(2) == null ? "B" : matcher.group(2)) {
                case "KiB" -> 10;
                case "MiB" -> 20;
                case "GiB" -> 30;
                default -> 0;
            };
            if (number < 1 || number > (Long.MAX_VALUE >> shift)) {
                throw new CommandLine.TypeConversionException("'" + value + "' is not a size from 1 byte up");
            }
            return number << shift;
        }
    }

    /** {@code 500ms}, {@code 10s}, {@code 1m}. */
    static final class Time implements CommandLine.ITypeConverter<Duration> {
        private static final Pattern TIME = Pattern.compile("(\\d+)\\s*(ms|s|m)");

        @Override
        public Duration convert(String value) {
            Matcher matcher = TIME.matcher(value.trim());
            if (!matcher.matches() || Long.parseLong(matcher.group(1)) == 0) {
                throw new CommandLine.TypeConversionException("'" + value + "' is not a time such as 500ms, 10s or 1m");
            }
            long number = Long.parseLong(matcher.group(1));
            return switch (matcher.group(2)) {
                case "ms" -> Duration.ofMillis(number);
                case "s" -> Duration.ofSeconds(number);
                default -> Duration.ofMinutes(number);
            };
        }
    }
}
