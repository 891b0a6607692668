package dev.windjammer.examples.image.store;

import java.util.Objects;

/** Validation of object keys, shared by both stores (rules in {@link ObjectStore}'s comment). */
final class ObjectKeys {
    /*
     * Overview
     *   A strict allow-list rather than escaping: the same key must mean the same object on a
     *   POSIX filesystem, on Windows and in S3, and must not be able to leave the store's
     *   directory. Segments that start with a letter or digit exclude ".", "..", hidden files
     *   and the filesystem store's own temporary files (".name.tmp"). The filesystem store
     *   still checks the resolved path against its root as a second line of defence (a
     *   symbolic link planted inside the directory is the case the key rules cannot see).
     */

    static final int MAX_KEY_LENGTH = 512;
    static final int MAX_SEGMENT_LENGTH = 128;

    private ObjectKeys() {
    }

    static String requireValid(String key) {
        Objects.requireNonNull(key, "key");
        if (key.isEmpty() || key.length() > MAX_KEY_LENGTH) {
            throw invalid(key, "length must be 1 to " + MAX_KEY_LENGTH + " characters");
        }
        int segmentStart = 0;
        for (int i = 0; i <= key.length(); i++) {
            if (i == key.length() || key.charAt(i) == '/') {
                checkSegment(key, segmentStart, i);
                segmentStart = i + 1;
            } else if (!allowed(key.charAt(i))) {
                throw invalid(key, "character '" + printable(key.charAt(i)) + "' at index " + i
                        + " is not allowed (only A-Z a-z 0-9 . _ - and / between segments)");
            }
        }
        return key;
    }

    private static void checkSegment(String key, int from, int to) {
        if (from == to) {
            throw invalid(key, "empty segment at index " + from + " (leading, trailing or double '/')");
        }
        if (to - from > MAX_SEGMENT_LENGTH) {
            throw invalid(key, "segment at index " + from + " is longer than " + MAX_SEGMENT_LENGTH);
        }
        char first = key.charAt(from); // already known to be allowed
        if (first == '.' || first == '_' || first == '-') {
            throw invalid(key, "segment at index " + from + " must start with a letter or digit");
        }
    }

    private static boolean allowed(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || c == '.' || c == '_' || c == '-';
    }

    private static String printable(char c) {
        return c >= 0x20 && c < 0x7f ? String.valueOf(c) : String.format("\\u%04x", (int) c);
    }

    private static IllegalArgumentException invalid(String key, String why) {
        String shown = key.length() > 80 ? key.substring(0, 80) + "..." : key;
        return new IllegalArgumentException("invalid object key \"" + shown.replaceAll("\\p{Cntrl}", "?")
                + "\": " + why);
    }
}
