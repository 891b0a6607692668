package dev.windjammer.examples.thread;

import com.sun.net.httpserver.HttpServer;
import dev.windjammer.TaskFailedException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SpawnAndJoinTest {

    private HttpServer server;

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        byte[] page = "the document".getBytes(StandardCharsets.UTF_8);
        server.createContext("/url1", exchange -> {
            exchange.sendResponseHeaders(200, page.length);
            exchange.getResponseBody().write(page);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    private URI url(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    @Test
    void bothThreadsResultsAreJoined(@TempDir Path directory) throws IOException {
        Path table = Files.write(directory.resolve("orders.csv"), List.of("id,amount", "1,250", "2,125"));
        SpawnAndJoin.Results results = SpawnAndJoin.run(url("/url1"), table);
        assertThat(results).isEqualTo(new SpawnAndJoin.Results("the document", 375));
    }

    @Test
    void aFailedDownloadReachesTheJoinerWrappedOnce(@TempDir Path directory) throws IOException {
        Path table = Files.write(directory.resolve("orders.csv"), List.of("id,amount"));
        assertThatThrownBy(() -> SpawnAndJoin.run(url("/missing"), table))
                .isExactlyInstanceOf(TaskFailedException.class)
                .hasCauseInstanceOf(IOException.class)
                .hasRootCauseMessage("GET " + url("/missing") + " answered 404");
    }

    @Test
    void theExampleRuns() throws IOException {
        String output = Console.capture(() -> SpawnAndJoin.main(new String[0]));
        assertThat(output).contains("downloaded: <h1>Windjammer</h1>").contains("total:      417");
    }
}
