package dev.windjammer.examples.image.fetch;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/**
 * Turns a host name (or an IP literal, without brackets) into addresses. The system resolver
 * is {@link #system()}; tests and special deployments may supply their own, e.g. to map a
 * test host name to 127.0.0.1.
 */
@FunctionalInterface
public interface HostResolver {

    /**
     * Resolves {@code host}.
     *
     * @param host a DNS name or an IPv4/IPv6 literal without brackets
     * @return the addresses, at least one
     * @throws UnknownHostException if the name does not resolve
     */
    List<InetAddress> resolve(String host) throws UnknownHostException;

    /**
     * The JDK's resolver ({@link InetAddress#getAllByName(String)}: the system's DNS
     * configuration and hosts file, with the JDK's address cache).
     *
     * @return the system resolver
     */
    static HostResolver system() {
        return host -> List.of(InetAddress.getAllByName(host));
    }
}
