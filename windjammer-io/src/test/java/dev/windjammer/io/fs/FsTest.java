package dev.windjammer.io.fs;

import dev.windjammer.UncheckedInterruptedException;
import dev.windjammer.testkit.TestThreads;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FsTest {

    private static final int CONTENT_SIZE = 256 * 1024;
    private static final int REPLACEMENTS = 200;
    private static final int READERS = 4;

    @TempDir
    Path dir;

    @Test
    void writeThenReadRoundTripsAndCreatesParents() {
        Path file = dir.resolve("a/b/c.bin");
        Fs.write(file, new byte[] {1, 2, 3});
        assertThat(Fs.read(file)).containsExactly(1, 2, 3);
    }

    @Test
    void textIsUtf8() {
        Path file = dir.resolve("t.txt");
        Fs.writeString(file, "Grüße, 世界");
        assertThat(Fs.readString(file)).isEqualTo("Grüße, 世界");
    }

    @Test
    void invalidUtf8IsReported() throws IOException {
        Path file = dir.resolve("latin1.txt");
        Files.write(file, new byte[] {(byte) 0xE9, 't', (byte) 0xE9});
        assertThatThrownBy(() -> Fs.readString(file)).isInstanceOf(UncheckedIOException.class)
                .hasMessage("reading " + file + " failed: not valid UTF-8");
    }

    @Test
    void writeReplacesAtomically() {
        Path file = dir.resolve("shared.bin");
        byte[] as = filled('a');
        byte[] bs = filled('b');
        Fs.write(file, as);
        AtomicInteger reads = new AtomicInteger();
        try (TestThreads threads = new TestThreads()) {
            threads.startVirtual(() -> {
                for (int i = 0; i < REPLACEMENTS; i++) {
                    Fs.write(file, i % 2 == 0 ? bs : as);
                }
            });
            for (int r = 0; r < READERS; r++) {
                threads.startVirtual(() -> {
                    for (int i = 0; i < REPLACEMENTS; i++) {
                        byte[] seen = Fs.read(file);
                        assertThat(Arrays.equals(seen, as) || Arrays.equals(seen, bs))
                                .as("a read saw a mix of two writes").isTrue();
                        reads.incrementAndGet();
                    }
                });
            }
        }
        assertThat(reads).hasValue(READERS * REPLACEMENTS);
        assertThat(Fs.list(dir)).containsExactly(file);
    }

    private static byte[] filled(char c) {
        byte[] bytes = new byte[CONTENT_SIZE];
        Arrays.fill(bytes, (byte) c);
        return bytes;
    }

    @Test
    void missingFileNamesThePath() {
        Path missing = dir.resolve("nope.txt");
        assertThatThrownBy(() -> Fs.read(missing)).isInstanceOf(UncheckedIOException.class)
                .hasMessage("reading " + missing + " failed: no such file or directory: " + missing)
                .hasCauseInstanceOf(NoSuchFileException.class);
    }

    @Test
    void fileOverTheLimitIsRefused() {
        Path file = dir.resolve("big.bin");
        Fs.write(file, new byte[100]);
        assertThat(Fs.read(file, 100)).hasSize(100);
        assertThatThrownBy(() -> Fs.read(file, 99)).isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining("larger than the limit of 99 bytes");
        assertThatThrownBy(() -> Fs.read(file, -1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void listIsSortedAndFilteredByGlob() {
        for (String name : List.of("b.png", "a.jpg", "c.txt")) {
            Fs.writeString(dir.resolve(name), name);
        }
        assertThat(Fs.list(dir)).containsExactly(dir.resolve("a.jpg"), dir.resolve("b.png"), dir.resolve("c.txt"));
        assertThat(Fs.list(dir, "*.{jpg,png}")).containsExactly(dir.resolve("a.jpg"), dir.resolve("b.png"));
    }

    @Test
    void listingAMissingDirectoryOrAFileFails() {
        Path file = dir.resolve("f");
        Fs.writeString(file, "x");
        assertThatThrownBy(() -> Fs.list(dir.resolve("missing"))).isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining("no such file or directory");
        assertThatThrownBy(() -> Fs.list(file)).isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining("not a directory");
    }

    @Test
    void interruptedReadThrowsUncheckedInterruptedAndKeepsTheStatus() {
        Path file = dir.resolve("r.bin");
        Fs.write(file, new byte[10]);
        Thread.currentThread().interrupt();
        try {
            assertThatThrownBy(() -> Fs.read(file)).isInstanceOf(UncheckedInterruptedException.class)
                    .hasMessageContaining("reading " + file);
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
        } finally {
            Thread.interrupted();
        }
    }

    @Test
    void interruptedWriteLeavesTheFileAndNoTemporaryFile() {
        Path file = dir.resolve("w.bin");
        Fs.write(file, new byte[] {7});
        Thread.currentThread().interrupt();
        try {
            assertThatThrownBy(() -> Fs.write(file, new byte[] {8})).isInstanceOf(UncheckedInterruptedException.class);
        } finally {
            Thread.interrupted();
        }
        assertThat(Fs.read(file)).containsExactly(7);
        assertThat(Fs.list(dir)).containsExactly(file);
    }

    @Test
    void manyConcurrentReadsOnVirtualThreads() {
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            Path file = dir.resolve("f" + i);
            Fs.writeString(file, "content " + i);
            files.add(file);
        }
        AtomicInteger matched = new AtomicInteger();
        try (TestThreads threads = new TestThreads()) {
            for (int round = 0; round < 20; round++) {
                for (int i = 0; i < files.size(); i++) {
                    int index = i;
                    threads.startVirtual(() -> {
                        if (Fs.readString(files.get(index)).equals("content " + index)) {
                            matched.incrementAndGet();
                        }
                    });
                }
            }
        }
        assertThat(matched).hasValue(1000);
    }

    @Test
    void nullArgumentsAreNamed() {
        assertThatThrownBy(() -> Fs.read(null)).isInstanceOf(NullPointerException.class).hasMessage("file");
        assertThatThrownBy(() -> Fs.write(dir.resolve("x"), null)).isInstanceOf(NullPointerException.class).hasMessage("data");
        assertThatThrownBy(() -> Fs.list(null)).isInstanceOf(NullPointerException.class).hasMessage("directory");
    }
}
