package dev.windjammer.examples.thread;

import dev.windjammer.thread.JoinHandle;
import dev.windjammer.thread.Threads;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The seed's {@code std::thread} example: two independent tasks on two explicit threads,
 * then both joined.
 *
 * <pre>{@code
 * // Windjammer                                   // Java
 * let handle1 = spawn(|| {                        JoinHandle<String> handle1 =
 *     download_file("url1")                               Threads.spawn(() -> downloadFile(url));
 * })
 * let handle2 = spawn(|| {                        JoinHandle<Long> handle2 =
 *     process_database()                                  Threads.spawn(() -> processDatabase(table));
 * })
 * let result1 = handle1.join()                    String result1 = handle1.join();
 * let result2 = handle2.join()                    long result2 = handle2.join();
 * }</pre>
 *
 * {@code join()} returns the thread's value, or rethrows its failure: an {@code IOException} of
 * the download arrives wrapped once in {@link dev.windjammer.TaskFailedException}.
 */
public final class SpawnAndJoin {

    /**
     * What the two tasks produced.
     *
     * @param document the downloaded document
     * @param total    the sum of the table's amounts
     */
    public record Results(String document, long total) {
    }

    private SpawnAndJoin() {
    }

    /**
     * Downloads {@code url} and adds up {@code table} at the same time, on two platform threads.
     *
     * @param url   the document to download (http)
     * @param table a CSV file whose second column holds amounts
     * @return both results
     */
    public static Results run(URI url, Path table) {
        JoinHandle<String> handle1 = Threads.spawn(() -> downloadFile(url));
        JoinHandle<Long> handle2 = Threads.spawn(() -> processDatabase(table));
        String result1 = handle1.join();
        long result2 = handle2.join();
        return new Results(result1, result2);
    }

    /** The seed's {@code download_file}: an HTTP GET of the document. */
    static String downloadFile(URI url) throws IOException, InterruptedException {
        try (HttpClient client = HttpClient.newHttpClient()) {
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(url).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IOException("GET " + url + " answered " + response.statusCode());
            }
            return response.body();
        }
    }

    /** The seed's {@code process_database}: the sum of the second column of a CSV table. */
    static long processDatabase(Path table) throws IOException {
        try (var lines = Files.lines(table)) {
            return lines.skip(1).mapToLong(line -> Long.parseLong(line.split(",")[1].trim())).sum();
        }
    }

    /**
     * Runs the example against a document served on 127.0.0.1 and a table in a temporary file.
     *
     * @param args not used
     * @throws IOException if the server or the file cannot be set up
     */
    public static void main(String[] args) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        byte[] page = "<h1>Windjammer</h1>".getBytes(StandardCharsets.UTF_8);
        server.createContext("/url1", exchange -> {
            exchange.sendResponseHeaders(200, page.length);
            exchange.getResponseBody().write(page);
            exchange.close();
        });
        server.start();
        Path table = Files.createTempFile("orders", ".csv");
        try {
            Files.write(table, List.of("id,amount", "1,250", "2,125", "3,42"));
            URI url = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/url1");
            Results results = run(url, table);
            System.out.println("downloaded: " + results.document());
            System.out.println("total:      " + results.total());
        } catch (UncheckedIOException e) {
            throw e.getCause();
        } finally {
            server.stop(0);
            Files.deleteIfExists(table);
        }
    }
}
