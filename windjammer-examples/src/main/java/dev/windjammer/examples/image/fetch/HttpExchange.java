package dev.windjammer.examples.image.fetch;

import dev.windjammer.examples.image.fetch.Download.Reason;
import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/** One HTTP/1.1 GET over a connected socket: writes the request, reads and frames the response. */
final class HttpExchange {
    /*
     * Overview
     *   A deliberately small HTTP/1.1 client (RFC 9112) for one job: GET a resource over a
     *   socket that Downloader connected to a checked address. Connection: close, so there
     *   is no connection reuse and no pipelining; Accept-Encoding: identity, so bodies are
     *   never compressed (a compressed answer anyway is refused: decompressing is where a
     *   size limit is easy to get wrong).
     *
     *   Framing, in RFC 9112 section 6.3 order: 1xx interim responses are skipped; a
     *   redirect (301/302/303/307/308) is returned to Downloader with its Location resolved
     *   against the request URL and its body ignored; Transfer-Encoding ending in chunked ->
     *   chunked body; another Transfer-Encoding -> read to EOF; else Content-Length (two
     *   different values are refused as a smuggling attempt); else read to EOF.
     *
     *   Limits: the header section is at most 64 KiB, a chunk-size line 1 KiB; the body at
     *   most maxBytes, refused up front when Content-Length announces more and counted
     *   while reading otherwise, so memory never exceeds the limit by more than one buffer.
     *
     *   Time: DeadlineInputStream sets the socket's read timeout to the time left before
     *   every read, so one deadline bounds the whole exchange; a server trickling a byte a
     *   second cannot stretch it.
     */

    static final int MAX_HEADER_BYTES = 64 * 1024;
    private static final int MAX_LINE = 8 * 1024;
    private static final int MAX_CHUNK_LINE = 1024;
    private static final int BUFFER = 16 * 1024;

    /** The framed response: a body or a redirect. */
    sealed interface Response {
        /** A final (non-redirect) response. */
        record Body(int status, String reasonPhrase, String contentType, byte[] bytes) implements Response {
        }

        /** A redirect to {@code location}, already resolved against the request URL. */
        record Redirect(int status, URI location) implements Response {
        }
    }

    private HttpExchange() {
    }

    static Response get(Socket socket, UrlPolicy.Decision.Allowed target, String userAgent, long maxBytes,
                        long deadline) throws IOException, DownloadFailedException {
        OutputStream out = socket.getOutputStream();
        out.write(request(target, userAgent).getBytes(StandardCharsets.US_ASCII));
        out.flush();
        InputStream in = new BufferedInputStream(new DeadlineInputStream(socket, deadline), BUFFER);
        Head head;
        do {
            head = readHead(in);
        } while (head.status >= 100 && head.status < 200);

        if (isRedirect(head.status)) {
            return new Response.Redirect(head.status, location(target.url(), head));
        }
        String encoding = head.header("content-encoding");
        if (encoding != null && !encoding.equalsIgnoreCase("identity")) {
            throw new DownloadFailedException(Reason.PROTOCOL,
                    "the server sent a " + encoding + "-encoded body though identity was asked for");
        }
        if (head.status < 200 || head.status > 299) {
            return new Response.Body(head.status, head.reason, contentType(head), new byte[0]);
        }
        return new Response.Body(head.status, head.reason, contentType(head), readBody(in, head, maxBytes));
    }

    private static String request(UrlPolicy.Decision.Allowed target, String userAgent) {
        URI url = target.url();
        String path = url.getRawPath() == null || url.getRawPath().isEmpty() ? "/" : url.getRawPath();
        String query = url.getRawQuery() == null ? "" : "?" + url.getRawQuery();
        String host = target.host().indexOf(':') >= 0 ? "[" + target.host() + "]" : target.host();
        int defaultPort = target.tls() ? 443 : 80;
        String authority = target.port() == defaultPort ? host : host + ":" + target.port();
        return "GET " + path + query + " HTTP/1.1\r\n"
                + "Host: " + authority + "\r\n"
                + "User-Agent: " + userAgent + "\r\n"
                + "Accept: image/*, */*;q=0.5\r\n"
                + "Accept-Encoding: identity\r\n"
                + "Connection: close\r\n"
                + "\r\n";
    }

    private static boolean isRedirect(int status) {
        return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
    }

    private static URI location(URI base, Head head) throws DownloadFailedException {
        String location = head.header("location");
        if (location == null || location.isBlank()) {
            throw new DownloadFailedException(Reason.PROTOCOL, "redirect " + head.status + " without a Location");
        }
        try {
            return base.resolve(new URI(location.strip()));
        } catch (URISyntaxException | IllegalArgumentException e) {
            throw new DownloadFailedException(Reason.PROTOCOL,
                    "redirect " + head.status + " to an invalid Location \"" + printable(location) + "\"");
        }
    }

    private static String contentType(Head head) {
        String type = head.header("content-type");
        return type == null ? "" : type;
    }

    /** Status line and header fields. */
    private record Head(int status, String reason, Map<String, String> headers) {
        String header(String lowerCaseName) {
            return headers.get(lowerCaseName);
        }
    }

    private static Head readHead(InputStream in) throws IOException, DownloadFailedException {
        int[] budget = {MAX_HEADER_BYTES};
        String statusLine = readLine(in, MAX_LINE, budget);
        if (statusLine == null) {
            throw new DownloadFailedException(Reason.PROTOCOL, "the server closed the connection without a response");
        }
        // HTTP-version SP status-code SP [reason-phrase]
        if (!statusLine.startsWith("HTTP/1.") || statusLine.length() < 12 || statusLine.charAt(8) != ' '
                || !isDigits(statusLine, 9, 12) || (statusLine.length() > 12 && statusLine.charAt(12) != ' ')) {
            throw new DownloadFailedException(Reason.PROTOCOL,
                    "not an HTTP/1.x status line: \"" + printable(statusLine) + "\"");
        }
        int status = Integer.parseInt(statusLine, 9, 12, 10);
        String reason = statusLine.length() > 13 ? statusLine.substring(13) : "";
        Map<String, String> headers = new HashMap<>();
        while (true) {
            String line = readLine(in, MAX_LINE, budget);
            if (line == null) {
                throw new DownloadFailedException(Reason.PROTOCOL, "the connection closed inside the response headers");
            }
            if (line.isEmpty()) {
                break;
            }
            int colon = line.indexOf(':');
            if (colon <= 0 || line.charAt(colon - 1) == ' ' || line.charAt(0) == ' ' || line.charAt(0) == '\t') {
                throw new DownloadFailedException(Reason.PROTOCOL, "malformed header line \"" + printable(line) + "\"");
            }
            String name = line.substring(0, colon).toLowerCase(Locale.ROOT);
            String value = line.substring(colon + 1).strip();
            String previous = headers.get(name);
            if (name.equals("content-length") && previous != null && !previous.equals(value)) {
                throw new DownloadFailedException(Reason.PROTOCOL, "conflicting Content-Length headers");
            }
            headers.put(name, previous == null || name.equals("content-length") ? value : previous + ", " + value);
        }
        return new Head(status, reason, headers);
    }

    private static byte[] readBody(InputStream in, Head head, long maxBytes) throws IOException, DownloadFailedException {
        String transferEncoding = head.header("transfer-encoding");
        if (transferEncoding != null) {
            String last = transferEncoding.substring(transferEncoding.lastIndexOf(',') + 1).strip();
            return last.equalsIgnoreCase("chunked") ? readChunked(in, maxBytes) : readToEnd(in, maxBytes);
        }
        String contentLength = head.header("content-length");
        if (contentLength == null) {
            return readToEnd(in, maxBytes);
        }
        if (contentLength.isEmpty() || contentLength.length() > 18 || !isDigits(contentLength, 0, contentLength.length())) {
            throw new DownloadFailedException(Reason.PROTOCOL, "invalid Content-Length \"" + printable(contentLength) + "\"");
        }
        long length = Long.parseLong(contentLength);
        if (length > maxBytes) {
            throw tooLarge("announced " + length + " bytes", maxBytes);
        }
        byte[] body = new byte[(int) length];
        int read = in.readNBytes(body, 0, body.length);
        if (read < length) {
            throw new DownloadFailedException(Reason.PROTOCOL,
                    "the connection closed after " + read + " of " + length + " bytes");
        }
        return body;
    }

    private static byte[] readToEnd(InputStream in, long maxBytes) throws IOException, DownloadFailedException {
        Accumulator body = new Accumulator(maxBytes);
        byte[] buffer = new byte[BUFFER];
        int n;
        while ((n = in.read(buffer)) != -1) {
            body.append(buffer, n);
        }
        return body.toByteArray();
    }

    private static byte[] readChunked(InputStream in, long maxBytes) throws IOException, DownloadFailedException {
        Accumulator body = new Accumulator(maxBytes);
        byte[] buffer = new byte[BUFFER];
        int[] budget = {Integer.MAX_VALUE};
        while (true) {
            String line = readLine(in, MAX_CHUNK_LINE, budget);
            if (line == null) {
                throw new DownloadFailedException(Reason.PROTOCOL, "the connection closed inside a chunked body");
            }
            int end = line.indexOf(';');
            String hex = (end >= 0 ? line.substring(0, end) : line).strip();
            long size;
            try {
                if (hex.isEmpty() || hex.length() > 15 || hex.charAt(0) == '-' || hex.charAt(0) == '+') {
                    throw new NumberFormatException(hex);
                }
                size = Long.parseLong(hex, 16);
            } catch (NumberFormatException e) {
                throw new DownloadFailedException(Reason.PROTOCOL, "invalid chunk size \"" + printable(line) + "\"");
            }
            if (size == 0) {
                int[] trailerBudget = {MAX_HEADER_BYTES};
                String trailer;
                do {
                    trailer = readLine(in, MAX_LINE, trailerBudget);
                } while (trailer != null && !trailer.isEmpty());
                return body.toByteArray();
            }
            body.reserve(size);
            long left = size;
            while (left > 0) {
                int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
                if (n == -1) {
                    throw new DownloadFailedException(Reason.PROTOCOL, "the connection closed inside a chunk");
                }
                body.append(buffer, n);
                left -= n;
            }
            String crlf = readLine(in, 2, budget);
            if (crlf == null || !crlf.isEmpty()) {
                throw new DownloadFailedException(Reason.PROTOCOL, "a chunk is not followed by CRLF");
            }
        }
    }

    /**
     * Reads one line ending in LF (a preceding CR is dropped), as ISO-8859-1; null at EOF
     * before any byte. Counts against {@code budget[0]} and the per-line maximum.
     */
    private static String readLine(InputStream in, int max, int[] budget) throws IOException, DownloadFailedException {
        StringBuilder line = new StringBuilder();
        int c;
        while ((c = in.read()) != -1) {
            if (--budget[0] < 0) {
                throw new DownloadFailedException(Reason.PROTOCOL,
                        "response headers longer than " + MAX_HEADER_BYTES + " bytes");
            }
            if (c == '\n') {
                int length = line.length();
                if (length > 0 && line.charAt(length - 1) == '\r') {
                    line.setLength(length - 1);
                }
                return line.toString();
            }
            if (line.length() > max) {
                throw new DownloadFailedException(Reason.PROTOCOL, "response line longer than " + max + " bytes");
            }
            line.append((char) c);
        }
        if (line.isEmpty()) {
            return null;
        }
        throw new DownloadFailedException(Reason.PROTOCOL, "the connection closed inside a line");
    }

    private static boolean isDigits(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return to > from;
    }

    private static String printable(String s) {
        String clipped = s.length() > 100 ? s.substring(0, 100) + "..." : s;
        return clipped.replaceAll("[^\\x20-\\x7e]", "?");
    }

    static DownloadFailedException tooLarge(String what, long maxBytes) {
        return new DownloadFailedException(Reason.TOO_LARGE,
                "the body is larger than the limit of " + maxBytes + " bytes (" + what + ")");
    }

    /** A byte buffer that refuses to grow past the size limit. */
    private static final class Accumulator {
        private final long max;
        private byte[] bytes = new byte[BUFFER];
        private int size;

        Accumulator(long max) {
            this.max = max;
        }

        void reserve(long more) throws DownloadFailedException {
            if (size + more > max) {
                throw tooLarge("at least " + (size + more) + " bytes in chunks", max);
            }
        }

        void append(byte[] buffer, int n) throws DownloadFailedException {
            if (size + (long) n > max) {
                throw tooLarge("more than " + max + " bytes received", max);
            }
            if (size + n > bytes.length) {
                bytes = Arrays.copyOf(bytes, (int) Math.min(max, Math.max(size + (long) n, 2L * bytes.length)));
            }
            System.arraycopy(buffer, 0, bytes, size, n);
            size += n;
        }

        byte[] toByteArray() {
            return Arrays.copyOf(bytes, size);
        }
    }

    /** Sets the socket's read timeout to the time left before every read; fails once it is gone. */
    private static final class DeadlineInputStream extends FilterInputStream {
        private final Socket socket;
        private final long deadline;

        DeadlineInputStream(Socket socket, long deadline) throws IOException {
            super(socket.getInputStream());
            this.socket = socket;
            this.deadline = deadline;
        }

        private void arm() throws IOException {
            long left = Downloader.millisLeft(deadline);
            if (left <= 0) {
                throw new SocketTimeoutException("deadline passed");
            }
            socket.setSoTimeout((int) Math.min(Integer.MAX_VALUE, left));
        }

        @Override
        public int read() throws IOException {
            arm();
            return super.read();
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            arm();
            return super.read(b, off, len);
        }
    }
}
