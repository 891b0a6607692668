package dev.windjammer.examples.async;

import dev.windjammer.Pair;
import dev.windjammer.io.http.Http;
import dev.windjammer.io.http.HttpException;
import dev.windjammer.io.http.HttpServer;
import dev.windjammer.io.http.UnexpectedStatusException;
import dev.windjammer.testkit.Delays;
import org.junit.jupiter.api.Test;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FetchDataTest {

    @Test
    void joinFetchesBothApisAtOnce() {
        CountDownLatch bothArrived = new CountDownLatch(2);
        try (HttpServer apis = Http.server("127.0.0.1:0")
                .get("/api1", req -> Http.text(afterBoth(bothArrived, "one")))
                .get("/api2", req -> Http.text(afterBoth(bothArrived, "two")))
                .start()) {
            FetchData example = new FetchData(apis.url("/api1"), apis.url("/api2"));
            assertThat(example.fetchBoth()).isEqualTo(Pair.of("one", "two"));
        }
    }

    /** Answers only once the other request has arrived too: a sequential join would fail here. */
    private static String afterBoth(CountDownLatch bothArrived, String answer) throws InterruptedException {
        bothArrived.countDown();
        if (!bothArrived.await(Delays.LONG.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new HttpException(504, "the other request never came");
        }
        return answer;
    }

    @Test
    void failureOfOneCancelsTheOtherAndIsThrown() {
        CountDownLatch never = new CountDownLatch(1);
        try (HttpServer apis = Http.server("127.0.0.1:0")
                .get("/api1", req -> {
                    never.await();
                    return Http.text("too late");
                })
                .get("/api2", req -> {
                    throw new HttpException(503, "api 2 is down");
                })
                .start()) {
            FetchData example = new FetchData(apis.url("/api1"), apis.url("/api2"));
            try {
                assertThatThrownBy(example::fetchBoth)
                        .isInstanceOf(UnexpectedStatusException.class)
                        .hasMessageContaining("answered 503")
                        .hasMessageContaining("api 2 is down");
            } finally {
                never.countDown();
            }
        }
    }

    @Test
    void fetchDataReturnsTheBody() {
        try (HttpServer api = Http.server("127.0.0.1:0").get("/", req -> Http.text("body")).start()) {
            assertThat(FetchData.fetchData(api.url("/"))).isEqualTo("body");
        }
    }
}
