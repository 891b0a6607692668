package dev.windjammer.examples.image.fetch;

import java.net.URI;
import java.util.Locale;
import java.util.Objects;

/**
 * What {@link Downloader#fetch(URI)} got: the body, or why there is none. An outcome rather
 * than an exception, so one unreachable URL among many is data, not a failure of the batch.
 */
public sealed interface Download {

    /**
     * The server answered 2xx with a body within the limits.
     *
     * @param url         the URL the body came from (after redirects)
     * @param contentType the {@code Content-Type} header, or empty if absent
     * @param body        the body; owned by this record, not copied — do not modify it
     */
    record Fetched(URI url, String contentType, byte[] body) implements Download {
        /** Checks the components. */
        public Fetched {
            Objects.requireNonNull(url, "url");
            Objects.requireNonNull(contentType, "contentType");
            Objects.requireNonNull(body, "body");
        }
    }

    /**
     * Nothing usable was downloaded.
     *
     * @param reason  the category, stable for clients to branch on
     * @param message what went wrong, for people
     */
    record Failed(Reason reason, String message) implements Download {
        /** Checks the components. */
        public Failed {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(message, "message");
        }
    }

    /** Why a download failed. */
    enum Reason {
        /** The URL, or a redirect target, is refused by the {@link UrlPolicy}. */
        REFUSED,
        /** The host name does not resolve. */
        UNKNOWN_HOST,
        /** No connection could be made to any of the host's addresses. */
        UNREACHABLE,
        /** The TLS handshake failed (untrusted certificate, wrong host name, no common protocol). */
        TLS,
        /** The whole download, redirects included, did not finish within the time limit. */
        TIMED_OUT,
        /** The body is larger than the size limit (announced or counted while reading). */
        TOO_LARGE,
        /** The server answered with a status other than 2xx (after redirects). */
        HTTP_STATUS,
        /** More redirects than allowed (or a redirect loop). */
        TOO_MANY_REDIRECTS,
        /** The server's response is not valid HTTP/1.1, or uses a feature we do not accept. */
        PROTOCOL;

        /**
         * Returns the reason as a JSON-friendly code, e.g. {@code "too_large"}.
         *
         * @return the lower-case name
         */
        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }
    }
}
