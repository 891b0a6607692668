package dev.windjammer.examples.image.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.windjammer.examples.image.fetch.UrlPolicy.Decision;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class UrlPolicyTest {

    /** A resolver over a fixed table, so no test depends on real DNS. */
    private static HostResolver table(Map<String, List<String>> entries) {
        return host -> {
            List<String> literals = entries.get(host);
            if (literals == null) {
                return List.of(InetAddress.getByName(host)); // literals only: getByName does no lookup for them
            }
            java.util.ArrayList<InetAddress> out = new java.util.ArrayList<>();
            for (String literal : literals) {
                out.add(InetAddress.getByName(literal));
            }
            return out;
        };
    }

    private final UrlPolicy strict = UrlPolicy.builder().resolver(table(Map.of(
            "images.example", List.of("93.184.216.34"),
            "internal.example", List.of("10.0.0.5"),
            "mixed.example", List.of("93.184.216.34", "127.0.0.1"),
            "metadata.example", List.of("169.254.169.254")))).build();

    @Test
    void allowsAPublicHostAndReturnsTheCheckedAddresses() throws UnknownHostException {
        Decision decision = strict.check(URI.create("https://images.example/cat.png"));

        assertThat(decision).isEqualTo(new Decision.Allowed(URI.create("https://images.example/cat.png"), true,
                "images.example", 443, List.of(InetAddress.getByName("93.184.216.34"))));
    }

    @Test
    void defaultsThePortFromTheScheme() {
        assertThat(((Decision.Allowed) strict.check(URI.create("http://images.example/a"))).port()).isEqualTo(80);
        assertThat(((Decision.Allowed) strict.check(URI.create("http://images.example:8080/a"))).port()).isEqualTo(8080);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ftp://images.example/a.png", "file:///etc/passwd", "gopher://images.example/",
            "jar:http://images.example/a.jar!/x", "/relative/path.png"})
    void refusesEverySchemeButHttpAndHttps(String url) {
        assertRefused(strict.check(URI.create(url)), Decision.Why.SCHEME, "http and https");
    }

    @Test
    void refusesCredentialsInTheUrl() {
        assertRefused(strict.check(URI.create("http://user:secret@images.example/a.png")),
                Decision.Why.CREDENTIALS, "credentials");
    }

    @Test
    void refusesAUrlWithoutAValidHost() {
        assertRefused(strict.check(URI.create("http:///a.png")), Decision.Why.NO_HOST, "no (valid) host");
        assertRefused(strict.check(URI.create("http://under_score.example/a.png")), Decision.Why.NO_HOST, "host");
    }

    @Test
    void refusesAnOutOfRangePort() {
        assertRefused(strict.check(URI.create("http://images.example:70000/")), Decision.Why.NO_HOST, "70000");
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://127.1/", "http://0x7f.0.0.1/"})
    void ambiguousNumericHostsAreNoHostAtAll(String url) {
        // java.net.URI takes neither for an IPv4 address nor for a host name
        assertRefused(strict.check(URI.create(url)), Decision.Why.NO_HOST, "no (valid) host");
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://127.0.0.1/", "http://2130706433/", "http://[::1]/", "http://[::ffff:127.0.0.1]/",
            "http://10.0.0.1/", "http://192.168.0.10:8080/", "http://169.254.169.254/latest/meta-data/",
            "http://[fe80::1]/", "http://[fd00::1]/", "http://0.0.0.0/", "http://[::]/", "http://224.0.0.1/",
            "http://internal.example/", "http://metadata.example/"})
    void refusesInternalAddressesHoweverWritten(String url) {
        // "2130706433" is a host name to java.net.URI; the system resolver turns it into 127.0.0.1
        assertRefused(strict.check(URI.create(url)), Decision.Why.ADDRESS, "which is not allowed");
    }

    @Test
    void refusesAHostIfAnyOfItsAddressesIsInternal() {
        assertRefused(strict.check(URI.create("http://mixed.example/a.png")), Decision.Why.ADDRESS,
                "resolves to 127.0.0.1, a loopback address");
    }

    @Test
    void messageNamesHostAddressAndRange() {
        assertRefused(strict.check(URI.create("http://metadata.example/")), Decision.Why.ADDRESS,
                "host \"metadata.example\" resolves to 169.254.169.254, a link-local address, which is not allowed");
    }

    @Test
    void allowingLoopbackAllowsOnlyLoopback() {
        UrlPolicy loopback = UrlPolicy.builder().allow(AddressRange.LOOPBACK).build();

        assertThat(loopback.check(URI.create("http://127.0.0.1:8080/a.png"))).isInstanceOf(Decision.Allowed.class);
        assertThat(loopback.check(URI.create("http://[::1]:8080/a.png"))).isInstanceOf(Decision.Allowed.class);
        assertRefused(loopback.check(URI.create("http://10.0.0.1/")), Decision.Why.ADDRESS, "private-network");
        assertThat(loopback.allowedRanges()).containsExactlyInAnyOrder(AddressRange.PUBLIC, AddressRange.LOOPBACK);
    }

    @Test
    void anUnknownHostIsItsOwnOutcome() {
        UrlPolicy policy = UrlPolicy.builder().resolver(host -> {
            throw new UnknownHostException(host);
        }).build();

        assertRefused(policy.check(URI.create("http://nowhere.example/")), Decision.Why.UNKNOWN_HOST,
                "\"nowhere.example\" does not resolve");
    }

    @Test
    void ipv6HostIsPassedToTheResolverWithoutBrackets() {
        List<String> asked = new java.util.concurrent.CopyOnWriteArrayList<>();
        UrlPolicy policy = UrlPolicy.builder().resolver(host -> {
            asked.add(host);
            return List.of(InetAddress.getByName(host));
        }).build();

        policy.check(URI.create("http://[2606:4700::1111]:8443/x"));

        assertThat(asked).containsExactly("2606:4700::1111");
    }

    @Test
    void nullArgumentsAreNamed() {
        assertThatThrownBy(() -> strict.check(null)).isInstanceOf(NullPointerException.class).hasMessageContaining("url");
        assertThatThrownBy(() -> UrlPolicy.builder().allow(null)).hasMessageContaining("range");
        assertThatThrownBy(() -> UrlPolicy.builder().resolver(null)).hasMessageContaining("resolver");
    }

    private static void assertRefused(Decision decision, Decision.Why why, String messagePart) {
        assertThat(decision).isInstanceOf(Decision.Refused.class);
        Decision.Refused refused = (Decision.Refused) decision;
        assertThat(refused.why()).isEqualTo(why);
        assertThat(refused.message()).contains(messagePart);
    }
}
