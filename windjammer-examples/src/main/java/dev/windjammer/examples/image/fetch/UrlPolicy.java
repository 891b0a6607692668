package dev.windjammer.examples.image.fetch;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * Decides whether a URL may be fetched on behalf of a client, against server-side request
 * forgery: only {@code http} and {@code https}, no credentials in the URL, and a host whose
 * every resolved address is in an allowed {@link AddressRange} — {@link AddressRange#PUBLIC}
 * only, unless the configuration allows more (tests allow {@link AddressRange#LOOPBACK}).
 *
 * <p>The decision carries the addresses it checked: a caller must connect to exactly those
 * ({@link Downloader} does) and must not resolve the name again, or a DNS server that answers
 * differently the second time (DNS rebinding) walks past the check. Immutable and thread-safe.
 */
public final class UrlPolicy {
    /*
     * Overview
     *   check(url): scheme -> host present -> no user-info -> port in range -> resolve ONCE
     *   (HostResolver) -> every address allowed -> Allowed(host, port, addresses). A host is
     *   refused if ANY of its addresses is refused, not only if all are: a name answering
     *   with one public and one internal address is a classic way to get a client to try the
     *   internal one (connections fall back through the list).
     *
     *   Classifying the resolved address, not the spelling of the host, makes every way of
     *   writing an address (decimal "2130706433", "127.1", "[::ffff:7f00:1]", a name in
     *   /etc/hosts, a DNS record pointing at 10.0.0.1) land in the same place: whatever
     *   InetAddress the JDK produces is what the socket would connect to.
     *
     *   Ports are not restricted: the ranges already keep the fetch off internal services,
     *   and images are served from arbitrary ports in the wild.
     */

    private final Set<AddressRange> allowed;
    private final HostResolver resolver;

    private UrlPolicy(Set<AddressRange> allowed, HostResolver resolver) {
        this.allowed = Set.copyOf(allowed);
        this.resolver = resolver;
    }

    /**
     * The production policy: public addresses only, the system resolver.
     *
     * @return the policy
     */
    public static UrlPolicy publicOnly() {
        return builder().build();
    }

    /**
     * Returns a builder that starts from {@link #publicOnly()}.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Checks {@code url} and resolves its host once.
     *
     * @param url an absolute URL
     * @return the addresses to connect to, or why not
     * @throws NullPointerException if {@code url} is null
     */
    public Decision check(URI url) {
        Objects.requireNonNull(url, "url");
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            return new Decision.Refused(Decision.Why.SCHEME, scheme.isEmpty()
                    ? "not an absolute URL (no scheme); only http and https are allowed"
                    : "scheme \"" + scheme + "\" is not allowed; only http and https are");
        }
        if (url.getRawUserInfo() != null) {
            return new Decision.Refused(Decision.Why.CREDENTIALS, "credentials in the URL are not allowed");
        }
        String host = url.getHost();
        if (host == null || host.isEmpty()) {
            return new Decision.Refused(Decision.Why.NO_HOST, "the URL has no (valid) host");
        }
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        int port = url.getPort() == -1 ? (scheme.equals("https") ? 443 : 80) : url.getPort();
        if (port < 1 || port > 65_535) {
            return new Decision.Refused(Decision.Why.NO_HOST, "port " + port + " is out of range");
        }
        List<InetAddress> addresses;
        try {
            addresses = List.copyOf(resolver.resolve(host));
        } catch (UnknownHostException e) {
            return new Decision.Refused(Decision.Why.UNKNOWN_HOST, "host \"" + host + "\" does not resolve");
        }
        if (addresses.isEmpty()) {
            return new Decision.Refused(Decision.Why.UNKNOWN_HOST, "host \"" + host + "\" has no addresses");
        }
        for (InetAddress address : addresses) {
            AddressRange range = AddressRange.of(address);
            if (!allowed.contains(range)) {
                return new Decision.Refused(Decision.Why.ADDRESS, "host \"" + host + "\" resolves to "
                        + address.getHostAddress() + ", " + range.phrase() + ", which is not allowed");
            }
        }
        return new Decision.Allowed(url, scheme.equals("https"), host, port, addresses);
    }

    /**
     * Returns the ranges this policy allows.
     *
     * @return always contains {@link AddressRange#PUBLIC}
     */
    public Set<AddressRange> allowedRanges() {
        return allowed;
    }

    @Override
    public String toString() {
        return "UrlPolicy[allowed=" + allowed + "]";
    }

    /** The outcome of {@link #check(URI)}. */
    public sealed interface Decision {

        /**
         * The URL may be fetched from exactly these addresses.
         *
         * @param url       the URL that was checked
         * @param tls       {@code true} for https
         * @param host      the host as resolved (without IPv6 brackets), for TLS and the
         *                  {@code Host} header
         * @param port      the port, defaulted from the scheme
         * @param addresses the checked addresses, in the resolver's order
         */
        record Allowed(URI url, boolean tls, String host, int port, List<InetAddress> addresses)
                implements Decision {
        }

        /**
         * The URL must not be fetched.
         *
         * @param why     the category
         * @param message what was refused, for people
         */
        record Refused(Why why, String message) implements Decision {
        }

        /** Why a URL was refused. */
        enum Why {
            /** Not http or https. */
            SCHEME,
            /** User-info ({@code user:password@}) in the URL. */
            CREDENTIALS,
            /** No host, or no usable port. */
            NO_HOST,
            /** The host does not resolve. */
            UNKNOWN_HOST,
            /** The host resolves to an address in a range that is not allowed. */
            ADDRESS
        }
    }

    /** Configures a {@link UrlPolicy}. Not thread-safe. */
    public static final class Builder {
        private final EnumSet<AddressRange> allowed = EnumSet.of(AddressRange.PUBLIC);
        private HostResolver resolver = HostResolver.system();

        private Builder() {
        }

        /**
         * Allows addresses in {@code range} too (e.g. {@link AddressRange#LOOPBACK} for tests
         * and local demos, {@link AddressRange#PRIVATE} for an intranet deployment).
         *
         * @param range a range
         * @return this builder
         * @throws NullPointerException if {@code range} is null
         */
        public Builder allow(AddressRange range) {
            allowed.add(Objects.requireNonNull(range, "range"));
            return this;
        }

        /**
         * Uses {@code resolver} instead of the system resolver.
         *
         * @param resolver the resolver
         * @return this builder
         * @throws NullPointerException if {@code resolver} is null
         */
        public Builder resolver(HostResolver resolver) {
            this.resolver = Objects.requireNonNull(resolver, "resolver");
            return this;
        }

        /**
         * Creates the policy.
         *
         * @return an immutable policy
         */
        public UrlPolicy build() {
            return new UrlPolicy(allowed, resolver);
        }
    }
}
