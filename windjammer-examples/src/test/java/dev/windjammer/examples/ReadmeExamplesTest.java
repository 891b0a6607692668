package dev.windjammer.examples;

import dev.windjammer.Pair;
import dev.windjammer.async.Async;
import dev.windjammer.compute.Compute;
import dev.windjammer.io.http.Http;
import dev.windjammer.io.http.HttpServer;
import dev.windjammer.sync.Channel;
import dev.windjammer.thread.JoinHandle;
import dev.windjammer.thread.Threads;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's three examples, line for line, so that the README cannot drift from the API.
 * The helpers ({@code process}, {@code downloadFile}, {@code db} ...) are the smallest stand-ins
 * that let the lines run; each test checks what the README claims.
 */
class ReadmeExamplesTest {

    // --- compute ---------------------------------------------------------------------------

    record Result(int item, int square) {
    }

    static Result process(int item) {
        return new Result(item, item * item);
    }

    @Test
    void compute() {
        List<Integer> items = IntStream.range(0, 10_000).boxed().toList();
        List<Integer> data = items;
        int[] pixels = IntStream.range(0, 256).toArray();
        int threshold = 200;

        List<Result> results = Compute.parallel(items, item -> process(item));   // input order
        long sum = Compute.mapReduce(data, x -> (long) x * x, Long::sum, 0L);
        int[] hits = Compute.over(pixels).filter(p -> p > threshold).toArray(); // primitive, never boxes

        assertThat(results).hasSize(10_000).first().isEqualTo(new Result(0, 0));
        assertThat(results.get(9_999)).isEqualTo(new Result(9_999, 9_999 * 9_999));
        assertThat(sum).isEqualTo(IntStream.range(0, 10_000).mapToLong(x -> (long) x * x).sum());
        assertThat(hits).containsExactly(IntStream.range(201, 256).toArray());
    }

    // --- thread ----------------------------------------------------------------------------

    record Bytes(String name) {
    }

    record Report(int rows) {
    }

    record Job(int id) {
    }

    static Bytes downloadFile(String url) {
        return new Bytes(url);
    }

    static Report processDatabase() {
        return new Report(42);
    }

    static void handle(Job job) {
        assertThat(job.id()).isNotNegative();
    }

    static void submitAll(Channel<Job> jobs) {
        for (int i = 0; i < 100; i++) {
            jobs.send(new Job(i));
        }
    }

    @Test
    void thread() {
        JoinHandle<Bytes> download = Threads.spawn(() -> downloadFile("url1"));
        JoinHandle<Report> database = Threads.spawn(() -> processDatabase());
        Bytes file = download.join();        // the value, or the thread's own exception, unchecked

        Channel<Job> jobs = Channel.bounded(16);
        long handled = Threads.scope(scope -> {   // every thread is joined before scope returns
            JoinHandle<Long> worker = scope.spawn(() -> {
                long n = 0;
                for (Job job : jobs) { handle(job); n++; }   // ends when closed and drained
                return n;
            });
            submitAll(jobs);
            jobs.close();
            return worker.join();
        });

        assertThat(file).isEqualTo(new Bytes("url1"));
        assertThat(database.join()).isEqualTo(new Report(42));
        assertThat(handled).isEqualTo(100);
    }

    // --- async -----------------------------------------------------------------------------

    record User(long id) {
    }

    record Post(long userId, String title) {
    }

    static final class Db {
        User getUser(long id) {
            return new User(id);
        }

        List<Post> getPosts(long userId) {
            return List.of(new Post(userId, "hello"));
        }
    }

    static String fetchData(String url) {
        return Http.get(url).expectSuccess().text();
    }

    @Test
    void async() {
        Db db = new Db();
        try (HttpServer apis = Http.server("127.0.0.1:0")
                .get("/api1", req -> Http.text("one"))
                .get("/api2", req -> Http.text("two"))
                .start()) {
            String api1 = apis.url("/api1");
            String api2 = apis.url("/api2");

            Pair<String, String> both = Async.join(() -> fetchData(api1), () -> fetchData(api2));

            HttpServer server = Http.server("127.0.0.1:0");
            server.get("/users/{id}/posts", request -> {
                User user = db.getUser(request.pathParamAsLong("id"));   // parks the virtual thread
                return Http.json(db.getPosts(user.id()));
            });

            assertThat(both).isEqualTo(Pair.of("one", "two"));
            try (HttpServer started = server.start()) {
                assertThat(fetchData(started.url("/users/7/posts")))
                        .isEqualTo("[{\"userId\":7,\"title\":\"hello\"}]");
            }
        }
    }
}
