package dev.windjammer.bench.io;

import dev.windjammer.async.Async;
import dev.windjammer.io.http.Http;
import dev.windjammer.io.http.HttpClient;
import dev.windjammer.io.http.HttpServer;
import dev.windjammer.io.http.Response;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The seed's best practice 2, {@code join_all(urls.map(http::get))}: K concurrent GETs against a
 * local server whose handler takes 10 ms, our way against the JDK's own asynchronous way.
 *
 * <ul>
 *   <li>{@code windjammerJoinAll}: {@code Async.joinAll} over {@code client.get(url)} — a virtual
 *       thread per request, each blocking in our {@link HttpClient};</li>
 *   <li>{@code jdkSendAsyncAllOf} (the peer): {@code java.net.http.HttpClient.sendAsync} per URL
 *       and {@code CompletableFuture.allOf(..).join()}, HTTP/1.1 like ours.</li>
 * </ul>
 *
 * <p>Both clients are warm, keep their connections alive between invocations and talk to the
 * same {@link HttpServer}; each invocation returns the total body length so nothing is dead
 * code. Time per fan-out (lower is better); the floor is the 10 ms of the slowest request.
 * Run: {@code scripts/bench 'io.HttpFanOut' -f 1 -wi 5 -i 10}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 10, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
public class HttpFanOutBenchmark {

    private static final Duration LATENCY = Duration.ofMillis(10);

    @Param({"10", "100", "1000"})
    public int requests;

    private HttpServer server;
    private HttpClient windjammer;
    private java.net.http.HttpClient jdk;
    private List<String> urls;
    private List<HttpRequest> jdkRequests;

    @Setup(Level.Trial)
    public void start() {
        server = Http.server("127.0.0.1:0")
                .get("/item/{n}", req -> {
                    Thread.sleep(LATENCY);
                    return Http.text("item " + req.pathParam("n"));
                })
                .start();
        windjammer = HttpClient.builder().build();
        jdk = java.net.http.HttpClient.newBuilder().version(java.net.http.HttpClient.Version.HTTP_1_1).build();
        urls = new ArrayList<>();
        jdkRequests = new ArrayList<>();
        for (int i = 0; i < requests; i++) {
            String url = server.url("/item/" + i);
            urls.add(url);
            jdkRequests.add(HttpRequest.newBuilder(URI.create(url)).build());
        }
    }

    @TearDown(Level.Trial)
    public void stop() {
        windjammer.close();
        jdk.close();
        server.close();
    }

    @Benchmark
    public long windjammerJoinAll() {
        List<Callable<Response>> calls = new ArrayList<>(urls.size());
        for (String url : urls) {
            calls.add(() -> windjammer.get(url));
        }
        long total = 0;
        for (Response response : Async.joinAll(calls)) {
            total += response.bodyLength();
        }
        return total;
    }

    @Benchmark
    public long jdkSendAsyncAllOf() {
        List<CompletableFuture<HttpResponse<byte[]>>> futures = new ArrayList<>(jdkRequests.size());
        for (HttpRequest request : jdkRequests) {
            futures.add(jdk.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray()));
        }
        CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new)).join();
        long total = 0;
        for (CompletableFuture<HttpResponse<byte[]>> future : futures) {
            total += future.join().body().length;
        }
        return total;
    }
}
