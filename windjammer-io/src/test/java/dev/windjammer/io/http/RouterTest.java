package dev.windjammer.io.http;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RouterTest {

    private static final Handler NOTHING = req -> Response.status(204);

    private static Router router(String... methodAndPatterns) {
        Router router = new Router();
        for (String route : methodAndPatterns) {
            String[] parts = route.split(" ");
            router.add(parts[0], parts[1], NOTHING);
        }
        return router;
    }

    private static Router.Found found(Router.Match match) {
        assertThat(match).isInstanceOf(Router.Found.class);
        return (Router.Found) match;
    }

    @Test
    void matchesTheRootAndLiterals() {
        Router router = router("GET /", "GET /a/b");
        assertThat(found(router.match("GET", "/")).route().pattern()).isEqualTo("/");
        assertThat(found(router.match("GET", "/a/b")).route().pattern()).isEqualTo("/a/b");
        assertThat(router.match("GET", "/a")).isInstanceOf(Router.NotFound.class);
        assertThat(router.match("GET", "/a/b/c")).isInstanceOf(Router.NotFound.class);
    }

    @Test
    void bindsParametersInOrder() {
        Router.Found match = found(router("GET /users/{user}/posts/{post}").match("GET", "/users/7/posts/9"));
        assertThat(match.route().parameterNames()).containsExactly("user", "post");
        assertThat(match.values()).containsExactly("7", "9");
    }

    @Test
    void routesWithDifferentParameterNamesShareTheirPrefix() {
        Router router = router("GET /users/{id}", "GET /users/{userId}/posts");
        assertThat(found(router.match("GET", "/users/1")).route().parameterNames()).containsExactly("id");
        assertThat(found(router.match("GET", "/users/1/posts")).route().parameterNames()).containsExactly("userId");
    }

    @Test
    void literalWinsOverParameterAndBacktracks() {
        Router router = router("GET /a/b/c", "GET /a/{x}/d");
        assertThat(found(router.match("GET", "/a/b/c")).route().pattern()).isEqualTo("/a/b/c");
        Router.Found backtracked = found(router.match("GET", "/a/b/d"));
        assertThat(backtracked.route().pattern()).isEqualTo("/a/{x}/d");
        assertThat(backtracked.values()).containsExactly("b");
    }

    @Test
    void parameterNeverMatchesAnEmptySegment() {
        assertThat(router("GET /jobs/{id}").match("GET", "/jobs/")).isInstanceOf(Router.NotFound.class);
    }

    @Test
    void wrongMethodListsTheAllowedOnesIncludingHeadForGet() {
        Router.Match match = router("GET /a", "PUT /a", "DELETE /{x}").match("POST", "/a");
        assertThat(match).isInstanceOf(Router.MethodNotAllowed.class);
        assertThat(((Router.MethodNotAllowed) match).allowed()).containsExactlyInAnyOrder("GET", "HEAD", "PUT", "DELETE");
    }

    @Test
    void headFallsBackToGetUnlessRoutedItself() {
        assertThat(found(router("GET /a").match("HEAD", "/a")).route().method()).isEqualTo("GET");
        assertThat(found(router("GET /a", "HEAD /a").match("HEAD", "/a")).route().method()).isEqualTo("HEAD");
    }

    @Test
    void decodesSegmentsButNotSeparators() {
        Router.Found match = found(router("GET /files/{name}").match("GET", "/files/a%2Fb%20c+d"));
        assertThat(match.values()).containsExactly("a/b c+d");
    }

    @Test
    void malformedPercentEncodingIsABadRequest() {
        assertThatThrownBy(() -> router("GET /{x}").match("GET", "/%zz"))
                .isInstanceOf(HttpException.class).hasMessageContaining("percent-encoding")
                .extracting(e -> ((HttpException) e).status()).isEqualTo(400);
    }

    @Test
    void duplicateRouteIsRejectedNamingTheFirst() {
        assertThatThrownBy(() -> router("GET /jobs/{id}", "GET /jobs/{jobId}"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("GET /jobs/{jobId} clashes with the route GET /jobs/{id}");
    }

    @Test
    void malformedPatternsAreRejected() {
        for (String bad : new String[] {"jobs", "/a//b", "/{1x}", "/a{b}", "/{a}/{a}", "/a?b", "/%20"}) {
            assertThatThrownBy(() -> new Router().add("GET", bad, NOTHING)).as(bad)
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(bad);
        }
    }

    @Test
    void malformedMethodIsRejected() {
        assertThatThrownBy(() -> new Router().add("get", "/", NOTHING)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void nullArgumentsAreNamed() {
        assertThatThrownBy(() -> new Router().add("GET", "/", null)).isInstanceOf(NullPointerException.class).hasMessage("handler");
        assertThatThrownBy(() -> new Router().add("GET", null, NOTHING)).isInstanceOf(NullPointerException.class).hasMessage("pattern");
    }
}
