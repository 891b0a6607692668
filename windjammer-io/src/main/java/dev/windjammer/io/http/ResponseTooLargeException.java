package dev.windjammer.io.http;

import java.io.Serial;

/**
 * Thrown by the {@link HttpClient} when a response body is larger than the client's limit. The
 * limit is enforced while the body arrives: the download stops as soon as the limit is passed
 * (or at once, when {@code Content-Length} already announces more), so an oversized body never
 * sits in memory.
 */
public final class ResponseTooLargeException extends RuntimeException {

    @Serial
    private static final long serialVersionUID = 1L;

    private final long limit;

    ResponseTooLargeException(String request, long limit) {
        super(request + ": response body exceeds the limit of " + limit + " bytes");
        this.limit = limit;
    }

    /**
     * Returns the limit that was exceeded.
     *
     * @return the maximum number of body bytes the client accepts
     */
    public long limit() {
        return limit;
    }
}
