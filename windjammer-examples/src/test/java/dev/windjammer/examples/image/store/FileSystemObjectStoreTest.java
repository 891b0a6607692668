package dev.windjammer.examples.image.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.windjammer.UncheckedInterruptedException;
import dev.windjammer.testkit.TestThreads;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FileSystemObjectStoreTest {

    @TempDir
    Path directory;

    @Test
    void storesAndReadsBackUnderNestedKeys() {
        try (ObjectStore store = ObjectStore.filesystem(directory.resolve("results"))) {
            store.put("jobs/0f3a/0.jpg", bytes("first"), "image/jpeg");

            assertThat(store.get("jobs/0f3a/0.jpg")).hasValueSatisfying(b -> assertThat(b).isEqualTo(bytes("first")));
            assertThat(directory.resolve("results/jobs/0f3a/0.jpg")).hasBinaryContent(bytes("first"));
        }
    }

    @Test
    void putReplacesTheObject() {
        try (ObjectStore store = ObjectStore.filesystem(directory)) {
            store.put("a.jpg", bytes("old"), "image/jpeg");
            store.put("a.jpg", bytes("new"), "image/jpeg");

            assertThat(store.get("a.jpg")).hasValueSatisfying(b -> assertThat(b).isEqualTo(bytes("new")));
        }
    }

    @Test
    void getOfAMissingKeyIsEmpty() {
        try (ObjectStore store = ObjectStore.filesystem(directory)) {
            assertThat(store.get("nothing/here.jpg")).isEmpty();
        }
    }

    @Test
    void locationIsAFileUriInsideTheDirectory() {
        try (ObjectStore store = ObjectStore.filesystem(directory)) {
            assertThat(store.locationOf("jobs/x/1.jpg"))
                    .isEqualTo(directory.toAbsolutePath().resolve("jobs/x/1.jpg").toUri().toString());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "/etc/passwd", "../outside.jpg", "a/../../outside.jpg", "a/./b.jpg",
            "a//b.jpg", "a/", ".hidden", "a/.b.jpg.tmp", "a\\..\\b.jpg", "a b.jpg", "caf\u00e9.jpg",
            "nul\u0000.jpg", "_x.jpg", "-rf"})
    void refusesKeysThatAreNotPlainRelativeNames(String key) {
        try (ObjectStore store = ObjectStore.filesystem(directory.resolve("store"))) {
            assertThatThrownBy(() -> store.put(key, bytes("x"), "image/jpeg"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("invalid object key");
            assertThatThrownBy(() -> store.get(key)).isInstanceOf(IllegalArgumentException.class);
        }
        assertThat(directory.resolve("outside.jpg")).doesNotExist();
    }

    @Test
    void refusesOverlongKeysAndSegments() {
        try (ObjectStore store = ObjectStore.filesystem(directory)) {
            String longSegment = "a".repeat(ObjectKeys.MAX_SEGMENT_LENGTH + 1);
            String longKey = ("a".repeat(100) + "/").repeat(6);

            assertThatThrownBy(() -> store.put(longSegment, bytes("x"), "image/jpeg"))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("longer than");
            assertThatThrownBy(() -> store.put(longKey + "x", bytes("x"), "image/jpeg"))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("length");
        }
    }

    @Test
    void refusesToFollowASymbolicLinkOutOfTheDirectory() throws IOException {
        Path root = Files.createDirectory(directory.resolve("root"));
        Path outside = Files.createDirectory(directory.resolve("outside"));
        Files.createSymbolicLink(root.resolve("link"), outside);

        try (ObjectStore store = ObjectStore.filesystem(root)) {
            assertThatThrownBy(() -> store.put("link/x.jpg", bytes("x"), "image/jpeg"))
                    .isInstanceOf(ObjectStoreException.class)
                    .hasMessageContaining("symbolic link");
        }
        try (Stream<Path> files = Files.list(outside)) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void openingOnARegularFileFails() throws IOException {
        Path file = Files.writeString(directory.resolve("file"), "x");

        assertThatThrownBy(() -> ObjectStore.filesystem(file))
                .isInstanceOf(ObjectStoreException.class)
                .hasMessageContaining(file.toString());
    }

    @Test
    void concurrentPutsToOneKeyLeaveOneWholeObjectAndNoTemporaryFiles() throws IOException {
        List<byte[]> versions = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            versions.add(String.valueOf((char) ('a' + i)).repeat(200_000).getBytes(StandardCharsets.US_ASCII));
        }
        try (ObjectStore store = ObjectStore.filesystem(directory)) {
            try (TestThreads threads = new TestThreads()) {
                for (byte[] version : versions) {
                    threads.start(() -> {
                        for (int round = 0; round < 10; round++) {
                            store.put("shared/one.bin", version, "application/octet-stream");
                            byte[] seen = store.get("shared/one.bin").orElseThrow();
                            assertThat(versions).anySatisfy(v -> assertThat(seen).isEqualTo(v));
                        }
                    });
                }
            }
        }
        try (Stream<Path> files = Files.list(directory.resolve("shared"))) {
            assertThat(files).containsExactly(directory.resolve("shared/one.bin"));
        }
    }

    @Test
    void interruptedPutThrowsWithStatusSetAndWritesNothing() throws IOException {
        try (ObjectStore store = ObjectStore.filesystem(directory)) {
            Thread.currentThread().interrupt();
            try {
                assertThatThrownBy(() -> store.put("i/x.jpg", bytes("x"), "image/jpeg"))
                        .isInstanceOf(UncheckedInterruptedException.class);
                assertThat(Thread.currentThread().isInterrupted()).isTrue();
            } finally {
                Thread.interrupted();
            }
        }
        try (Stream<Path> files = Files.walk(directory)) {
            assertThat(files.filter(Files::isRegularFile)).isEmpty();
        }
    }

    @Test
    void nullArgumentsAreNamed() {
        try (ObjectStore store = ObjectStore.filesystem(directory)) {
            assertThatThrownBy(() -> store.put(null, bytes("x"), "t")).hasMessageContaining("key");
            assertThatThrownBy(() -> store.put("k", null, "t")).hasMessageContaining("bytes");
            assertThatThrownBy(() -> store.put("k", bytes("x"), null)).hasMessageContaining("contentType");
            assertThatThrownBy(() -> store.get(null)).isInstanceOf(NullPointerException.class);
        }
        assertThatThrownBy(() -> ObjectStore.filesystem(null))
                .isInstanceOf(NullPointerException.class).hasMessageContaining("root");
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
