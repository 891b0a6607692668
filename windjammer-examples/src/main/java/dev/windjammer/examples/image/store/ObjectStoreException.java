package dev.windjammer.examples.image.store;

import java.io.Serial;

/** An {@link ObjectStore} could not do what was asked: the message names the key and the store. */
public final class ObjectStoreException extends RuntimeException {

    @Serial
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what failed, naming the key and the store
     * @param cause   the underlying failure, may be {@code null}
     */
    public ObjectStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
