package dev.windjammer.sync;

import java.util.Objects;

/**
 * An element was received.
 *
 * @param element the element, never {@code null}
 * @param <T>     the element type
 */
public record Received<T>(T element) implements ReceiveResult<T> {

    /**
     * Creates the outcome.
     *
     * @param element the element
     * @throws NullPointerException if {@code element} is {@code null}
     */
    public Received {
        Objects.requireNonNull(element, "element");
    }
}
