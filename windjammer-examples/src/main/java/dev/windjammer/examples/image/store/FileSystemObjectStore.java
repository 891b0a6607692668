package dev.windjammer.examples.image.store;

import dev.windjammer.UncheckedInterruptedException;
import java.io.IOException;
import java.nio.channels.ClosedByInterruptException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Objects;
import java.util.Optional;

/** {@link ObjectStore} in a directory: one file per key, written to a temporary file and renamed. */
final class FileSystemObjectStore implements ObjectStore {
    /*
     * Overview
     *   put: validate the key (ObjectKeys), resolve it under the root, create the parent
     *   directories, check that the parent's real path is still under the root's real path (a
     *   symbolic link inside the directory could otherwise lead out), write the bytes to a
     *   temporary file in the same directory and rename it over the target with ATOMIC_MOVE.
     *   The rename is what makes put atomic for readers (POSIX rename(2) replaces the target in
     *   one step); the temporary file's name starts with '.', which no valid key segment does,
     *   so it can never collide with an object. No fsync: the service's results are
     *   reproducible from their sources, and an fsync per image would cost more than the
     *   encoding on a slow disk.
     *
     * Concurrency
     *   No locks. Concurrent puts to one key each write their own temporary file; the last
     *   rename wins. The content type is not kept (a file has none); get() returns bytes only.
     *
     * Cancellation
     *   The default filesystem's streams do not react to interrupts (Files.write on JDK 25 is
     *   not channel-based), so put polls the interrupt status before it writes and again
     *   before the rename that commits; an interrupted put deletes its temporary file and
     *   leaves the target as it was. A ClosedByInterruptException from an interruptible
     *   provider is treated the same way.
     */

    private final Path root;
    private final Path realRoot;

    FileSystemObjectStore(Path root) {
        Objects.requireNonNull(root, "root");
        this.root = root.toAbsolutePath().normalize();
        try {
            Files.createDirectories(this.root);
            this.realRoot = this.root.toRealPath();
        } catch (IOException e) {
            throw new ObjectStoreException("cannot use " + this.root + " as object store directory: "
                    + describe(e), e);
        }
    }

    @Override
    public void put(String key, byte[] bytes, String contentType) {
        Path target = resolve(key);
        Objects.requireNonNull(bytes, "bytes");
        Objects.requireNonNull(contentType, "contentType");
        Path temporary = null;
        try {
            checkInterrupt(key);
            Path parent = target.getParent();
            Files.createDirectories(parent);
            if (!parent.toRealPath().startsWith(realRoot)) {
                throw new ObjectStoreException("key \"" + key + "\" leads out of " + root
                        + " through a symbolic link", null);
            }
            temporary = Files.createTempFile(parent, "." + target.getFileName(), ".tmp");
            Files.write(temporary, bytes);
            checkInterrupt(key);
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            temporary = null;
        } catch (ClosedByInterruptException e) {
            throw interrupted(key, e);
        } catch (AtomicMoveNotSupportedException e) {
            throw new ObjectStoreException("cannot store \"" + key + "\" in " + root
                    + ": the filesystem does not support atomic rename", e);
        } catch (IOException e) {
            throw new ObjectStoreException("cannot store \"" + key + "\" in " + root + ": " + describe(e), e);
        } finally {
            if (temporary != null) {
                deleteQuietly(temporary);
            }
        }
    }

    @Override
    public Optional<byte[]> get(String key) {
        Path target = resolve(key);
        try {
            return Optional.of(Files.readAllBytes(target));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (ClosedByInterruptException e) {
            throw interrupted(key, e);
        } catch (IOException e) {
            throw new ObjectStoreException("cannot read \"" + key + "\" from " + root + ": " + describe(e), e);
        }
    }

    @Override
    public String locationOf(String key) {
        return resolve(key).toUri().toString();
    }

    @Override
    public void close() {
        // nothing is held open between calls
    }

    @Override
    public String toString() {
        return "filesystem object store in " + root;
    }

    private Path resolve(String key) {
        Path target = root.resolve(ObjectKeys.requireValid(key)).normalize();
        if (!target.startsWith(root) || target.equals(root)) {
            // unreachable with valid keys; kept as the invariant the key rules exist for
            throw new IllegalArgumentException("invalid object key \"" + key + "\": leads out of " + root);
        }
        return target;
    }

    private static void checkInterrupt(String key) {
        if (Thread.currentThread().isInterrupted()) {
            throw UncheckedInterruptedException.interrupted("object store write of \"" + key + "\"", null);
        }
    }

    private static UncheckedInterruptedException interrupted(String key, ClosedByInterruptException e) {
        UncheckedInterruptedException failure =
                UncheckedInterruptedException.interrupted("object store I/O on \"" + key + "\"", null);
        failure.addSuppressed(e);
        return failure;
    }

    private static void deleteQuietly(Path path) {
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            // a stray ".name.tmp" file is harmless: no key can name it
        }
    }

    private static String describe(IOException e) {
        String type = e.getClass().getSimpleName();
        return e.getMessage() == null ? type : type + ": " + e.getMessage();
    }
}
