package dev.windjammer.examples.image.request;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.List;
import java.util.Objects;

/**
 * The body of {@code POST /process}, validated: a JSON array of 1 to {@code maxUrls} strings,
 * each an absolute {@code http} or {@code https} URL with a host and no credentials, at most
 * {@value #MAX_URL_LENGTH} characters. Anything else is {@link Invalid} with a message that
 * names what was wrong (and where), meant to be sent to the client as a 400.
 *
 * <p>This is the syntactic check. Whether a URL's host may be contacted is decided later, per
 * image, by {@code UrlPolicy}: resolving hosts here would make the request wait on DNS.
 */
public sealed interface ProcessRequest {
    /** Default maximum number of URLs in one request. */
    int DEFAULT_MAX_URLS = 100;
    /** Maximum length of one URL, in characters (the de-facto limit of browsers and CDNs). */
    int MAX_URL_LENGTH = 2048;

    /**
     * A valid request.
     *
     * @param urls the URLs in request order, at least one
     */
    record Valid(List<URI> urls) implements ProcessRequest {
        /** Copies the list. */
        public Valid {
            urls = List.copyOf(urls);
        }
    }

    /**
     * An invalid request.
     *
     * @param message what was wrong, for the client
     */
    record Invalid(String message) implements ProcessRequest {
        /** Checks the message. */
        public Invalid {
            Objects.requireNonNull(message, "message");
        }
    }

    /**
     * Validates a request body.
     *
     * @param body    the body as text (UTF-8 decoded by the server)
     * @param maxUrls the most URLs accepted in one request
     * @return the URLs, or what was wrong
     * @throws NullPointerException     if {@code body} is null
     * @throws IllegalArgumentException if {@code maxUrls} is less than 1
     */
    static ProcessRequest parse(String body, int maxUrls) {
        Objects.requireNonNull(body, "body");
        ProcessRequestValidation.checkLimit(maxUrls);
        if (body.isBlank()) {
            return new Invalid("the body is empty; expected a JSON array of image URLs");
        }
        try (JsonParser parser = ProcessRequestValidation.JSON.createParser(body)) {
            return ProcessRequestValidation.read(parser, maxUrls);
        } catch (JsonProcessingException e) {
            return new Invalid("the body is not valid JSON: " + ProcessRequestValidation.describe(e));
        } catch (IOException e) {
            throw new UncheckedIOException("reading a String cannot fail", e);
        }
    }

    /**
     * Validates a request body that a server has already parsed as JSON.
     *
     * @param body    the parsed body
     * @param maxUrls the most URLs accepted in one request
     * @return the URLs, or what was wrong
     * @throws NullPointerException     if {@code body} is null
     * @throws IllegalArgumentException if {@code maxUrls} is less than 1
     */
    static ProcessRequest validate(JsonNode body, int maxUrls) {
        Objects.requireNonNull(body, "body");
        ProcessRequestValidation.checkLimit(maxUrls);
        try (JsonParser parser = ProcessRequestValidation.JSON.treeAsTokens(body)) {
            return ProcessRequestValidation.read(parser, maxUrls);
        } catch (IOException e) {
            throw new UncheckedIOException("walking a JSON tree cannot fail", e);
        }
    }
}
