package dev.windjammer.io.http;

import java.io.IOException;

/**
 * A server for {@link HttpServerLifecycleTest}'s file-descriptor test, run in a child JVM with a
 * low {@code ulimit -n}: prints {@code port=N}, serves {@code GET /hello}, and stops when its
 * standard input closes.
 */
final class FileDescriptorLimitServer {

    private FileDescriptorLimitServer() {
    }

    public static void main(String[] args) throws IOException {
        try (HttpServer server = Http.server("127.0.0.1:0").get("/hello", req -> Http.text("hello")).start()) {
            System.out.println("port=" + server.port());
            System.out.flush();
            System.in.transferTo(java.io.OutputStream.nullOutputStream());
        }
    }
}
