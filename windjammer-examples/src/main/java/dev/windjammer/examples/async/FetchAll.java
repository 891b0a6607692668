package dev.windjammer.examples.async;

import dev.windjammer.async.Async;
import dev.windjammer.io.http.Http;
import dev.windjammer.io.http.HttpServer;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * The seed's best practice 2, "Use std::async for I/O":
 *
 * <pre>
 * // Good: Efficient async I/O
 * async fn fetch_all(urls: Vec&lt;string&gt;) {
 *     join_all(urls.map(|url| http::get(url))).await
 * }
 *
 * // Avoid: Blocking I/O in threads
 * urls.map(|url| {
 *     thread::spawn(move || http::get_blocking(url))
 * })
 * </pre>
 *
 * <p>Both are runnable here and give the same answers. The good one runs each request on a
 * virtual thread ({@code Async.joinAll}): a thousand waiting requests cost a thousand small heap
 * objects. The one to avoid starts a platform thread per URL: a thousand waiting requests hold a
 * thousand OS threads with their stacks, and the count of URLs is bounded by what the OS gives.
 */
public final class FetchAll {

    private FetchAll() {
    }

    /**
     * Good: {@code join_all(urls.map(http::get))} — every URL fetched at once on virtual threads;
     * the bodies come back in the order of {@code urls}. The first failure cancels the rest.
     *
     * @param urls the URLs
     * @return their bodies, in order
     */
    public static List<String> fetchAll(List<String> urls) {
        List<Callable<String>> fetches = new ArrayList<>(urls.size());
        for (String url : urls) {
            fetches.add(() -> Http.get(url).expectSuccess().text());
        }
        return Async.joinAll(fetches);
    }

    /**
     * Avoid: a platform thread per URL, each blocking in its request, then joined one by one;
     * a failure is only noticed once every thread has finished, and nothing is cancelled.
     *
     * @param urls the URLs
     * @return their bodies, in order
     * @throws InterruptedException if interrupted while joining
     */
    public static List<String> fetchAllWithAThreadPerUrl(List<String> urls) throws InterruptedException {
        String[] bodies = new String[urls.size()];
        RuntimeException[] failures = new RuntimeException[urls.size()];
        List<Thread> threads = new ArrayList<>(urls.size());
        for (int i = 0; i < urls.size(); i++) {
            int index = i;
            threads.add(Thread.ofPlatform().start(() -> {
                try {
                    bodies[index] = Http.get(urls.get(index)).expectSuccess().text();
                } catch (RuntimeException e) {
                    failures[index] = e;
                }
            }));
        }
        for (Thread thread : threads) {
            thread.join();
        }
        for (RuntimeException failure : failures) {
            if (failure != null) {
                throw failure;
            }
        }
        return List.of(bodies);
    }

    /**
     * Fetches 1000 URLs of a local server that takes 50 ms per request, both ways (after a
     * warm-up round of each), and prints how long each took and how many platform threads the
     * JVM had at its peak meanwhile.
     *
     * @param args unused
     * @throws InterruptedException if interrupted
     */
    public static void main(String[] args) throws InterruptedException {
        try (HttpServer server = Http.server("127.0.0.1:0")
                .get("/item/{n}", req -> {
                    Async.sleep(Duration.ofMillis(50));
                    return Http.text("item " + req.pathParam("n"));
                })
                .start()) {
            List<String> urls = new ArrayList<>();
            for (int i = 0; i < 1000; i++) {
                urls.add(server.url("/item/" + i));
            }
            fetchAll(urls);
            fetchAllWithAThreadPerUrl(urls);
            ThreadMXBean threads = ManagementFactory.getThreadMXBean();

            threads.resetPeakThreadCount();
            long start = System.nanoTime();
            int good = fetchAll(urls).size();
            long goodMillis = (System.nanoTime() - start) / 1_000_000;
            int goodPeak = threads.getPeakThreadCount();

            threads.resetPeakThreadCount();
            start = System.nanoTime();
            int avoid = fetchAllWithAThreadPerUrl(urls).size();
            long avoidMillis = (System.nanoTime() - start) / 1_000_000;
            int avoidPeak = threads.getPeakThreadCount();

            System.out.printf("join_all on virtual threads: %d responses in %d ms, at most %d platform threads%n",
                    good, goodMillis, goodPeak);
            System.out.printf("a platform thread per URL:   %d responses in %d ms, at most %d platform threads%n",
                    avoid, avoidMillis, avoidPeak);
        }
    }
}
