package dev.windjammer.examples.async;

import dev.windjammer.Pair;
import dev.windjammer.async.Async;
import dev.windjammer.io.http.Http;
import dev.windjammer.io.http.HttpServer;

import java.time.Duration;

/**
 * The seed's first async example, an async function and two of them awaited together:
 *
 * <pre>
 * async fn fetch_data() -> string {
 *     let response = http::get("https://api.example.com").await
 *     response.body
 * }
 *
 * let (data1, data2) = join!(
 *     fetch_data_from_api1(),
 *     fetch_data_from_api2()
 * )
 * </pre>
 *
 * <p>An {@code async fn} is a method that blocks on a virtual thread: {@code fetchData} simply
 * calls {@code Http.get}. {@code join!} is {@code Async.join}: both calls run at once, each on its
 * own virtual thread, and the pair comes back when both are done; if one fails, the other is
 * cancelled (its HTTP exchange aborted) and the failure is thrown.
 */
public final class FetchData {

    private final String api1;
    private final String api2;

    /**
     * Creates the example for two endpoints.
     *
     * @param api1 the URL {@code fetchDataFromApi1} reads
     * @param api2 the URL {@code fetchDataFromApi2} reads
     */
    public FetchData(String api1, String api2) {
        this.api1 = api1;
        this.api2 = api2;
    }

    /**
     * {@code fetch_data}: the body of {@code url} as text.
     *
     * @param url the URL
     * @return the body
     * @throws dev.windjammer.io.http.UnexpectedStatusException if the status is not 2xx
     */
    public static String fetchData(String url) {
        return Http.get(url).expectSuccess().text();
    }

    /**
     * {@code fetch_data_from_api1}.
     *
     * @return the body of the first API
     */
    public String fetchDataFromApi1() {
        return fetchData(api1);
    }

    /**
     * {@code fetch_data_from_api2}.
     *
     * @return the body of the second API
     */
    public String fetchDataFromApi2() {
        return fetchData(api2);
    }

    /**
     * {@code join!(fetch_data_from_api1(), fetch_data_from_api2())}.
     *
     * @return both bodies
     */
    public Pair<String, String> fetchBoth() {
        return Async.join(this::fetchDataFromApi1, this::fetchDataFromApi2);
    }

    /**
     * Serves two slow local APIs (300 ms each) and fetches both at once, after one warm-up call:
     * about 300 ms, not 600.
     *
     * @param args unused
     */
    public static void main(String[] args) {
        Duration latency = Duration.ofMillis(300);
        try (HttpServer apis = Http.server("127.0.0.1:0")
                .get("/api1", req -> {
                    Async.sleep(latency);
                    return Http.text("data from api 1");
                })
                .get("/api2", req -> {
                    Async.sleep(latency);
                    return Http.text("data from api 2");
                })
                .start()) {
            FetchData example = new FetchData(apis.url("/api1"), apis.url("/api2"));
            example.fetchBoth();
            long start = System.nanoTime();
            Pair<String, String> data = example.fetchBoth();
            long millis = (System.nanoTime() - start) / 1_000_000;
            System.out.println(data.first() + " | " + data.second() + " in " + millis + " ms");
        }
    }
}
