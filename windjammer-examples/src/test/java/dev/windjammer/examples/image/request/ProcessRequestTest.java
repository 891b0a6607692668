package dev.windjammer.examples.image.request;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.json.JsonMapper;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ProcessRequestTest {

    private static ProcessRequest parse(String body) {
        return ProcessRequest.parse(body, 3);
    }

    @Test
    void acceptsAListOfHttpAndHttpsUrlsInOrder() {
        ProcessRequest request = parse("[\"https://images.example/a.png\", \"http://images.example:8080/b.jpg?x=1\"]");

        assertThat(request).isEqualTo(new ProcessRequest.Valid(List.of(
                URI.create("https://images.example/a.png"), URI.create("http://images.example:8080/b.jpg?x=1"))));
    }

    @Test
    void acceptsExactlyTheLimit() {
        assertThat(parse("[\"http://a.example/1\", \"http://a.example/2\", \"http://a.example/3\"]"))
                .isInstanceOf(ProcessRequest.Valid.class);
    }

    @Test
    void stripsSurroundingWhitespaceOfAUrl() {
        assertThat(parse("[\"  https://images.example/a.png\\n\"]"))
                .isEqualTo(new ProcessRequest.Valid(List.of(URI.create("https://images.example/a.png"))));
    }

    @ParameterizedTest(name = "[{index}] {1}")
    @CsvSource(delimiter = '|', value = {
            "''                                  | the body is empty; expected a JSON array of image URLs",
            "'   '                               | the body is empty",
            "'not json'                          | the body is not valid JSON: Unrecognized token 'not'",
            "'[\"http://a.example/1\"'           | the body is not valid JSON",
            "'[\"http://a.example/1\"] trailing' | the body is not valid JSON",
            "'[\"http://a.example/1\"] []'       | unexpected content after the closing ']'",
            "'{\"urls\": []}'                    | expected a JSON array of image URLs, got an object",
            "'\"http://a.example/1\"'            | expected a JSON array of image URLs, got a string",
            "'42'                                | got a number",
            "'null'                              | got null",
            "'[]'                                | the list of image URLs is empty",
    })
    void refusesABodyThatIsNotANonEmptyJsonArray(String body, String message) {
        assertInvalid(parse(body), message);
    }

    @Test
    void refusesMoreUrlsThanTheLimit() {
        assertInvalid(parse("[\"http://a.example/1\", \"http://a.example/2\", \"http://a.example/3\", \"http://a.example/4\"]"),
                "too many image URLs: more than 3 (at most 3 per request)");
    }

    @Test
    void stopsReadingAtTheLimitEvenIfTheRestIsGarbage() {
        assertInvalid(parse("[\"http://a.example/1\", 2, 3, 4, {{{{"), "too many image URLs");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "'[42]'                              | invalid image URL: url[0] is a number, expected a URL string",
            "'[null]'                            | url[0] is null, expected a URL string",
            "'[[\"http://a.example/\"]]'         | url[0] is an array",
            "'[{\"url\": \"http://a.example/\"}]'| url[0] is an object",
            "'[true]'                            | url[0] is a boolean",
            "'[\"\"]'                            | url[0] is empty",
            "'[\"ftp://a.example/x.png\"]'       | url[0] has scheme \"ftp\"; only http and https are allowed",
            "'[\"file:///etc/passwd\"]'          | url[0] has scheme \"file\"",
            "'[\"javascript:alert(1)\"]'         | url[0] has scheme \"javascript\"",
            "'[\"/images/a.png\"]'               | url[0] is not an absolute URL (no scheme): /images/a.png",
            "'[\"http://a b.example/\"]'         | url[0] is not a valid URL (Illegal character in authority at index 8)",
            "'[\"http:///a.png\"]'               | url[0] has no valid host",
            "'[\"http://user:pw@a.example/\"]'   | url[0] contains credentials",
    })
    void refusesAnEntryThatIsNotAnHttpUrlAndNamesIt(String body, String message) {
        assertInvalid(parse(body), message);
    }

    @Test
    void refusesAnOverlongUrl() {
        String url = "http://a.example/" + "x".repeat(ProcessRequest.MAX_URL_LENGTH);

        assertInvalid(parse("[\"" + url + "\"]"), "url[0] is longer than 2048 characters");
    }

    @Test
    void reportsSeveralBadEntriesAtOnce() {
        assertInvalid(ProcessRequest.parse("[\"http://a.example/ok\", 1, \"ftp://x.example/\", null]", 10),
                "3 invalid image URLs: url[1] is a number, expected a URL string; url[2] has scheme \"ftp\";"
                        + " only http and https are allowed; url[3] is null, expected a URL string");
    }

    @Test
    void reportsAtMostFiveBadEntries() {
        assertInvalid(ProcessRequest.parse("[1, 2, 3, 4, 5, 6, 7]", 10),
                "7 invalid image URLs: url[0]", "url[4] is a number", "; and 2 more");
    }

    @Test
    void aMalformedBodyNamesLineAndColumn() {
        assertInvalid(parse("[\n  \"http://a.example/\",\n  oops\n]"), "(line 3, column");
    }

    @Test
    void validatesAnAlreadyParsedBodyTheSameWay() throws Exception {
        JsonMapper json = JsonMapper.builder().build();

        assertThat(ProcessRequest.validate(json.readTree("[\"https://a.example/1.png\"]"), 3))
                .isEqualTo(new ProcessRequest.Valid(List.of(URI.create("https://a.example/1.png"))));
        assertInvalid(ProcessRequest.validate(json.readTree("{\"a\": 1}"), 3), "got an object");
        assertInvalid(ProcessRequest.validate(json.readTree("[\"ftp://a.example/\"]"), 3), "scheme \"ftp\"");
    }

    @Test
    void rejectsANonPositiveLimit() {
        assertThatThrownBy(() -> ProcessRequest.parse("[]", 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxUrls");
    }

    @Test
    void rejectsANullBody() {
        assertThatThrownBy(() -> ProcessRequest.parse(null, 3))
                .isInstanceOf(NullPointerException.class).hasMessageContaining("body");
        assertThatThrownBy(() -> ProcessRequest.validate(null, 3))
                .isInstanceOf(NullPointerException.class).hasMessageContaining("body");
    }

    private static void assertInvalid(ProcessRequest request, String... messageParts) {
        assertThat(request).isInstanceOf(ProcessRequest.Invalid.class);
        assertThat(((ProcessRequest.Invalid) request).message()).contains(messageParts);
    }
}
