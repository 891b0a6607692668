package dev.windjammer.bench.io;

import dev.windjammer.io.http.Http;
import dev.windjammer.io.http.HttpServer;
import io.helidon.webserver.WebServer;

import java.time.Duration;

/**
 * One HTTP server for {@code scripts/bench-http}, which drives it with {@code wrk}: either ours
 * ({@link HttpServer}) or the peer, a plain Helidon SE 4 {@link WebServer} with the same two
 * routes written the way Helidon's documentation writes them.
 *
 * <ul>
 *   <li>{@code GET /hello}: a 13-byte text body (the cost of the server itself);</li>
 *   <li>{@code GET /blocking}: sleeps 20 ms on the request's virtual thread, then answers (a
 *       handler waiting on I/O).</li>
 * </ul>
 *
 * <p>Not JMH: the load generator is an external process. Usage:
 * {@code java -cp windjammer-bench/target/benchmarks.jar dev.windjammer.bench.io.HttpServerBench windjammer|helidon PORT}.
 * Prints {@code ready} once it serves; stops on SIGTERM.
 */
public final class HttpServerBench {

    static final String HELLO = "Hello, World!";
    static final Duration BLOCKING = Duration.ofMillis(20);

    private HttpServerBench() {
    }

    /**
     * Starts the server and waits until the process is terminated.
     *
     * @param args {@code windjammer} or {@code helidon}, and the port
     * @throws InterruptedException if the main thread is interrupted
     */
    public static void main(String[] args) throws InterruptedException {
        if (args.length != 2 || !args[0].matches("windjammer|helidon")) {
            System.err.println("usage: HttpServerBench windjammer|helidon PORT");
            System.exit(2);
        }
        int port = Integer.parseInt(args[1]);
        Runnable stop = args[0].equals("windjammer") ? windjammer(port) : helidon(port);
        Runtime.getRuntime().addShutdownHook(new Thread(stop));
        System.out.println("ready");
        Thread.currentThread().join();
    }

    private static Runnable windjammer(int port) {
        HttpServer server = Http.server("127.0.0.1:" + port)
                .get("/hello", req -> Http.text(HELLO))
                .get("/blocking", req -> {
                    Thread.sleep(BLOCKING);
                    return Http.text("done");
                })
                .start();
        return server::close;
    }

    private static Runnable helidon(int port) {
        WebServer server = WebServer.builder()
                .host("127.0.0.1")
                .port(port)
                .routing(routing -> routing
                        .get("/hello", (req, res) -> res.send(HELLO))
                        .get("/blocking", (req, res) -> {
                            Thread.sleep(BLOCKING);
                            res.send("done");
                        }))
                .build()
                .start();
        return server::stop;
    }
}
