package dev.windjammer.examples.thread;

import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class ServerAndWorkerTest {

    @Test
    void theWorkerProcessesEveryJobTheServerQueued() throws IOException {
        ServerAndWorker service = new ServerAndWorker();
        try (Socket client = new Socket(InetAddress.getLoopbackAddress(), service.port());
             PrintWriter out = new PrintWriter(client.getOutputStream(), true, StandardCharsets.UTF_8);
             BufferedReader in = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.UTF_8))) {
            for (String job : new String[] {"one", "two", "three"}) {
                out.println(job);
                assertThat(in.readLine()).isEqualTo("queued");
            }
        }
        service.close();
        assertThat(service.results()).containsExactly("ONE (3 chars)", "TWO (3 chars)", "THREE (5 chars)");
    }

    @Test
    void anEmptyJobIsRefusedAndTheConnectionStaysUsable() throws IOException {
        ServerAndWorker service = new ServerAndWorker();
        try (Socket client = new Socket(InetAddress.getLoopbackAddress(), service.port());
             PrintWriter out = new PrintWriter(client.getOutputStream(), true, StandardCharsets.UTF_8);
             BufferedReader in = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.UTF_8))) {
            out.println("");
            assertThat(in.readLine()).isEqualTo("error: empty job");
            out.println("after");
            assertThat(in.readLine()).isEqualTo("queued");
        }
        service.close();
        assertThat(service.results()).containsExactly("AFTER (5 chars)");
    }

    @Test
    void closingWithoutJobsEndsBothThreads() throws IOException {
        ServerAndWorker service = new ServerAndWorker();
        service.close();
        assertThat(service.results()).isEmpty();
    }

    @Test
    void theExampleRuns() {
        String output = Console.capture(() -> ServerAndWorker.main(new String[0]));
        assertThat(output).contains("resize cat.jpg: queued").contains("COMPRESS BIRD.JPG (17 chars)");
    }
}
