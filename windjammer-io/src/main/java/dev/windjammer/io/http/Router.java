package dev.windjammer.io.http;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The route table of an {@link HttpServer}: method and path pattern to handler.
 */
final class Router {
    /*
     * Implementation notes
     *
     * Overview. A segment trie (as in httprouter / Go 1.22's ServeMux): every node has literal
     * children by segment text and at most one parameter child; a node where a pattern ends
     * holds its handlers by method. Parameter names live in the Route, not in the trie, so
     * "/users/{id}" and "/users/{userId}/posts" share the parameter node.
     *
     * Matching. Depth-first, literal child before parameter child, so the most specific pattern
     * wins ("/jobs/stats" beats "/jobs/{id}"). The first end node that has the request's method
     * is the match; if end nodes matched the path but none has the method, the answer is 405
     * with the union of their methods in Allow; if none matched, 404. HEAD is answered by the
     * GET handler (RFC 9110 9.3.2) unless a HEAD route exists.
     *
     * Paths are matched segment by segment on their percent-decoded form, so "%2F" inside a
     * segment is part of a parameter value, never a separator. Trailing slashes are significant:
     * "/a/" is a different path from "/a".
     *
     * Concurrency. Built by one thread before the server starts; the server's start publishes
     * it (Helidon starts its listener threads after routing is built), after which it is only
     * read. No locks.
     */

    private static final Pattern PARAMETER_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final Pattern METHOD = Pattern.compile("[A-Z]+");

    private final Node root = new Node();
    private final List<Route> routes = new ArrayList<>();

    /** One registered route. */
    record Route(String method, String pattern, List<String> parameterNames, Handler handler) {
    }

    /** The outcome of matching a request. */
    sealed interface Match permits Found, NotFound, MethodNotAllowed {
    }

    /** A route matched; {@code values} are the decoded path parameters in pattern order. */
    record Found(Route route, String[] values) implements Match {
    }

    /** No pattern matches the path. */
    record NotFound() implements Match {
    }

    /** Patterns match the path, but not with this method; {@code allowed} lists the methods that do. */
    record MethodNotAllowed(Set<String> allowed) implements Match {
    }

    private static final NotFound NOT_FOUND = new NotFound();

    private static final class Node {
        final Map<String, Node> literals = new HashMap<>(4);
        Node parameter;
        final Map<String, Route> byMethod = new LinkedHashMap<>(4);
    }

    void add(String method, String pattern, Handler handler) {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(pattern, "pattern");
        Objects.requireNonNull(handler, "handler");
        if (!METHOD.matcher(method).matches()) {
            throw new IllegalArgumentException("HTTP method must be upper-case letters, got \"" + method + "\"");
        }
        List<String> segments = parsePattern(pattern);
        List<String> names = new ArrayList<>();
        Node node = root;
        for (String segment : segments) {
            if (isParameter(segment)) {
                String name = segment.substring(1, segment.length() - 1);
                if (names.contains(name)) {
                    throw new IllegalArgumentException("path parameter {" + name + "} appears twice in " + pattern);
                }
                names.add(name);
                if (node.parameter == null) {
                    node.parameter = new Node();
                }
                node = node.parameter;
            } else {
                node = node.literals.computeIfAbsent(segment, s -> new Node());
            }
        }
        Route existing = node.byMethod.get(method);
        if (existing != null) {
            throw new IllegalArgumentException(method + " " + pattern + " clashes with the route "
                    + existing.method() + " " + existing.pattern() + " registered before");
        }
        Route route = new Route(method, pattern, List.copyOf(names), handler);
        node.byMethod.put(method, route);
        routes.add(route);
    }

    List<Route> routes() {
        return List.copyOf(routes);
    }

    private static boolean isParameter(String segment) {
        return segment.length() >= 2 && segment.charAt(0) == '{' && segment.charAt(segment.length() - 1) == '}';
    }

    private static List<String> parsePattern(String pattern) {
        if (!pattern.startsWith("/")) {
            throw new IllegalArgumentException("path pattern must start with '/', got \"" + pattern + "\"");
        }
        List<String> segments = new ArrayList<>();
        if (pattern.length() == 1) {
            return segments;
        }
        String[] parts = pattern.substring(1).split("/", -1);
        for (int i = 0; i < parts.length; i++) {
            String segment = parts[i];
            if (segment.isEmpty() && i < parts.length - 1) {
                throw new IllegalArgumentException("empty segment ('//') in path pattern \"" + pattern + "\"");
            }
            if (isParameter(segment)) {
                String name = segment.substring(1, segment.length() - 1);
                if (!PARAMETER_NAME.matcher(name).matches()) {
                    throw new IllegalArgumentException("path parameter name must be a Java-like identifier, got {"
                            + name + "} in \"" + pattern + "\"");
                }
            } else if (segment.indexOf('{') >= 0 || segment.indexOf('}') >= 0 || segment.indexOf('?') >= 0
                    || segment.indexOf('#') >= 0 || segment.indexOf('%') >= 0) {
                throw new IllegalArgumentException("a path pattern segment is a literal or a whole {parameter}; got \""
                        + segment + "\" in \"" + pattern + "\"");
            }
            segments.add(segment);
        }
        return segments;
    }

    /**
     * Matches a request.
     *
     * @param method  the request method
     * @param rawPath the raw (still percent-encoded) path, starting with '/'
     * @return the match
     * @throws HttpException 400 if the path's percent-encoding is malformed
     */
    Match match(String method, String rawPath) {
        String[] segments = decodedSegments(rawPath);
        String[] values = new String[segments.length];
        Search search = new Search(method, segments, values);
        Route found = search.walk(root, 0, 0);
        if (found != null) {
            return new Found(found, Arrays.copyOf(values, found.parameterNames().size()));
        }
        if (search.allowed == null) {
            return NOT_FOUND;
        }
        return new MethodNotAllowed(search.allowed);
    }

    private static final class Search {
        final String method;
        final String[] segments;
        final String[] values;
        Set<String> allowed;

        Search(String method, String[] segments, String[] values) {
            this.method = method;
            this.segments = segments;
            this.values = values;
        }

        Route walk(Node node, int depth, int bound) {
            if (depth == segments.length) {
                if (node.byMethod.isEmpty()) {
                    return null;
                }
                Route route = node.byMethod.get(method);
                if (route == null && method.equals("HEAD")) {
                    route = node.byMethod.get("GET");
                }
                if (route == null) {
                    if (allowed == null) {
                        allowed = new LinkedHashSet<>();
                    }
                    allowed.addAll(node.byMethod.keySet());
                    if (allowed.contains("GET")) {
                        allowed.add("HEAD");
                    }
                }
                return route;
            }
            Node literal = node.literals.get(segments[depth]);
            if (literal != null) {
                Route route = walk(literal, depth + 1, bound);
                if (route != null) {
                    return route;
                }
            }
            if (node.parameter != null && !segments[depth].isEmpty()) {
                values[bound] = segments[depth];
                return walk(node.parameter, depth + 1, bound + 1);
            }
            return null;
        }
    }

    /** Splits "/a/b%20c/" into ["a", "b c", ""]; "/" into []. */
    static String[] decodedSegments(String rawPath) {
        if (rawPath.isEmpty() || rawPath.charAt(0) != '/') {
            throw HttpException.badRequest("request path must start with '/'");
        }
        if (rawPath.length() == 1) {
            return new String[0];
        }
        int count = 1;
        for (int i = 1; i < rawPath.length(); i++) {
            if (rawPath.charAt(i) == '/') {
                count++;
            }
        }
        String[] segments = new String[count];
        int start = 1;
        for (int index = 0; index < count; index++) {
            int end = rawPath.indexOf('/', start);
            if (end < 0) {
                end = rawPath.length();
            }
            segments[index] = decode(rawPath, start, end);
            start = end + 1;
        }
        return segments;
    }

    /** Percent-decodes rawPath[start, end) as UTF-8; '+' stays '+' in a path. */
    private static String decode(String rawPath, int start, int end) {
        int percent = rawPath.indexOf('%', start);
        if (percent < 0 || percent >= end) {
            return rawPath.substring(start, end);
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(end - start);
        for (int i = start; i < end; i++) {
            char c = rawPath.charAt(i);
            if (c == '%') {
                int high = i + 2 < end ? Character.digit(rawPath.charAt(i + 1), 16) : -1;
                int low = i + 2 < end ? Character.digit(rawPath.charAt(i + 2), 16) : -1;
                if (high < 0 || low < 0) {
                    throw HttpException.badRequest("malformed percent-encoding in request path");
                }
                bytes.write(high << 4 | low);
                i += 2;
            } else if (c < 0x80) {
                bytes.write(c);
            } else {
                byte[] encoded = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                bytes.write(encoded, 0, encoded.length);
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes.toByteArray()))
                    .toString();
        } catch (CharacterCodingException e) {
            throw HttpException.badRequest("request path is not valid UTF-8 after percent-decoding");
        }
    }
}
