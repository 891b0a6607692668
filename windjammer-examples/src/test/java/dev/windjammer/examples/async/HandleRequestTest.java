package dev.windjammer.examples.async;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.windjammer.examples.async.HandleRequest.Post;
import dev.windjammer.io.db.Database;
import dev.windjammer.io.http.Http;
import dev.windjammer.io.http.HttpServer;
import dev.windjammer.io.http.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class HandleRequestTest {

    private static Database database;
    private static HttpServer server;

    @BeforeAll
    static void start() {
        database = Database.inMemory();
        HandleRequest.createSampleData(database);
        server = HandleRequest.server("127.0.0.1:0", database).start();
    }

    @AfterAll
    static void stop() {
        server.close();
        database.close();
    }

    @Test
    void answersTheUsersPostsAsJson() {
        Response response = Http.get(server.url("/users/1/posts"));
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.contentType()).hasValue("application/json");
        assertThat(response.json(new TypeReference<List<Post>>() { })).containsExactly(
                new Post(11, 1, "On Bernoulli numbers"),
                new Post(10, 1, "Notes on the analytical engine"));
    }

    @Test
    void userWithoutPostsGetsAnEmptyList() {
        assertThat(Http.get(server.url("/users/2/posts")).text()).isEqualTo("[]");
    }

    @Test
    void unknownUserIs404() {
        Response response = Http.get(server.url("/users/99/posts"));
        assertThat(response.status()).isEqualTo(404);
        assertThat(response.json(Map.class)).isEqualTo(Map.of("error", "no user 99", "status", 404));
    }

    @Test
    void malformedIdIs400() {
        Response response = Http.get(server.url("/users/ada/posts"));
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.text()).contains("path parameter id must be an integer");
    }
}
