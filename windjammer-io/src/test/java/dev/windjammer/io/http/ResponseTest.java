package dev.windjammer.io.http;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ResponseTest {

    @Test
    void jsonResponseHasTheBodyAndContentType() {
        Response response = Http.json(202, Map.of("status", "processing"));
        assertThat(response.status()).isEqualTo(202);
        assertThat(response.contentType()).hasValue("application/json");
        assertThat(response.text()).isEqualTo("{\"status\":\"processing\"}");
    }

    @Test
    void bodyIsCopiedInAndOut() {
        byte[] bytes = {1, 2, 3};
        Response response = Response.of(200, "application/octet-stream", bytes);
        bytes[0] = 9;
        response.body()[1] = 9;
        assertThat(response.body()).containsExactly(1, 2, 3);
        assertThat(response.bodyStream()).hasBinaryContent(new byte[] {1, 2, 3});
    }

    @Test
    void headersAreCaseInsensitiveAndAccumulate() {
        Response response = Response.status(204).withHeader("X-Tag", "a").withHeader("x-tag", "b");
        assertThat(response.headers().get("X-TAG")).containsExactly("a", "b");
        assertThat(response.header("x-Tag")).hasValue("a");
        assertThat(response.header("absent")).isEmpty();
    }

    @Test
    void headerInjectionIsRefused() {
        Response response = Http.text("x");
        assertThatThrownBy(() -> response.withHeader("X-A", "1\r\nSet-Cookie: evil=1"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("line break");
        assertThatThrownBy(() -> response.withHeader("Bad Name", "1")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> response.withHeader("", "1")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void statusMustBeAnHttpStatus() {
        assertThatThrownBy(() -> Response.status(99)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("99");
        assertThatThrownBy(() -> Http.json(600, List.of())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void textUsesTheCharsetOfTheContentType() {
        byte[] latin1 = "café".getBytes(StandardCharsets.ISO_8859_1);
        assertThat(Response.of(200, "text/plain; charset=ISO-8859-1", latin1).text()).isEqualTo("café");
        assertThat(Response.of(200, "text/plain; charset=\"no-such-charset\"", "ok".getBytes(StandardCharsets.UTF_8)).text())
                .isEqualTo("ok");
    }

    @Test
    void expectSuccessNamesTheStatusAndTheStartOfTheBody() {
        Response error = Http.json(500, Map.of("error", "x".repeat(300)));
        assertThatThrownBy(error::expectSuccess).isInstanceOf(UnexpectedStatusException.class)
                .hasMessageStartingWith("response answered 500: {\"error\":\"xxx")
                .hasMessageEndingWith("...");
        assertThat(Http.text("fine").expectSuccess().isSuccess()).isTrue();
    }

    @Test
    void httpExceptionNeedsAnErrorStatus() {
        assertThatThrownBy(() -> new HttpException(302, "moved")).isInstanceOf(IllegalArgumentException.class);
        assertThat(HttpException.badRequest("b").status()).isEqualTo(400);
        assertThat(HttpException.notFound("n").status()).isEqualTo(404);
    }
}
