package dev.windjammer.examples.image.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.windjammer.examples.image.S3ProxyServer;
import dev.windjammer.testkit.TestThreads;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;

/** Against a real S3Proxy process on 127.0.0.1. */
class S3ObjectStoreTest {

    private static final S3Settings.Credentials CREDENTIALS =
            new S3Settings.Credentials(S3ProxyServer.IDENTITY, S3ProxyServer.CREDENTIAL);

    private static S3ProxyServer s3;

    /** One per test: the SDK client starts scheduler threads lazily and stops them on close. */
    private ObjectStore store;

    @BeforeAll
    static void startS3Proxy() throws IOException {
        s3 = S3ProxyServer.start();
    }

    @AfterAll
    static void stopS3Proxy() {
        if (s3 != null) {
            s3.close();
        }
    }

    @BeforeEach
    void openStore() {
        store = ObjectStore.s3(S3Settings.compatible(s3.endpoint(), "us-east-1", "images", CREDENTIALS));
    }

    @AfterEach
    void closeStore() {
        if (store != null) {
            store.close();
        }
    }

    @Test
    void storesAndReadsBack() {
        store.put("jobs/1/0.jpg", bytes("jpeg bytes"), "image/jpeg");

        assertThat(store.get("jobs/1/0.jpg")).hasValueSatisfying(b -> assertThat(b).isEqualTo(bytes("jpeg bytes")));
    }

    @Test
    void recordsTheContentTypeAndLength() {
        store.put("jobs/2/0.jpg", bytes("12345"), "image/jpeg");

        try (S3Client raw = rawClient()) {
            HeadObjectResponse head = raw.headObject(r -> r.bucket("images").key("jobs/2/0.jpg"));
            assertThat(head.contentType()).isEqualTo("image/jpeg");
            assertThat(head.contentLength()).isEqualTo(5);
        }
    }

    @Test
    void putReplacesTheObject() {
        store.put("jobs/3/0.jpg", bytes("old"), "image/jpeg");
        store.put("jobs/3/0.jpg", bytes("new"), "image/jpeg");

        assertThat(store.get("jobs/3/0.jpg")).hasValueSatisfying(b -> assertThat(b).isEqualTo(bytes("new")));
    }

    @Test
    void getOfAMissingKeyIsEmpty() {
        assertThat(store.get("jobs/none/0.jpg")).isEmpty();
    }

    @Test
    void manyConcurrentPutsAllLand() {
        try (TestThreads threads = new TestThreads()) {
            for (int t = 0; t < 4; t++) {
                int thread = t;
                threads.startVirtual(() -> {
                    for (int i = 0; i < 10; i++) {
                        store.put("concurrent/" + thread + "/" + i + ".jpg", bytes(thread + ":" + i), "image/jpeg");
                    }
                });
            }
        }
        for (int t = 0; t < 4; t++) {
            for (int i = 0; i < 10; i++) {
                assertThat(store.get("concurrent/" + t + "/" + i + ".jpg"))
                        .hasValueSatisfying(b -> assertThat(b).isNotEmpty());
            }
        }
    }

    @Test
    void locationIsAnS3Uri() {
        assertThat(store.locationOf("jobs/1/0.jpg")).isEqualTo("s3://images/jobs/1/0.jpg");
    }

    @Test
    void refusesAnInvalidKeyBeforeAnyRequest() {
        assertThatThrownBy(() -> store.put("../x.jpg", bytes("x"), "image/jpeg"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("invalid object key");
        assertThatThrownBy(() -> store.get("/x.jpg")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void missingBucketFailsAtOpenWhenNotToBeCreated() {
        S3Settings settings = new S3Settings(Optional.of(s3.endpoint()), "us-east-1", "no-such-bucket", true,
                Optional.of(CREDENTIALS), false);

        assertThatThrownBy(() -> ObjectStore.s3(settings))
                .isInstanceOf(ObjectStoreException.class)
                .hasMessageContaining("bucket \"no-such-bucket\" does not exist");
    }

    @Test
    void wrongCredentialsFailAtOpen() {
        S3Settings settings = S3Settings.compatible(s3.endpoint(), "us-east-1", "images",
                new S3Settings.Credentials(S3ProxyServer.IDENTITY, "wrong-secret"));

        assertThatThrownBy(() -> ObjectStore.s3(settings))
                .isInstanceOf(ObjectStoreException.class)
                .hasMessageContaining("images");
    }

    @Test
    void unreachableEndpointFailsAtOpen() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        S3Settings settings = S3Settings.compatible(URI.create("http://127.0.0.1:" + closedPort),
                "us-east-1", "images", CREDENTIALS);

        assertThatThrownBy(() -> ObjectStore.s3(settings))
                .isInstanceOf(ObjectStoreException.class)
                .hasMessageContaining("127.0.0.1:" + closedPort);
    }

    private static S3Client rawClient() {
        return S3Client.builder().endpointOverride(s3.endpoint()).forcePathStyle(true).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(S3ProxyServer.IDENTITY, S3ProxyServer.CREDENTIAL)))
                .build();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
