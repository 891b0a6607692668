package dev.windjammer.io.fs;

import dev.windjammer.UncheckedInterruptedException;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.ClosedByInterruptException;
import java.nio.channels.FileChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The seed's {@code fs::} module: read, write and list files from async code. Each call blocks
 * the calling thread until the file operation is done; on a virtual thread (an {@code Async}
 * task) that is the intended use, and many files are handled concurrently by running calls in
 * tasks, e.g. {@code Async.joinAll(paths.stream().map(p -> (Callable<byte[]>) () -> Fs.read(p)).toList())}.
 *
 * <p><b>Writes are atomic</b>: {@link #write} puts the bytes into a temporary file in the same
 * directory and renames it over the target, so a concurrent reader sees the old content or the
 * new one, never a mix, and a crash mid-write leaves the old file intact. Missing parent
 * directories are created. The file is not forced to the disk (no {@code fsync}).
 *
 * <p><b>Failures</b> are unchecked and name the path: {@link UncheckedIOException} wrapping the
 * JDK's {@link IOException} ({@link NoSuchFileException} and so on, available as the cause). A
 * call interrupted while it reads or writes throws {@link UncheckedInterruptedException} with the
 * interrupt status set; the JDK closes the file channel on interruption, so nothing half-done is
 * left behind (a write's temporary file is removed).
 *
 * <p>All methods are thread-safe.
 */
public final class Fs {
    /*
     * Implementation notes
     *
     * Overview. Thin, unchecked wrappers over java.nio.file with the two behaviours a service
     * needs and the JDK does not give by default: atomic replacement on write (temp file +
     * ATOMIC_MOVE, as in Go's renameio and most editors) and closed directory streams on list
     * (Files.list leaks a file descriptor unless its stream is closed).
     *
     * Virtual threads. File I/O cannot be made non-blocking on Linux without io_uring, so a
     * virtual thread doing file I/O blocks its carrier. The JDK compensates (since JDK 21 the
     * file channel operations run inside a "managed blocker" that temporarily adds a carrier to
     * the scheduler, up to jdk.virtualThreadScheduler.maxPoolSize, 256 by default), so other
     * virtual threads keep running; we add no thread pool of our own. No lock is held across a
     * blocking call here, so nothing pins on JDK 21 either.
     *
     * Cancellation. Reads and writes go through FileChannel.open, an InterruptibleChannel:
     * interrupting the thread closes the channel and the blocked call throws
     * ClosedByInterruptException with the interrupt status set, which we turn into
     * UncheckedInterruptedException. (The streams of Files.newInputStream/newOutputStream are
     * deliberately uninterruptible in recent JDKs, like FileInputStream, so we do not use them.)
     * Listing a directory is not interruptible.
     */

    private static final HexFormat HEX = HexFormat.of();

    private Fs() {
    }

    /**
     * Reads a whole file.
     *
     * @param file the file
     * @return its bytes
     * @throws UncheckedIOException if the file does not exist, is a directory, cannot be read,
     *         or is larger than 2 GiB
     * @throws UncheckedInterruptedException if the calling thread is interrupted
     */
    public static byte[] read(Path file) {
        return read(file, Integer.MAX_VALUE - 8);
    }

    /**
     * Reads a whole file that must not be larger than {@code maxBytes}; a larger file is refused
     * without reading more than {@code maxBytes + 1} bytes of it.
     *
     * @param file     the file
     * @param maxBytes the largest size accepted, 0 to {@code Integer.MAX_VALUE - 8}
     * @return its bytes
     * @throws UncheckedIOException if the file does not exist, cannot be read, or is larger than
     *         {@code maxBytes} (the message says which)
     * @throws UncheckedInterruptedException if the calling thread is interrupted
     * @throws IllegalArgumentException if {@code maxBytes} is out of range
     */
    public static byte[] read(Path file, long maxBytes) {
        Objects.requireNonNull(file, "file");
        if (maxBytes < 0 || maxBytes > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("maxBytes must be within 0 to " + (Integer.MAX_VALUE - 8) + ", got " + maxBytes);
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            InputStream in = Channels.newInputStream(channel);
            byte[] bytes = in.readNBytes((int) Math.min(maxBytes + 1, Integer.MAX_VALUE - 8));
            if (bytes.length > maxBytes) {
                throw new UncheckedIOException(new IOException(
                        "reading " + file + " failed: the file is larger than the limit of " + maxBytes + " bytes"));
            }
            return bytes;
        } catch (IOException e) {
            throw failure("reading", file, e);
        }
    }

    /**
     * Reads a whole file as UTF-8 text.
     *
     * @param file the file
     * @return its text
     * @throws UncheckedIOException if the file cannot be read or is not valid UTF-8
     * @throws UncheckedInterruptedException if the calling thread is interrupted
     */
    public static String readString(Path file) {
        byte[] bytes = read(file);
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new UncheckedIOException("reading " + file + " failed: not valid UTF-8", e);
        }
    }

    /**
     * Writes {@code data} to {@code file}, atomically replacing what was there and creating
     * missing parent directories. A new file gets the default permissions (umask); an existing
     * file is replaced by a new one, so its permissions are not kept.
     *
     * @param file the file
     * @param data the new content
     * @throws UncheckedIOException if the file or its directory cannot be written
     * @throws UncheckedInterruptedException if the calling thread is interrupted; the file is
     *         unchanged
     */
    public static void write(Path file, byte[] data) {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(data, "data");
        Path target = file.toAbsolutePath();
        Path directory = target.getParent();
        Path temporary = directory.resolve("." + target.getFileName() + "." + randomSuffix() + ".tmp");
        boolean moved = false;
        try {
            Files.createDirectories(directory);
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                ByteBuffer remaining = ByteBuffer.wrap(data);
                while (remaining.hasRemaining()) {
                    channel.write(remaining);
                }
            }
            try {
                Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException notOnThisFileSystem) {
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
            }
            moved = true;
        } catch (IOException e) {
            throw failure("writing", file, e);
        } finally {
            if (!moved) {
                deleteQuietly(temporary);
            }
        }
    }

    /**
     * Writes {@code text} as UTF-8, as {@link #write(Path, byte[])}.
     *
     * @param file the file
     * @param text the new content
     * @throws UncheckedIOException if the file or its directory cannot be written
     * @throws UncheckedInterruptedException if the calling thread is interrupted; the file is
     *         unchanged
     */
    public static void writeString(Path file, String text) {
        write(file, Objects.requireNonNull(text, "text").getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Lists the entries of a directory (files and subdirectories, not recursing), sorted by name.
     *
     * @param directory the directory
     * @return the entries' paths, each {@code directory.resolve(name)}
     * @throws UncheckedIOException if {@code directory} does not exist, is not a directory or
     *         cannot be read
     * @throws UncheckedInterruptedException if the calling thread is interrupted
     */
    public static List<Path> list(Path directory) {
        return list(directory, "*");
    }

    /**
     * Lists the entries of a directory whose names match a glob, e.g. {@code "*.{jpg,png}"},
     * sorted by name.
     *
     * @param directory the directory
     * @param glob      a glob as in {@link java.nio.file.FileSystem#getPathMatcher} (without
     *                  the {@code glob:} prefix), matched against the entry's name
     * @return the matching entries' paths
     * @throws UncheckedIOException if {@code directory} does not exist, is not a directory or
     *         cannot be read
     * @throws UncheckedInterruptedException if the calling thread is interrupted
     * @throws IllegalArgumentException if the glob is malformed
     */
    public static List<Path> list(Path directory, String glob) {
        Objects.requireNonNull(directory, "directory");
        Objects.requireNonNull(glob, "glob");
        List<Path> entries = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(directory, glob)) {
            stream.forEach(entries::add);
        } catch (IOException e) {
            throw failure("listing", directory, e);
        }
        entries.sort(null);
        return List.copyOf(entries);
    }

    private static RuntimeException failure(String action, Path path, IOException e) {
        if (e instanceof ClosedByInterruptException) {
            UncheckedInterruptedException interrupted = UncheckedInterruptedException.interrupted(action + " " + path, null);
            interrupted.addSuppressed(e);
            return interrupted;
        }
        String reason = switch (e) {
            case NoSuchFileException missing -> "no such file or directory: " + missing.getFile();
            case NotDirectoryException notDirectory -> "not a directory: " + notDirectory.getFile();
            case FileAlreadyExistsException exists -> "already exists: " + exists.getFile();
            default -> e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        };
        return new UncheckedIOException(action + " " + path + " failed: " + reason, e);
    }

    private static String randomSuffix() {
        return HEX.toHexDigits(ThreadLocalRandom.current().nextLong());
    }

    private static void deleteQuietly(Path temporary) {
        try {
            Files.deleteIfExists(temporary);
        } catch (IOException cleanupFailed) {
            // the write failed already; a left-over hidden .tmp file is the lesser problem
        }
    }
}
