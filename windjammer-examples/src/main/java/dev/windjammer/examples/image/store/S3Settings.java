package dev.windjammer.examples.image.store;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Where and how to reach an S3 bucket.
 *
 * @param endpoint     the server, for an S3-compatible store (MinIO, Ceph, S3Proxy ...) or a
 *                     VPC endpoint; empty for AWS's regional endpoint
 * @param region       the signing region, e.g. {@code us-east-1} (S3-compatible servers accept
 *                     any)
 * @param bucket       the bucket name
 * @param pathStyle    {@code true} for {@code endpoint/bucket/key} requests (most S3-compatible
 *                     servers need it), {@code false} for virtual-hosted {@code bucket.endpoint/key}
 * @param credentials  an access key pair; empty to use the AWS SDK's default chain (the
 *                     {@code AWS_ACCESS_KEY_ID} / {@code AWS_SECRET_ACCESS_KEY} environment
 *                     variables, {@code ~/.aws/credentials}, instance roles ...)
 * @param createBucket create the bucket when it does not exist (demos and tests), instead of
 *                     failing
 */
public record S3Settings(Optional<URI> endpoint, String region, String bucket, boolean pathStyle,
                         Optional<Credentials> credentials, boolean createBucket) {

    /** Environment variable: endpoint URI of an S3-compatible server. */
    public static final String ENV_ENDPOINT = "WINDJAMMER_S3_ENDPOINT";
    /** Environment variable: bucket name; its presence selects the S3 store. */
    public static final String ENV_BUCKET = "WINDJAMMER_S3_BUCKET";
    /** Environment variable: region (default {@code us-east-1}). */
    public static final String ENV_REGION = "WINDJAMMER_S3_REGION";
    /** Environment variable: {@code true}/{@code false}; default {@code true} with an endpoint, else {@code false}. */
    public static final String ENV_PATH_STYLE = "WINDJAMMER_S3_PATH_STYLE";
    /** Environment variable: {@code true} to create a missing bucket (default {@code false}). */
    public static final String ENV_CREATE_BUCKET = "WINDJAMMER_S3_CREATE_BUCKET";
    /** The AWS SDK's standard variable for the access key id. */
    public static final String ENV_ACCESS_KEY_ID = "AWS_ACCESS_KEY_ID";
    /** The AWS SDK's standard variable for the secret access key. */
    public static final String ENV_SECRET_ACCESS_KEY = "AWS_SECRET_ACCESS_KEY";

    /** Region used when none is configured. */
    public static final String DEFAULT_REGION = "us-east-1";

    /**
     * An access key pair. {@link #toString()} does not show the secret.
     *
     * @param accessKeyId     the access key id
     * @param secretAccessKey the secret
     */
    public record Credentials(String accessKeyId, String secretAccessKey) {
        /** Checks that both parts are present. */
        public Credentials {
            requireText(accessKeyId, "accessKeyId");
            requireText(secretAccessKey, "secretAccessKey");
        }

        @Override
        public String toString() {
            return "Credentials[accessKeyId=" + accessKeyId + ", secretAccessKey=***]";
        }
    }

    /**
     * Checks the settings.
     *
     * @throws NullPointerException     if a component is null
     * @throws IllegalArgumentException if the region or bucket is blank, the bucket name is not
     *                                  a valid S3 bucket name, or the endpoint is not an
     *                                  absolute http(s) URI
     */
    public S3Settings {
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(credentials, "credentials");
        requireText(region, "region");
        requireText(bucket, "bucket");
        if (!bucket.matches("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]")) {
            throw new IllegalArgumentException("bucket \"" + bucket + "\" is not a valid S3 bucket name"
                    + " (3 to 63 characters: a-z 0-9 . -, starting and ending with a letter or digit)");
        }
        endpoint.ifPresent(uri -> {
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
                throw new IllegalArgumentException("endpoint \"" + uri + "\" must be an absolute http or https URI");
            }
        });
    }

    /**
     * Settings for an S3-compatible server at {@code endpoint}: path-style requests, the bucket
     * created when missing.
     *
     * @param endpoint    the server, e.g. {@code http://127.0.0.1:9000}
     * @param region      the signing region
     * @param bucket      the bucket
     * @param credentials the access key pair
     * @return the settings
     */
    public static S3Settings compatible(URI endpoint, String region, String bucket, Credentials credentials) {
        return new S3Settings(Optional.of(endpoint), region, bucket, true, Optional.of(credentials), true);
    }

    /**
     * Reads the settings from environment variables ({@code WINDJAMMER_S3_*} and the AWS SDK's
     * {@code AWS_ACCESS_KEY_ID} / {@code AWS_SECRET_ACCESS_KEY}).
     *
     * @param environment the variables, usually {@link System#getenv()}
     * @return the settings, or empty when {@value #ENV_BUCKET} is not set (use the filesystem)
     * @throws IllegalArgumentException naming the variable, if a value is invalid or only one
     *                                  half of the key pair is set
     */
    public static Optional<S3Settings> fromEnvironment(Map<String, String> environment) {
        Objects.requireNonNull(environment, "environment");
        String bucket = blankToNull(environment.get(ENV_BUCKET));
        if (bucket == null) {
            return Optional.empty();
        }
        Optional<URI> endpoint = Optional.ofNullable(blankToNull(environment.get(ENV_ENDPOINT)))
                .map(value -> parseUri(ENV_ENDPOINT, value));
        String region = Objects.requireNonNullElse(blankToNull(environment.get(ENV_REGION)), DEFAULT_REGION);
        boolean pathStyle = parseBoolean(environment, ENV_PATH_STYLE, endpoint.isPresent());
        boolean create = parseBoolean(environment, ENV_CREATE_BUCKET, false);
        String id = blankToNull(environment.get(ENV_ACCESS_KEY_ID));
        String secret = blankToNull(environment.get(ENV_SECRET_ACCESS_KEY));
        if ((id == null) != (secret == null)) {
            throw new IllegalArgumentException(ENV_ACCESS_KEY_ID + " and " + ENV_SECRET_ACCESS_KEY
                    + " must be set together (only " + (id == null ? ENV_SECRET_ACCESS_KEY : ENV_ACCESS_KEY_ID)
                    + " is set)");
        }
        Optional<Credentials> credentials = id == null ? Optional.empty() : Optional.of(new Credentials(id, secret));
        return Optional.of(new S3Settings(endpoint, region, bucket, pathStyle, credentials, create));
    }

    private static URI parseUri(String variable, String value) {
        try {
            return new URI(value);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(variable + " is not a valid URI: " + e.getMessage(), e);
        }
    }

    private static boolean parseBoolean(Map<String, String> environment, String variable, boolean fallback) {
        String value = blankToNull(environment.get(variable));
        if (value == null) {
            return fallback;
        }
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "true", "yes", "1" -> true;
            case "false", "no", "0" -> false;
            default -> throw new IllegalArgumentException(variable + " must be true or false, got \"" + value + "\"");
        };
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static void requireText(String value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
    }
}
