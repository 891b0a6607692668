package dev.windjammer.examples.image.request;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The steps of {@link ProcessRequest#parse} and {@link ProcessRequest#validate}. */
final class ProcessRequestValidation {
    /*
     * Overview
     *   Streaming (Jackson's JsonParser), not a tree: the array is walked token by token and
     *   reading stops at the first entry past maxUrls, so a body of a million entries costs
     *   no more than maxUrls + 1 of them. The parser's StreamReadConstraints (nesting depth
     *   1000, string length) bound what a single entry can cost; the server's body size limit
     *   bounds the rest. Up to MAX_REPORTED entry problems are reported together, so a client
     *   fixes its list in one round trip. Content after the closing bracket is refused.
     */

    static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int MAX_REPORTED = 5;
    private static final int MAX_ECHO = 120;

    private ProcessRequestValidation() {
    }

    static void checkLimit(int maxUrls) {
        if (maxUrls < 1) {
            throw new IllegalArgumentException("maxUrls must be at least 1, got " + maxUrls);
        }
    }

    static ProcessRequest read(JsonParser parser, int maxUrls) throws IOException {
        JsonToken token = parser.nextToken();
        if (token != JsonToken.START_ARRAY) {
            return new ProcessRequest.Invalid("expected a JSON array of image URLs, got " + describe(token));
        }
        List<URI> urls = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        int index = 0;
        while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
            if (index == maxUrls) {
                return new ProcessRequest.Invalid("too many image URLs: more than " + maxUrls + " (at most " + maxUrls + " per request)");
            }
            if (token == JsonToken.VALUE_STRING) {
                String problem = check(index, parser.getText(), urls);
                if (problem != null) {
                    problems.add(problem);
                }
            } else {
                problems.add("url[" + index + "] is " + describe(token) + ", expected a URL string");
                parser.skipChildren();
            }
            index++;
        }
        if (parser.nextToken() != null) {
            return new ProcessRequest.Invalid("the body is not valid JSON: unexpected content after the closing ']'");
        }
        if (index == 0) {
            return new ProcessRequest.Invalid("the list of image URLs is empty");
        }
        if (!problems.isEmpty()) {
            return new ProcessRequest.Invalid(summary(problems));
        }
        return new ProcessRequest.Valid(urls);
    }

    private static String check(int index, String text, List<URI> urls) {
        String name = "url[" + index + "]";
        String value = text.strip();
        if (value.isEmpty()) {
            return name + " is empty";
        }
        if (value.length() > ProcessRequest.MAX_URL_LENGTH) {
            return name + " is longer than " + ProcessRequest.MAX_URL_LENGTH + " characters";
        }
        URI url;
        try {
            url = new URI(value);
        } catch (URISyntaxException e) {
            return name + " is not a valid URL (" + e.getReason() + " at index " + e.getIndex() + "): "
                    + echo(value);
        }
        String scheme = url.getScheme() == null ? null : url.getScheme().toLowerCase(Locale.ROOT);
        if (scheme == null) {
            return name + " is not an absolute URL (no scheme): " + echo(value);
        }
        if (!scheme.equals("http") && !scheme.equals("https")) {
            return name + " has scheme \"" + echo(url.getScheme()) + "\"; only http and https are allowed";
        }
        if (url.getRawUserInfo() != null) {
            return name + " contains credentials (user:password@), which are not allowed";
        }
        if (url.getHost() == null) {
            return name + " has no valid host: " + echo(value);
        }
        urls.add(url);
        return null;
    }

    private static String summary(List<String> problems) {
        StringBuilder message = new StringBuilder(problems.size() == 1 ? "invalid image URL: "
                : problems.size() + " invalid image URLs: ");
        for (int i = 0; i < Math.min(problems.size(), MAX_REPORTED); i++) {
            message.append(i == 0 ? "" : "; ").append(problems.get(i));
        }
        if (problems.size() > MAX_REPORTED) {
            message.append("; and ").append(problems.size() - MAX_REPORTED).append(" more");
        }
        return message.toString();
    }

    static String describe(JsonToken token) {
        if (token == null) {
            return "nothing";
        }
        return switch (token) {
            case START_OBJECT -> "an object";
            case START_ARRAY -> "an array";
            case VALUE_STRING -> "a string";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
            case VALUE_TRUE, VALUE_FALSE -> "a boolean";
            case VALUE_NULL -> "null";
            default -> token.asString() == null ? token.name().toLowerCase(Locale.ROOT) : token.asString();
        };
    }

    static String describe(JsonProcessingException e) {
        String message = e.getOriginalMessage();
        int cut = message.indexOf('\n');
        message = cut >= 0 ? message.substring(0, cut) : message;
        JsonLocation location = e.getLocation();
        return location == null || location.getLineNr() < 0 ? message
                : message + " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
    }

    private static String echo(String value) {
        String clipped = value.length() > MAX_ECHO ? value.substring(0, MAX_ECHO) + "..." : value;
        return clipped.replaceAll("\\p{Cntrl}", "?");
    }
}
