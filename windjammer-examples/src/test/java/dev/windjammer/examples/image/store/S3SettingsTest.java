package dev.windjammer.examples.image.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class S3SettingsTest {

    @Test
    void noBucketMeansNoS3() {
        assertThat(S3Settings.fromEnvironment(Map.of(S3Settings.ENV_ENDPOINT, "http://127.0.0.1:9000"))).isEmpty();
    }

    @Test
    void readsEveryVariable() {
        S3Settings settings = S3Settings.fromEnvironment(Map.of(
                "WINDJAMMER_S3_BUCKET", "photos",
                "WINDJAMMER_S3_ENDPOINT", "http://127.0.0.1:9000",
                "WINDJAMMER_S3_REGION", "eu-west-1",
                "WINDJAMMER_S3_PATH_STYLE", "false",
                "WINDJAMMER_S3_CREATE_BUCKET", "true",
                "AWS_ACCESS_KEY_ID", "id",
                "AWS_SECRET_ACCESS_KEY", "secret")).orElseThrow();

        assertThat(settings).isEqualTo(new S3Settings(Optional.of(URI.create("http://127.0.0.1:9000")),
                "eu-west-1", "photos", false, Optional.of(new S3Settings.Credentials("id", "secret")), true));
    }

    @Test
    void defaultsToAwsRegionalEndpointAndTheSdkCredentialChain() {
        S3Settings settings = S3Settings.fromEnvironment(Map.of("WINDJAMMER_S3_BUCKET", "photos")).orElseThrow();

        assertThat(settings.endpoint()).isEmpty();
        assertThat(settings.region()).isEqualTo("us-east-1");
        assertThat(settings.pathStyle()).isFalse();
        assertThat(settings.credentials()).isEmpty();
        assertThat(settings.createBucket()).isFalse();
    }

    @Test
    void anEndpointDefaultsToPathStyle() {
        S3Settings settings = S3Settings.fromEnvironment(Map.of("WINDJAMMER_S3_BUCKET", "photos",
                "WINDJAMMER_S3_ENDPOINT", "https://s3.internal:9000")).orElseThrow();

        assertThat(settings.pathStyle()).isTrue();
    }

    @Test
    void halfAKeyPairIsRefusedNamingTheMissingHalf() {
        assertThatThrownBy(() -> S3Settings.fromEnvironment(Map.of("WINDJAMMER_S3_BUCKET", "photos",
                "AWS_ACCESS_KEY_ID", "id")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("only AWS_ACCESS_KEY_ID is set");
    }

    @Test
    void aNonBooleanFlagIsRefusedNamingTheVariable() {
        assertThatThrownBy(() -> S3Settings.fromEnvironment(Map.of("WINDJAMMER_S3_BUCKET", "photos",
                "WINDJAMMER_S3_PATH_STYLE", "maybe")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("WINDJAMMER_S3_PATH_STYLE");
    }

    @Test
    void aNonHttpEndpointIsRefused() {
        assertThatThrownBy(() -> S3Settings.fromEnvironment(Map.of("WINDJAMMER_S3_BUCKET", "photos",
                "WINDJAMMER_S3_ENDPOINT", "ftp://host/")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("must be an absolute http or https URI");
        assertThatThrownBy(() -> S3Settings.fromEnvironment(Map.of("WINDJAMMER_S3_BUCKET", "photos",
                "WINDJAMMER_S3_ENDPOINT", "http://bad host/")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("WINDJAMMER_S3_ENDPOINT");
    }

    @Test
    void anInvalidBucketNameIsRefused() {
        assertThatThrownBy(() -> S3Settings.fromEnvironment(Map.of("WINDJAMMER_S3_BUCKET", "Photos_2024")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a valid S3 bucket name");
    }

    @Test
    void toStringHidesTheSecret() {
        assertThat(new S3Settings.Credentials("id", "very-secret").toString())
                .contains("id").doesNotContain("very-secret");
    }
}
