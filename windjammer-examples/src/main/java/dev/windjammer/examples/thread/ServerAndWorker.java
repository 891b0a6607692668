package dev.windjammer.examples.thread;

import dev.windjammer.sync.Channel;
import dev.windjammer.thread.JoinHandle;
import dev.windjammer.thread.Threads;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * The seed's "perfect for threads" example: a server and a queue worker, each on its own
 * long-lived thread, connected by a channel.
 *
 * <pre>{@code
 * // Windjammer                                   // Java
 * let server = thread::spawn(|| run_web_server())  server = builder.name("server").spawn(() -> runServer(..));
 * let worker = thread::spawn(|| process_queue())   worker = builder.name("worker").spawn(() -> processQueue(..));
 * }</pre>
 *
 * The server accepts connections on 127.0.0.1; each connection sends one job per line and gets
 * {@code queued} back once the job is in the bounded channel (so a slow worker slows clients
 * down instead of letting the queue grow). The worker takes jobs until the channel is closed.
 * {@link #close()} stops the server, closes the channel, lets the worker finish the jobs already
 * queued and joins both threads.
 */
public final class ServerAndWorker implements AutoCloseable {

    private final ServerSocket socket;
    private final Channel<String> jobs = Channel.bounded(64);
    private final Queue<String> done = new ConcurrentLinkedQueue<>();
    private final JoinHandle<Integer> server;
    private final JoinHandle<Integer> worker;

    /**
     * Starts the server on a free port of 127.0.0.1 and the worker.
     *
     * @throws IOException if the server socket cannot be opened
     */
    public ServerAndWorker() throws IOException {
        socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        server = Threads.builder().name("server").spawn(() -> runServer(socket, jobs));
        worker = Threads.builder().name("worker").spawn(() -> processQueue(jobs, done));
    }

    /** Returns the port the server listens on. */
    public int port() {
        return socket.getLocalPort();
    }

    /** Returns the results of the jobs processed so far, in order. */
    public List<String> results() {
        return List.copyOf(done);
    }

    /** The seed's {@code run_web_server}: serves until the socket is closed; returns the jobs queued. */
    static int runServer(ServerSocket socket, Channel<String> jobs) throws IOException {
        int queued = 0;
        while (true) {
            try (Socket connection = socket.accept();
                 BufferedReader in = new BufferedReader(
                         new InputStreamReader(connection.getInputStream(), StandardCharsets.UTF_8));
                 PrintWriter out = new PrintWriter(connection.getOutputStream(), true, StandardCharsets.UTF_8)) {
                String job;
                while ((job = in.readLine()) != null) {
                    if (job.isBlank()) {
                        out.println("error: empty job");
                        continue;
                    }
                    jobs.send(job);
                    queued++;
                    out.println("queued");
                }
            } catch (SocketException closed) {
                if (socket.isClosed()) {
                    return queued;
                }
                // a client went away: serve the next one
            }
        }
    }

    /** The seed's {@code process_queue}: processes jobs until the channel is closed and drained. */
    static int processQueue(Channel<String> jobs, Queue<String> done) {
        int processed = 0;
        for (String job : jobs) {
            done.add(job.toUpperCase() + " (" + job.length() + " chars)");
            processed++;
        }
        return processed;
    }

    /**
     * Stops the server, lets the worker finish the queued jobs and joins both threads.
     *
     * @throws IOException if closing the socket fails
     */
    @Override
    public void close() throws IOException {
        socket.close();
        int queued = server.join();
        jobs.close();
        int processed = worker.join();
        if (queued != processed) {
            throw new IllegalStateException(queued + " jobs queued but " + processed + " processed");
        }
    }

    /**
     * Runs the example: starts both threads, sends three jobs as a client and prints the results.
     *
     * @param args not used
     * @throws IOException if the network fails
     */
    public static void main(String[] args) throws IOException {
        try (ServerAndWorker service = new ServerAndWorker();
             Socket client = new Socket(InetAddress.getLoopbackAddress(), service.port());
             PrintWriter out = new PrintWriter(client.getOutputStream(), true, StandardCharsets.UTF_8);
             BufferedReader in = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.UTF_8))) {
            for (String job : List.of("resize cat.jpg", "sepia dog.jpg", "compress bird.jpg")) {
                out.println(job);
                System.out.println(job + ": " + in.readLine());
            }
            client.shutdownOutput();
            service.close();
            service.results().forEach(System.out::println);
        }
    }
}
