package dev.windjammer.examples.image.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.windjammer.UncheckedInterruptedException;
import dev.windjammer.examples.image.ScriptedServer;
import dev.windjammer.examples.image.TestOrigin;
import dev.windjammer.examples.image.TestTls;
import dev.windjammer.testkit.Delays;
import dev.windjammer.testkit.TestThreads;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DownloaderTest {

    private static final byte[] IMAGE = "pretend this is a PNG".getBytes(StandardCharsets.US_ASCII);

    /** One certificate for the https tests: keytool runs in a JVM of its own and is slow to start. */
    @TempDir
    static Path certificateDirectory;
    private static TestTls tls;

    @BeforeAll
    static void makeCertificate() throws Exception {
        tls = TestTls.forHost("images.test", certificateDirectory);
    }

    private final UrlPolicy loopback = UrlPolicy.builder().allow(AddressRange.LOOPBACK).build();
    private final Downloader downloader = Downloader.builder().policy(loopback).build();

    @Test
    void fetchesTheBodyAndContentType() {
        try (TestOrigin origin = TestOrigin.http().serve("/cat.png", IMAGE, "image/png")) {
            Download.Fetched fetched = fetched(downloader.fetch(origin.url("/cat.png")));

            assertThat(fetched.body()).isEqualTo(IMAGE);
            assertThat(fetched.contentType()).isEqualTo("image/png");
            assertThat(fetched.url()).isEqualTo(origin.url("/cat.png"));
        }
    }

    @Test
    void sendsPathAndQueryButNotTheFragmentAndAHostHeaderWithThePort() {
        try (TestOrigin origin = TestOrigin.http().serve("/", IMAGE, "image/png")) {
            downloader.fetch(origin.url("/a/b%20c.png?size=large&x=1#frag"));

            assertThat(origin.seen()).singleElement().satisfies(seen -> {
                assertThat(seen.method()).isEqualTo("GET");
                assertThat(seen.target()).isEqualTo("/a/b%20c.png?size=large&x=1");
                assertThat(seen.host()).isEqualTo("127.0.0.1:" + origin.port());
            });
        }
    }

    @Test
    void loopbackIsRefusedByTheDefaultPolicyBeforeAnyConnection() {
        try (TestOrigin origin = TestOrigin.http().serve("/cat.png", IMAGE, "image/png")) {
            Download.Failed failed = failed(Downloader.builder().build().fetch(origin.url("/cat.png")),
                    Download.Reason.REFUSED);

            assertThat(failed.message()).contains("127.0.0.1", "loopback");
            assertThat(origin.seen()).isEmpty();
        }
    }

    @Test
    void connectsToTheAddressThatWasCheckedAndNeverResolvesAgain() {
        // DNS rebinding: the first answer passes the check, later answers point elsewhere
        AtomicInteger lookups = new AtomicInteger();
        HostResolver rebinding = host -> List.of(InetAddress.getByName(
                lookups.getAndIncrement() == 0 ? "127.0.0.1" : "10.0.0.1"));
        Downloader pinned = Downloader.builder()
                .policy(UrlPolicy.builder().allow(AddressRange.LOOPBACK).resolver(rebinding).build()).build();

        try (TestOrigin origin = TestOrigin.http().serve("/cat.png", IMAGE, "image/png")) {
            Download.Fetched fetched = fetched(pinned.fetch(origin.url("images.test", "/cat.png")));

            assertThat(fetched.body()).isEqualTo(IMAGE);
            assertThat(lookups).hasValue(1);
            assertThat(origin.seen()).singleElement()
                    .satisfies(seen -> assertThat(seen.host()).isEqualTo("images.test:" + origin.port()));
        }
    }

    @Test
    void followsARelativeRedirect() {
        try (TestOrigin origin = TestOrigin.http()
                .redirect("/old.png", 301, "/new.png")
                .serve("/new.png", IMAGE, "image/png")) {
            Download.Fetched fetched = fetched(downloader.fetch(origin.url("/old.png")));

            assertThat(fetched.body()).isEqualTo(IMAGE);
            assertThat(fetched.url()).isEqualTo(origin.url("/new.png"));
        }
    }

    @Test
    void checksEveryRedirectTargetAgainstThePolicy() {
        try (TestOrigin origin = TestOrigin.http()
                .redirect("/steal", 302, "http://169.254.169.254/latest/meta-data/iam/")) {
            Download.Failed failed = failed(downloader.fetch(origin.url("/steal")), Download.Reason.REFUSED);

            assertThat(failed.message()).startsWith("redirect refused").contains("169.254.169.254", "link-local");
        }
    }

    @Test
    void refusesARedirectToAnotherScheme() {
        try (TestOrigin origin = TestOrigin.http().redirect("/file", 307, "file:///etc/passwd")) {
            Download.Failed failed = failed(downloader.fetch(origin.url("/file")), Download.Reason.REFUSED);

            assertThat(failed.message()).contains("scheme \"file\"");
        }
    }

    @Test
    void stopsARedirectLoop() {
        try (TestOrigin origin = TestOrigin.http().redirect("/loop", 302, "/loop")) {
            Download.Failed failed = failed(downloader.fetch(origin.url("/loop")), Download.Reason.TOO_MANY_REDIRECTS);

            assertThat(failed.message()).contains("more than 5 redirects");
            assertThat(origin.seen()).hasSize(6);
        }
    }

    @Test
    void reportsANonSuccessStatus() {
        try (TestOrigin origin = TestOrigin.http().handle("/missing.png", e -> e.sendResponseHeaders(404, -1))) {
            Download.Failed failed = failed(downloader.fetch(origin.url("/missing.png")), Download.Reason.HTTP_STATUS);

            assertThat(failed.message()).startsWith("HTTP 404");
        }
    }

    @Test
    void refusesAnAnnouncedLengthOverTheLimitWithoutReadingIt() throws Exception {
        try (ScriptedServer server = ScriptedServer.answering(
                "HTTP/1.1 200 OK\r\nContent-Type: image/png\r\nContent-Length: 50000000\r\n\r\nxxxx")) {
            Download.Failed failed = failed(Downloader.builder().policy(loopback).maxBytes(1 << 20).build()
                    .fetch(server.url("/big.png")), Download.Reason.TOO_LARGE);

            assertThat(failed.message()).contains("1048576", "announced 50000000 bytes");
        }
    }

    @Test
    void countsAChunkedBodyAgainstTheLimitWhileReading() {
        byte[] big = new byte[300_000];
        try (TestOrigin origin = TestOrigin.http().handle("/big.png", e -> {
            e.sendResponseHeaders(200, 0); // 0 = chunked
            try (OutputStream out = e.getResponseBody()) {
                for (int i = 0; i < 10; i++) {
                    out.write(big);
                }
            } catch (java.io.IOException clientLeft) {
                // the downloader hangs up once the limit is passed
            }
        })) {
            Download.Failed failed = failed(Downloader.builder().policy(loopback).maxBytes(1 << 20).build()
                    .fetch(origin.url("/big.png")), Download.Reason.TOO_LARGE);

            assertThat(failed.message()).contains("1048576");
        }
    }

    @Test
    void readsAChunkedBodyWithinTheLimit() throws Exception {
        try (ScriptedServer server = ScriptedServer.answering("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
                + "5;ext=1\r\nhello\r\n7\r\n, world\r\n0\r\nTrailer: x\r\n\r\n")) {
            assertThat(fetched(downloader.fetch(server.url("/"))).body())
                    .isEqualTo("hello, world".getBytes(StandardCharsets.US_ASCII));
        }
    }

    @Test
    void readsABodyDelimitedByTheEndOfTheConnection() throws Exception {
        try (ScriptedServer server = ScriptedServer.answering("HTTP/1.0 200 OK\r\nContent-Type: image/gif\r\n\r\nGIF89a...")) {
            Download.Fetched fetched = fetched(downloader.fetch(server.url("/")));

            assertThat(fetched.body()).isEqualTo("GIF89a...".getBytes(StandardCharsets.US_ASCII));
            assertThat(fetched.contentType()).isEqualTo("image/gif");
        }
    }

    @Test
    void skipsInterimResponses() throws Exception {
        try (ScriptedServer server = ScriptedServer.answering(
                "HTTP/1.1 103 Early Hints\r\nLink: </a.css>\r\n\r\nHTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok")) {
            assertThat(fetched(downloader.fetch(server.url("/"))).body()).isEqualTo(new byte[] {'o', 'k'});
        }
    }

    @Test
    void aTricklingServerRunsIntoTheDeadline() throws Exception {
        try (ScriptedServer server = new ScriptedServer(out -> {
            out.write("HTTP/1.1 200 OK\r\nContent-Length: 1000000\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            for (int i = 0; i < 1_000_000; i++) {
                out.write('x');
                out.flush();
                Delays.sleep(Delays.SHORT);
            }
        })) {
            Download.Failed failed = failed(Downloader.builder().policy(loopback).timeout(Delays.MEDIUM).build()
                    .fetch(server.url("/slow.png")), Download.Reason.TIMED_OUT);

            assertThat(failed.message()).startsWith("no complete response within");
        }
    }

    @Test
    void aSilentServerRunsIntoTheDeadline() throws Exception {
        try (ScriptedServer server = ScriptedServer.silent()) {
            failed(Downloader.builder().policy(loopback).timeout(Delays.MEDIUM).build().fetch(server.url("/")),
                    Download.Reason.TIMED_OUT);
        }
    }

    @Test
    void aClosedPortIsUnreachable() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }

        Download.Failed failed = failed(downloader.fetch(URI.create("http://127.0.0.1:" + port + "/")),
                Download.Reason.UNREACHABLE);

        assertThat(failed.message()).contains("could not connect to 127.0.0.1 port " + port);
    }

    @Test
    void anUnknownHostIsReportedAsSuch() {
        Downloader nowhere = Downloader.builder().policy(UrlPolicy.builder().resolver(host -> {
            throw new UnknownHostException(host);
        }).build()).build();

        failed(nowhere.fetch(URI.create("http://nowhere.test/a.png")), Download.Reason.UNKNOWN_HOST);
    }

    @Test
    void refusesAMalformedStatusLine() throws Exception {
        try (ScriptedServer server = ScriptedServer.answering("SSH-2.0-OpenSSH_9.6\r\n")) {
            Download.Failed failed = failed(downloader.fetch(server.url("/")), Download.Reason.PROTOCOL);

            assertThat(failed.message()).contains("not an HTTP/1.x status line", "SSH-2.0");
        }
    }

    @Test
    void refusesConflictingContentLengths() throws Exception {
        try (ScriptedServer server = ScriptedServer.answering(
                "HTTP/1.1 200 OK\r\nContent-Length: 2\r\nContent-Length: 20\r\n\r\nok")) {
            failed(downloader.fetch(server.url("/")), Download.Reason.PROTOCOL);
        }
    }

    @Test
    void refusesACompressedBody() throws Exception {
        try (ScriptedServer server = ScriptedServer.answering(
                "HTTP/1.1 200 OK\r\nContent-Encoding: gzip\r\nContent-Length: 2\r\n\r\nok")) {
            Download.Failed failed = failed(downloader.fetch(server.url("/")), Download.Reason.PROTOCOL);

            assertThat(failed.message()).contains("gzip");
        }
    }

    @Test
    void reportsABodyCutShort() throws Exception {
        try (ScriptedServer server = ScriptedServer.answering("HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\nonly this")) {
            Download.Failed failed = failed(downloader.fetch(server.url("/")), Download.Reason.PROTOCOL);

            assertThat(failed.message()).contains("after 9 of 100 bytes");
        }
    }

    @Test
    void refusesEndlessHeaders() throws Exception {
        try (ScriptedServer server = new ScriptedServer(out -> {
            out.write("HTTP/1.1 200 OK\r\n".getBytes(StandardCharsets.US_ASCII));
            byte[] header = ("X-Padding: " + "x".repeat(1000) + "\r\n").getBytes(StandardCharsets.US_ASCII);
            for (int i = 0; i < 100; i++) {
                out.write(header);
            }
        })) {
            Download.Failed failed = failed(downloader.fetch(server.url("/")), Download.Reason.PROTOCOL);

            assertThat(failed.message()).contains("longer than 65536 bytes");
        }
    }

    @Test
    void httpsChecksTheCertificateAgainstTheHostName() {
        HostResolver toLoopback = host -> List.of(InetAddress.getLoopbackAddress());
        Downloader trusting = Downloader.builder().sslContext(tls.client())
                .policy(UrlPolicy.builder().allow(AddressRange.LOOPBACK).resolver(toLoopback).build()).build();

        try (TestOrigin origin = TestOrigin.https(tls.server()).serve("/cat.png", IMAGE, "image/png")) {
            assertThat(fetched(trusting.fetch(origin.url("images.test", "/cat.png"))).body()).isEqualTo(IMAGE);

            Download.Failed wrongName = failed(trusting.fetch(origin.url("other.test", "/cat.png")), Download.Reason.TLS);
            assertThat(wrongName.message()).contains("other.test");
        }
    }

    @Test
    void httpsRefusesAnUntrustedCertificate() {
        Downloader defaultTrust = Downloader.builder().policy(UrlPolicy.builder().allow(AddressRange.LOOPBACK)
                .resolver(host -> List.of(InetAddress.getLoopbackAddress())).build()).build();

        try (TestOrigin origin = TestOrigin.https(tls.server()).serve("/cat.png", IMAGE, "image/png")) {
            failed(defaultTrust.fetch(origin.url("images.test", "/cat.png")), Download.Reason.TLS);
        }
    }

    @Test
    void interruptingAVirtualThreadStopsTheDownload() throws Exception {
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        AtomicReference<Boolean> statusAfter = new AtomicReference<>();
        try (ScriptedServer server = ScriptedServer.silent()) {
            Thread fetching;
            try (TestThreads threads = new TestThreads()) {
                fetching = threads.startVirtual(() -> {
                    try {
                        downloader.fetch(server.url("/"));
                    } catch (Throwable t) {
                        thrown.set(t);
                        statusAfter.set(Thread.currentThread().isInterrupted());
                    }
                });
                server.awaitConnection();
                Delays.sleep(Delays.SHORT); // let the request be written and the read begin
                fetching.interrupt();
            }
        }
        assertThat(thrown.get()).isInstanceOf(UncheckedInterruptedException.class);
        assertThat(statusAfter.get()).isTrue();
    }

    @Test
    void anInterruptedCallerDoesNotStart() {
        try (TestOrigin origin = TestOrigin.http().serve("/cat.png", IMAGE, "image/png")) {
            Thread.currentThread().interrupt();
            try {
                assertThatThrownBy(() -> downloader.fetch(origin.url("/cat.png")))
                        .isInstanceOf(UncheckedInterruptedException.class);
            } finally {
                Thread.interrupted();
            }
            assertThat(origin.seen()).isEmpty();
        }
    }

    @Test
    void builderRejectsBadLimits() {
        assertThatThrownBy(() -> Downloader.builder().timeout(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("timeout");
        assertThatThrownBy(() -> Downloader.builder().connectTimeout(Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("connectTimeout");
        assertThatThrownBy(() -> Downloader.builder().maxBytes(0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxBytes");
        assertThatThrownBy(() -> Downloader.builder().maxRedirects(21))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxRedirects");
    }

    @Test
    void nullArgumentsAreNamed() {
        assertThatThrownBy(() -> downloader.fetch(null)).isInstanceOf(NullPointerException.class).hasMessageContaining("url");
        assertThatThrownBy(() -> Downloader.builder().policy(null)).hasMessageContaining("policy");
        assertThatThrownBy(() -> Downloader.builder().sslContext(null)).hasMessageContaining("sslContext");
    }

    private static Download.Fetched fetched(Download download) {
        assertThat(download).isInstanceOf(Download.Fetched.class);
        return (Download.Fetched) download;
    }

    private static Download.Failed failed(Download download, Download.Reason reason) {
        assertThat(download).isInstanceOf(Download.Failed.class);
        Download.Failed failed = (Download.Failed) download;
        assertThat(failed.reason()).as(failed.message()).isEqualTo(reason);
        return failed;
    }
}
