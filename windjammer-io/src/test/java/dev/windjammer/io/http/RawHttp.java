package dev.windjammer.io.http;

import dev.windjammer.testkit.Delays;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/** Speaks HTTP/1.1 over a plain socket, for requests no well-behaved client would send. */
final class RawHttp {

    private RawHttp() {
    }

    /**
     * Sends {@code request} as it is and returns the server's first response (status line,
     * headers and a body of Content-Length bytes), or everything until the server closes when
     * it sends no Content-Length.
     */
    static String exchange(int port, String request) {
        return exchange(port, request.getBytes(StandardCharsets.ISO_8859_1));
    }

    static String exchange(int port, byte[] request) {
        try (Socket socket = connect(port)) {
            OutputStream out = socket.getOutputStream();
            out.write(request);
            out.flush();
            return readResponse(socket.getInputStream());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Socket connect(int port) throws IOException {
        Socket socket = new Socket();
        socket.connect(new InetSocketAddress("127.0.0.1", port), (int) Delays.LONG.toMillis());
        socket.setSoTimeout((int) Delays.LONG.toMillis());
        return socket;
    }

    static String readResponse(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        int b;
        while (matched < 4 && (b = in.read()) >= 0) {
            head.write(b);
            matched = (b == '\r' && matched % 2 == 0) || (b == '\n' && matched % 2 == 1) ? matched + 1 : 0;
        }
        String headers = head.toString(StandardCharsets.ISO_8859_1);
        int length = -1;
        for (String line : headers.split("\r\n")) {
            if (line.regionMatches(true, 0, "content-length:", 0, 15)) {
                length = Integer.parseInt(line.substring(15).trim());
            }
        }
        if (length < 0) {
            return headers + readToEnd(in);
        }
        return headers + new String(in.readNBytes(length), StandardCharsets.ISO_8859_1);
    }

    static String readToEnd(InputStream in) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        in.transferTo(bytes);
        return bytes.toString(StandardCharsets.ISO_8859_1);
    }

    /** The status code of a raw response, e.g. 400 for "HTTP/1.1 400 Bad Request...". */
    static int status(String response) {
        return Integer.parseInt(response.substring(9, 12));
    }

    /** The body of a raw response (after the blank line). */
    static String body(String response) {
        int start = response.indexOf("\r\n\r\n");
        return start < 0 ? "" : response.substring(start + 4);
    }
}
