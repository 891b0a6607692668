package dev.windjammer.examples.image.store;

import dev.windjammer.UncheckedInterruptedException;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.exception.AbortedException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/** {@link ObjectStore} on an S3 bucket through the AWS SDK v2 synchronous client. */
final class S3ObjectStore implements ObjectStore {
    /*
     * Overview
     *   One S3Client per store (it owns a pooled Apache HTTP client and is thread-safe; the
     *   SDK documents clients as long-lived and shared). put = PutObject with the content
     *   length and type; get = GetObject into memory; a missing key is NoSuchKeyException,
     *   mapped to Optional.empty(). The constructor checks the bucket with HeadBucket (and
     *   creates it if asked) so that a wrong bucket or endpoint fails at start-up with a
     *   clear message rather than on the first image.
     *
     *   Checksums: since 2.30 the SDK adds CRC32 checksums to every PutObject (as an
     *   aws-chunked trailer) and validates them on GetObject. Several S3-compatible servers
     *   reject or ignore the trailer, so the store asks for checksums only where the
     *   operation requires them (WHEN_REQUIRED); TCP and TLS still protect the bytes, and S3
     *   checks Content-MD5/signatures as before.
     *
     *   Timeouts: 10 s per attempt, 30 s per call (including the SDK's standard retries with
     *   backoff), so a dead endpoint cannot hold an upload thread for long.
     *
     * Concurrency
     *   Stateless apart from the client; safe from many threads.
     *
     * Cancellation
     *   The SDK checks the interrupt status between steps and throws AbortedException; that
     *   (or any SDK failure while the thread is interrupted) becomes
     *   UncheckedInterruptedException with the interrupt status set. PutObject is a single
     *   request, so S3 has the whole object or none of it.
     */

    private static final Duration ATTEMPT_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(30);

    private final S3Settings settings;
    private final String bucket;
    private final S3Client client;

    S3ObjectStore(S3Settings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.bucket = settings.bucket();
        S3ClientBuilder builder = S3Client.builder()
                .region(Region.of(settings.region()))
                .forcePathStyle(settings.pathStyle())
                .credentialsProvider(credentials(settings))
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                .overrideConfiguration(o -> o.apiCallAttemptTimeout(ATTEMPT_TIMEOUT).apiCallTimeout(CALL_TIMEOUT));
        settings.endpoint().ifPresent(builder::endpointOverride);
        this.client = builder.build();
        try {
            ensureBucket();
        } catch (RuntimeException e) {
            client.close();
            throw e;
        }
    }

    private static AwsCredentialsProvider credentials(S3Settings settings) {
        return settings.credentials()
                .<AwsCredentialsProvider>map(c -> StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(c.accessKeyId(), c.secretAccessKey())))
                .orElseGet(() -> DefaultCredentialsProvider.builder().build());
    }

    private void ensureBucket() {
        try {
            client.headBucket(request -> request.bucket(bucket));
        } catch (NoSuchBucketException e) {
            createOrFail(e);
        } catch (S3Exception e) {
            if (e.statusCode() != 404) {
                throw failure("cannot use bucket", null, e);
            }
            createOrFail(e);
        } catch (SdkException e) {
            throw failure("cannot use bucket", null, e);
        }
    }

    private void createOrFail(S3Exception missing) {
        if (!settings.createBucket()) {
            throw new ObjectStoreException("bucket \"" + bucket + "\" does not exist at " + where()
                    + " (create it, or allow the service to)", missing);
        }
        try {
            client.createBucket(request -> request.bucket(bucket));
        } catch (SdkException e) {
            throw failure("cannot create bucket", null, e);
        }
    }

    @Override
    public void put(String key, byte[] bytes, String contentType) {
        ObjectKeys.requireValid(key);
        Objects.requireNonNull(bytes, "bytes");
        Objects.requireNonNull(contentType, "contentType");
        try {
            client.putObject(request -> request.bucket(bucket).key(key).contentType(contentType)
                    .contentLength((long) bytes.length), RequestBody.fromBytes(bytes));
        } catch (SdkException e) {
            throw failure("cannot store", key, e);
        }
    }

    @Override
    public Optional<byte[]> get(String key) {
        ObjectKeys.requireValid(key);
        try {
            return Optional.of(client.getObjectAsBytes(request -> request.bucket(bucket).key(key)).asByteArray());
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        } catch (SdkException e) {
            throw failure("cannot read", key, e);
        }
    }

    @Override
    public String locationOf(String key) {
        return "s3://" + bucket + "/" + ObjectKeys.requireValid(key);
    }

    @Override
    public void close() {
        client.close();
    }

    @Override
    public String toString() {
        return "S3 object store, bucket " + bucket + " at " + where();
    }

    private String where() {
        return settings.endpoint().map(Object::toString).orElse("AWS " + settings.region());
    }

    private RuntimeException failure(String what, String key, SdkException e) {
        String subject = key == null ? "\"" + bucket + "\"" : "\"" + key + "\" in bucket \"" + bucket + "\"";
        if (e instanceof AbortedException || Thread.currentThread().isInterrupted()) {
            UncheckedInterruptedException interrupted =
                    UncheckedInterruptedException.interrupted("S3 request on " + subject, null);
            interrupted.addSuppressed(e);
            return interrupted;
        }
        return new ObjectStoreException(what + " " + subject + " at " + where() + ": " + e.getMessage(), e);
    }
}
