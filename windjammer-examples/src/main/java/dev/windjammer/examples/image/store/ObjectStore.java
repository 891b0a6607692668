package dev.windjammer.examples.image.store;

import java.nio.file.Path;
import java.util.Optional;

/**
 * A flat key → bytes store with whole-object writes: the filesystem ({@link #filesystem(Path)},
 * the embedded default) or S3 ({@link #s3(S3Settings)}).
 *
 * <h2>Keys</h2>
 * A key is one or more segments joined by {@code /}; a segment is 1 to 128 characters from
 * {@code [A-Za-z0-9._-]} that starts with a letter or digit, so {@code .}, {@code ..}, hidden
 * names, absolute paths, backslashes and empty segments are all refused; a key is at most 512
 * characters. Keys are refused, never rewritten: two different keys never name one object.
 *
 * <h2>Guarantees</h2>
 * <ul>
 *   <li>{@link #put} is atomic: a reader sees the previous object or the whole new one, never a
 *       part; of concurrent puts to one key, one wins whole.</li>
 *   <li>A {@link #put} that returned happens-before a {@link #get} of the same store that sees
 *       its object (the filesystem's and S3's read-after-write consistency).</li>
 *   <li>Implementations are safe to use from many threads.</li>
 * </ul>
 *
 * <h2>Failures</h2>
 * An invalid key throws {@link IllegalArgumentException} naming it; a failure of the storage
 * (disk full, S3 unreachable, access denied) throws {@link ObjectStoreException} naming the key
 * and the store. A {@link #put} on an interrupted thread (interrupted before or while it
 * writes) throws {@link dev.windjammer.UncheckedInterruptedException} with the interrupt
 * status set, and the object is then either fully written or not at all; the filesystem
 * store notices an interrupt between its steps, the S3 store between the SDK's steps.
 */
public interface ObjectStore extends AutoCloseable {

    /**
     * Opens a store in directory {@code root}, creating it if missing.
     *
     * @param root the directory; keys become relative paths inside it
     * @return the store
     * @throws ObjectStoreException if the directory cannot be created or is not a directory
     * @throws NullPointerException if {@code root} is null
     */
    static ObjectStore filesystem(Path root) {
        return new FileSystemObjectStore(root);
    }

    /**
     * Opens a store on an S3 bucket (AWS, or any S3-compatible server through
     * {@link S3Settings#endpoint()}). Checks that the bucket exists, or creates it when
     * {@link S3Settings#createBucket()} is set.
     *
     * @param settings endpoint, region, bucket, credentials
     * @return the store; close it to release its HTTP connections
     * @throws ObjectStoreException if the bucket is missing (and not to be created) or the
     *                              server cannot be reached
     * @throws NullPointerException if {@code settings} is null
     */
    static ObjectStore s3(S3Settings settings) {
        return new S3ObjectStore(settings);
    }

    /**
     * Stores {@code bytes} under {@code key}, replacing any object with that key.
     *
     * @param key         a valid key (see the class comment)
     * @param bytes       the content; not modified, not retained after return
     * @param contentType the media type recorded with the object, e.g. {@code image/jpeg}
     * @throws IllegalArgumentException if {@code key} is invalid
     * @throws ObjectStoreException     if the storage fails
     * @throws NullPointerException     if an argument is null
     */
    void put(String key, byte[] bytes, String contentType);

    /**
     * Reads the object under {@code key}.
     *
     * @param key a valid key
     * @return its content, or empty if there is no such object
     * @throws IllegalArgumentException if {@code key} is invalid
     * @throws ObjectStoreException     if the storage fails
     * @throws NullPointerException     if {@code key} is null
     */
    Optional<byte[]> get(String key);

    /**
     * Tells where the object under {@code key} lives, for people: a {@code file:} URI or
     * {@code s3://bucket/key}. Does not check that it exists.
     *
     * @param key a valid key
     * @return a URI string
     * @throws IllegalArgumentException if {@code key} is invalid
     */
    String locationOf(String key);

    /** Releases connections or handles; the store is not usable afterwards. Idempotent. */
    @Override
    void close();
}
