package dev.windjammer.io.json;

import java.io.Serial;

/**
 * Thrown when a JSON document is malformed or does not have the shape of the type it is read
 * into. The message names what was wrong and where (a JSON path such as {@code $.items[2].size},
 * or a line and column for malformed text); it never contains a stack trace or the document
 * itself, so a server may show it to the client that sent the document.
 */
public final class JsonException extends RuntimeException {

    @Serial
    private static final long serialVersionUID = 1L;

    private final String path;

    JsonException(String message, String path, Throwable cause) {
        super(message, cause);
        this.path = path;
    }

    /**
     * Returns where in the document the problem is, as a JSON path from the root {@code $}
     * (e.g. {@code $.items[2].size}); {@code $} when the document as a whole is at fault.
     *
     * @return the JSON path of the offending value
     */
    public String path() {
        return path;
    }
}
