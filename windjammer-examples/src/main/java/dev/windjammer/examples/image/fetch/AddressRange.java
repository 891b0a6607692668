package dev.windjammer.examples.image.fetch;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.Objects;

/**
 * The special-purpose address ranges a server-side fetch must not reach unless allowed, and
 * {@link #PUBLIC} for the rest. IPv6 addresses that embed an IPv4 address (v4-mapped
 * {@code ::ffff:a.b.c.d}, v4-compatible {@code ::a.b.c.d}, NAT64 {@code 64:ff9b::/96}, 6to4
 * {@code 2002::/16}) are classified by the IPv4 address they carry, so {@code ::ffff:127.0.0.1}
 * is {@link #LOOPBACK}.
 */
public enum AddressRange {
    /** Anywhere on the internet: always allowed. */
    PUBLIC,
    /** {@code 127.0.0.0/8}, {@code ::1}. */
    LOOPBACK,
    /**
     * Private networks: {@code 10.0.0.0/8}, {@code 172.16.0.0/12}, {@code 192.168.0.0/16},
     * the carrier-grade NAT space {@code 100.64.0.0/10}, deprecated IPv6 site-local
     * {@code fec0::/10} and local-use NAT64 {@code 64:ff9b:1::/48}.
     */
    PRIVATE,
    /** {@code 169.254.0.0/16} (cloud metadata services live here), {@code fe80::/10}. */
    LINK_LOCAL,
    /** IPv6 unique-local {@code fc00::/7}. */
    UNIQUE_LOCAL,
    /** {@code 224.0.0.0/4}, {@code ff00::/8}. */
    MULTICAST,
    /** The unspecified address {@code 0.0.0.0}, {@code ::} (on Linux, connecting to it reaches this host). */
    ANY_LOCAL,
    /**
     * Not routable on the internet for other reasons: {@code 0.0.0.0/8}, {@code 240.0.0.0/4}
     * with the broadcast address, {@code 192.0.0.0/24}, documentation {@code 192.0.2.0/24},
     * {@code 198.51.100.0/24}, {@code 203.0.113.0/24}, {@code 2001:db8::/32}, benchmarking
     * {@code 198.18.0.0/15}, discard {@code 100::/64}, Teredo {@code 2001::/32}.
     */
    RESERVED;

    /**
     * Classifies {@code address}.
     *
     * @param address an IPv4 or IPv6 address
     * @return its range
     * @throws NullPointerException if {@code address} is null
     */
    public static AddressRange of(InetAddress address) {
        Objects.requireNonNull(address, "address");
        byte[] b = address.getAddress();
        if (address instanceof Inet4Address) {
            return ofIpv4(b[0] & 0xff, b[1] & 0xff, b[2] & 0xff, b[3] & 0xff);
        }
        if (address instanceof Inet6Address) {
            return ofIpv6(b);
        }
        throw new IllegalArgumentException("unknown address type: " + address);
    }

    private static AddressRange ofIpv4(int a, int b, int c, int d) {
        if (a == 0) {
            return (b | c | d) == 0 ? ANY_LOCAL : RESERVED;
        }
        if (a == 127) {
            return LOOPBACK;
        }
        if (a == 10 || (a == 172 && (b & 0xf0) == 16) || (a == 192 && b == 168) || (a == 100 && (b & 0xc0) == 64)) {
            return PRIVATE;
        }
        if (a == 169 && b == 254) {
            return LINK_LOCAL;
        }
        if ((a & 0xf0) == 224) {
            return MULTICAST;
        }
        if ((a & 0xf0) == 240
                || (a == 192 && b == 0 && (c == 0 || c == 2))
                || (a == 198 && (b & 0xfe) == 18)
                || (a == 198 && b == 51 && c == 100)
                || (a == 203 && b == 0 && c == 113)) {
            return RESERVED;
        }
        return PUBLIC;
    }

    private static AddressRange ofIpv6(byte[] b) {
        boolean firstTenZero = allZero(b, 0, 10);
        if (firstTenZero && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff) {
            return embedded(b, 12); // ::ffff:a.b.c.d
        }
        if (firstTenZero && b[10] == 0 && b[11] == 0) {
            if (allZero(b, 12, 16)) {
                return ANY_LOCAL; // ::
            }
            if (allZero(b, 12, 15) && b[15] == 1) {
                return LOOPBACK; // ::1
            }
            return embedded(b, 12); // ::a.b.c.d, deprecated v4-compatible
        }
        int first = ((b[0] & 0xff) << 8) | (b[1] & 0xff);
        int second = ((b[2] & 0xff) << 8) | (b[3] & 0xff);
        if (first == 0x0064 && second == 0xff9b) {
            if (allZero(b, 4, 12)) {
                return embedded(b, 12); // NAT64 64:ff9b::/96
            }
            if (((b[4] & 0xff) << 8 | (b[5] & 0xff)) == 1) {
                return PRIVATE; // 64:ff9b:1::/48, local-use NAT64
            }
        }
        if (first == 0x2002) {
            return embedded(b, 2); // 6to4
        }
        if (first == 0x2001 && second == 0) {
            return RESERVED; // Teredo: the client's IPv4 address is obfuscated inside
        }
        if (first == 0x2001 && second == 0x0db8) {
            return RESERVED;
        }
        if (first == 0x0100 && allZero(b, 2, 8)) {
            return RESERVED; // discard prefix 100::/64
        }
        if ((first & 0xfe00) == 0xfc00) {
            return UNIQUE_LOCAL;
        }
        if ((first & 0xffc0) == 0xfe80) {
            return LINK_LOCAL;
        }
        if ((first & 0xffc0) == 0xfec0) {
            return PRIVATE;
        }
        if ((first & 0xff00) == 0xff00) {
            return MULTICAST;
        }
        return PUBLIC;
    }

    private static AddressRange embedded(byte[] b, int offset) {
        return ofIpv4(b[offset] & 0xff, b[offset + 1] & 0xff, b[offset + 2] & 0xff, b[offset + 3] & 0xff);
    }

    private static boolean allZero(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return true;
    }

    /**
     * Describes the range for messages, e.g. {@code "a loopback address"}.
     *
     * @return a phrase with an article
     */
    public String phrase() {
        return switch (this) {
            case PUBLIC -> "a public address";
            case LOOPBACK -> "a loopback address";
            case PRIVATE -> "a private-network address";
            case LINK_LOCAL -> "a link-local address";
            case UNIQUE_LOCAL -> "a unique-local address";
            case MULTICAST -> "a multicast address";
            case ANY_LOCAL -> "the unspecified (any-local) address";
            case RESERVED -> "a reserved address";
        };
    }
}
