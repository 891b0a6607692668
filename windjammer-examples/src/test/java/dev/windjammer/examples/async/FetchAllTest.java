package dev.windjammer.examples.async;

import dev.windjammer.io.http.Http;
import dev.windjammer.io.http.HttpException;
import dev.windjammer.io.http.HttpServer;
import dev.windjammer.io.http.UnexpectedStatusException;
import dev.windjammer.testkit.Delays;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FetchAllTest {

    private static final int TOGETHER = 200;
    private static final CountDownLatch allArrived = new CountDownLatch(TOGETHER);
    private static HttpServer server;

    @BeforeAll
    static void start() {
        server = Http.server("127.0.0.1:0")
                .get("/item/{n}", req -> Http.text("item " + req.pathParam("n")))
                .get("/together/{n}", req -> {
                    allArrived.countDown();
                    if (!allArrived.await(Delays.LONG.toMillis(), TimeUnit.MILLISECONDS)) {
                        throw new HttpException(504, "not all requests were in flight at once");
                    }
                    return Http.text("together " + req.pathParam("n"));
                })
                .start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static List<String> urls(String prefix, int count) {
        List<String> urls = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            urls.add(server.url(prefix + i));
        }
        return urls;
    }

    @Test
    void bothWaysGiveTheSameBodiesInOrder() throws InterruptedException {
        List<String> urls = urls("/item/", 20);
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            expected.add("item " + i);
        }
        assertThat(FetchAll.fetchAll(urls)).isEqualTo(expected);
        assertThat(FetchAll.fetchAllWithAThreadPerUrl(urls)).isEqualTo(expected);
    }

    @Test
    void joinAllHasEveryRequestInFlightAtOnce() {
        assertThat(FetchAll.fetchAll(urls("/together/", TOGETHER))).hasSize(TOGETHER)
                .allSatisfy(body -> assertThat(body).startsWith("together "));
    }

    @Test
    void aFailedRequestFailsTheWhole() {
        List<String> urls = urls("/item/", 5);
        urls.add(server.url("/missing"));
        assertThatThrownBy(() -> FetchAll.fetchAll(urls)).isInstanceOf(UnexpectedStatusException.class)
                .hasMessageContaining("answered 404");
        assertThatThrownBy(() -> FetchAll.fetchAllWithAThreadPerUrl(urls)).isInstanceOf(UnexpectedStatusException.class);
    }
}
