package dev.windjammer.examples.image.fetch;

import dev.windjammer.UncheckedInterruptedException;
import dev.windjammer.examples.image.fetch.Download.Reason;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

/**
 * Downloads one URL under a {@link UrlPolicy}: connects only to the addresses the policy
 * checked (never resolving the name again), follows redirects itself and checks each target
 * like the original URL, and bounds the whole download — redirects included — by one
 * deadline and the body by a size limit.
 *
 * <pre>{@code
 * Downloader downloader = Downloader.builder().timeout(Duration.ofSeconds(10)).maxBytes(10 << 20).build();
 * List<Download> downloads = Async.joinAll(urls.stream().map(u -> (Callable<Download>) () -> downloader.fetch(u)).toList());
 * }</pre>
 *
 * <p>Immutable and thread-safe; {@link #fetch(URI)} blocks its thread, which is meant to be a
 * virtual thread (thousands may wait on slow servers at once).
 */
public final class Downloader {
    /*
     * Overview
     *   fetch: for each hop (the URL, then each redirect target, at most maxRedirects):
     *     policy.check(url)          -> the addresses, resolved once, every one allowed
     *     connect to them in order   -> plain Socket with Proxy.NO_PROXY (a proxy would do
     *                                   its own resolution), to the InetAddress objects
     *     TLS for https              -> SSLSocket layered on that socket, SNI and
     *                                   certificate checked against the URL's host name
     *                                   (endpoint identification "HTTPS"), not the address
     *     HttpExchange.get           -> a body, or a redirect to check and follow
     *   This is why downloads do not go through java.net.http.HttpClient: it resolves the
     *   host itself when it connects and has no per-client resolver, so a policy check
     *   before send() leaves a time-of-check/time-of-use gap that DNS rebinding (a TTL-0
     *   record answering public, then 127.0.0.1) walks through; JEP 418's resolver SPI is
     *   JVM-wide and would govern every other lookup of the process too (docs/adr/0052).
     *
     * Time
     *   One deadline (System.nanoTime) for the whole fetch. Each connect waits at most
     *   min(connectTimeout, time left); every read waits at most the time left.
     *
     * Cancellation
     *   Interrupting the fetching thread stops it: on a virtual thread the blocked socket
     *   operation is aborted and the socket closed; on a platform thread the interrupt is
     *   seen at the next step. Either way fetch throws UncheckedInterruptedException with
     *   the interrupt status set, never a Download.Failed: a cancelled download is not a
     *   verdict on the URL.
     */

    /** Default limit for the whole download, redirects included. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);
    /** Default limit for establishing one connection. */
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(3);
    /** Default body size limit: 10 MiB. */
    public static final long DEFAULT_MAX_BYTES = 10L << 20;
    /** Default number of redirects followed. */
    public static final int DEFAULT_MAX_REDIRECTS = 5;

    private static final String USER_AGENT = "windjammer-image-service/0.1";

    private final UrlPolicy policy;
    private final Duration timeout;
    private final Duration connectTimeout;
    private final long maxBytes;
    private final int maxRedirects;
    private final SSLSocketFactory tls;

    private Downloader(Builder builder) {
        this.policy = builder.policy;
        this.timeout = builder.timeout;
        this.connectTimeout = builder.connectTimeout;
        this.maxBytes = builder.maxBytes;
        this.maxRedirects = builder.maxRedirects;
        this.tls = builder.sslContext.getSocketFactory();
    }

    /**
     * Returns a builder with the defaults: {@link UrlPolicy#publicOnly()}, 10 s, 3 s to connect,
     * 10 MiB, 5 redirects, the JDK's default TLS trust.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Downloads {@code url}. Failures of the URL, the network or the server are returned as a
     * {@link Download.Failed}; nothing about the remote side makes this method throw.
     *
     * @param url an absolute http or https URL
     * @return the body, or why there is none
     * @throws NullPointerException          if {@code url} is null
     * @throws UncheckedInterruptedException if the thread is interrupted (status set again)
     */
    public Download fetch(URI url) {
        Objects.requireNonNull(url, "url");
        long deadline = System.nanoTime() + timeout.toNanos();
        URI current = url;
        try {
            for (int redirects = 0; ; redirects++) {
                checkInterrupt();
                UrlPolicy.Decision.Allowed target = allowed(policy.check(current), redirects, url);
                HttpExchange.Response response = exchange(target, deadline);
                if (response instanceof HttpExchange.Response.Body body) {
                    if (body.status() < 200 || body.status() > 299) {
                        throw new DownloadFailedException(Reason.HTTP_STATUS, "HTTP " + body.status()
                                + (body.reasonPhrase().isEmpty() ? "" : " " + body.reasonPhrase())
                                + (redirects > 0 ? " from " + current : ""));
                    }
                    return new Download.Fetched(current, body.contentType(), body.bytes());
                }
                HttpExchange.Response.Redirect redirect = (HttpExchange.Response.Redirect) response;
                if (redirects == maxRedirects) {
                    throw new DownloadFailedException(Reason.TOO_MANY_REDIRECTS,
                            "more than " + maxRedirects + " redirects (the last to " + redirect.location() + ")");
                }
                current = redirect.location();
            }
        } catch (DownloadFailedException e) {
            return new Download.Failed(e.reason(), e.getMessage());
        }
    }

    private static UrlPolicy.Decision.Allowed allowed(UrlPolicy.Decision decision, int redirects, URI original)
            throws DownloadFailedException {
        if (decision instanceof UrlPolicy.Decision.Allowed allowed) {
            return allowed;
        }
        UrlPolicy.Decision.Refused refused = (UrlPolicy.Decision.Refused) decision;
        Reason reason = refused.why() == UrlPolicy.Decision.Why.UNKNOWN_HOST ? Reason.UNKNOWN_HOST : Reason.REFUSED;
        String message = redirects == 0 ? refused.message() : "redirect refused: " + refused.message();
        throw new DownloadFailedException(reason, message);
    }

    private HttpExchange.Response exchange(UrlPolicy.Decision.Allowed target, long deadline)
            throws DownloadFailedException {
        Socket socket = connect(target, deadline);
        try (Socket open = socket) {
            Socket channel = target.tls() ? handshake(open, target, deadline) : open;
            return HttpExchange.get(channel, target, USER_AGENT, maxBytes, deadline);
        } catch (SocketTimeoutException e) {
            checkInterrupt();
            throw timedOut();
        } catch (SSLException e) {
            checkInterrupt();
            throw new DownloadFailedException(Reason.TLS, "TLS with " + target.host() + " failed: " + e.getMessage());
        } catch (IOException e) {
            checkInterrupt();
            throw new DownloadFailedException(Reason.PROTOCOL, "the connection to " + target.host()
                    + " failed during the exchange: " + describe(e));
        }
    }

    private Socket connect(UrlPolicy.Decision.Allowed target, long deadline) throws DownloadFailedException {
        List<InetAddress> addresses = target.addresses();
        StringBuilder failures = new StringBuilder();
        for (InetAddress address : addresses) {
            long left = millisLeft(deadline);
            if (left <= 0) {
                throw timedOut();
            }
            Socket socket = new Socket(Proxy.NO_PROXY);
            try {
                socket.connect(new InetSocketAddress(address, target.port()),
                        (int) Math.max(1, Math.min(left, connectTimeout.toMillis())));
                return socket;
            } catch (IOException e) {
                closeQuietly(socket);
                checkInterrupt();
                failures.append(failures.isEmpty() ? "" : "; ").append(address.getHostAddress()).append(": ")
                        .append(e instanceof SocketTimeoutException ? "connect timed out" : describe(e));
            }
        }
        throw new DownloadFailedException(Reason.UNREACHABLE,
                "could not connect to " + target.host() + " port " + target.port() + " (" + failures + ")");
    }

    private Socket handshake(Socket socket, UrlPolicy.Decision.Allowed target, long deadline) throws IOException {
        SSLSocket ssl = (SSLSocket) tls.createSocket(socket, target.host(), target.port(), true);
        SSLParameters parameters = ssl.getSSLParameters();
        parameters.setEndpointIdentificationAlgorithm("HTTPS");
        if (!isIpLiteral(target.host())) {
            parameters.setServerNames(List.of(new SNIHostName(target.host())));
        }
        ssl.setSSLParameters(parameters);
        long left = millisLeft(deadline);
        if (left <= 0) {
            throw new SocketTimeoutException("deadline passed before the TLS handshake");
        }
        ssl.setSoTimeout((int) Math.min(Integer.MAX_VALUE, left));
        ssl.startHandshake();
        return ssl;
    }

    private static boolean isIpLiteral(String host) {
        return host.indexOf(':') >= 0 || host.chars().allMatch(c -> c == '.' || (c >= '0' && c <= '9'));
    }

    private DownloadFailedException timedOut() {
        return new DownloadFailedException(Reason.TIMED_OUT, "no complete response within " + describe(timeout));
    }

    private static void checkInterrupt() {
        if (Thread.currentThread().isInterrupted()) {
            throw UncheckedInterruptedException.interrupted("a download", null);
        }
    }

    static long millisLeft(long deadline) {
        return Math.floorDiv(deadline - System.nanoTime(), 1_000_000L);
    }

    private static String describe(Duration duration) {
        return duration.toMillis() % 1000 == 0 ? duration.toSeconds() + " s" : duration.toMillis() + " ms";
    }

    private static String describe(IOException e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // nothing was sent on it
        }
    }

    @Override
    public String toString() {
        return "Downloader[" + policy + ", timeout=" + timeout + ", connectTimeout=" + connectTimeout
                + ", maxBytes=" + maxBytes + ", maxRedirects=" + maxRedirects + "]";
    }

    /** Configures a {@link Downloader}. Not thread-safe. */
    public static final class Builder {
        private UrlPolicy policy = UrlPolicy.publicOnly();
        private Duration timeout = DEFAULT_TIMEOUT;
        private Duration connectTimeout = DEFAULT_CONNECT_TIMEOUT;
        private long maxBytes = DEFAULT_MAX_BYTES;
        private int maxRedirects = DEFAULT_MAX_REDIRECTS;
        private SSLContext sslContext;

        private Builder() {
        }

        /**
         * Sets the policy that checks the URL and every redirect target.
         *
         * @param policy the policy
         * @return this builder
         * @throws NullPointerException if {@code policy} is null
         */
        public Builder policy(UrlPolicy policy) {
            this.policy = Objects.requireNonNull(policy, "policy");
            return this;
        }

        /**
         * Sets the limit for the whole download, redirects included.
         *
         * @param timeout a positive duration
         * @return this builder
         * @throws IllegalArgumentException if {@code timeout} is not positive
         */
        public Builder timeout(Duration timeout) {
            this.timeout = positive(timeout, "timeout");
            return this;
        }

        /**
         * Sets the limit for establishing one connection (each address of a host gets at most
         * this long, all within the overall timeout).
         *
         * @param connectTimeout a positive duration
         * @return this builder
         * @throws IllegalArgumentException if {@code connectTimeout} is not positive
         */
        public Builder connectTimeout(Duration connectTimeout) {
            this.connectTimeout = positive(connectTimeout, "connectTimeout");
            return this;
        }

        /**
         * Sets the largest body accepted.
         *
         * @param maxBytes 1 byte to 1 GiB
         * @return this builder
         * @throws IllegalArgumentException if out of range
         */
        public Builder maxBytes(long maxBytes) {
            if (maxBytes < 1 || maxBytes > (1L << 30)) {
                throw new IllegalArgumentException("maxBytes must be between 1 and 1 GiB, got " + maxBytes);
            }
            this.maxBytes = maxBytes;
            return this;
        }

        /**
         * Sets how many redirects are followed.
         *
         * @param maxRedirects 0 to 20
         * @return this builder
         * @throws IllegalArgumentException if out of range
         */
        public Builder maxRedirects(int maxRedirects) {
            if (maxRedirects < 0 || maxRedirects > 20) {
                throw new IllegalArgumentException("maxRedirects must be between 0 and 20, got " + maxRedirects);
            }
            this.maxRedirects = maxRedirects;
            return this;
        }

        /**
         * Sets the TLS context (trust store) for https; the JDK's default otherwise.
         *
         * @param sslContext an initialised context
         * @return this builder
         * @throws NullPointerException if {@code sslContext} is null
         */
        public Builder sslContext(SSLContext sslContext) {
            this.sslContext = Objects.requireNonNull(sslContext, "sslContext");
            return this;
        }

        /**
         * Creates the downloader.
         *
         * @return an immutable downloader
         * @throws IllegalStateException if the JDK has no default TLS context
         */
        public Downloader build() {
            if (sslContext == null) {
                try {
                    sslContext = SSLContext.getDefault();
                } catch (NoSuchAlgorithmException e) {
                    throw new IllegalStateException("the JDK has no default TLS context", e);
                }
            }
            return new Downloader(this);
        }

        private static Duration positive(Duration value, String name) {
            Objects.requireNonNull(value, name);
            if (value.isNegative() || value.isZero()) {
                throw new IllegalArgumentException(name + " must be positive, got " + value);
            }
            return value;
        }
    }
}
