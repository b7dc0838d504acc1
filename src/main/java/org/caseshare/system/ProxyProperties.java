package org.caseshare.system;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The reverse proxies or load balancers in front of this node.
 *
 * @param trustedAddresses the addresses (or CIDR ranges) of the proxies whose {@code X-Forwarded-For}
 *                         and {@code X-Forwarded-Proto} headers are believed; empty (the default)
 *                         believes nobody's, so a client cannot choose the address that the audit
 *                         trail and the sign-in throttle see by sending the header itself
 */
@ConfigurationProperties("caseshare.proxy")
public record ProxyProperties(List<String> trustedAddresses) {

    public ProxyProperties {
        List<String> ranges = new ArrayList<>();
        for (String entry : trustedAddresses == null ? List.<String>of() : trustedAddresses) {
            if (!entry.isBlank()) {
                ranges.add(range(entry.strip()));
            }
        }
        trustedAddresses = List.copyOf(ranges);
    }

    /**
     * An address literal, or one with a prefix length, as a CIDR range. Host names are refused: a
     * name would be looked up for every request, and whoever controls DNS would choose whom to trust.
     */
    static String range(String entry) {
        int slash = entry.indexOf('/');
        String address = slash < 0 ? entry : entry.substring(0, slash);
        if (!address.matches("[0-9.]+|[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*")) {
            throw new IllegalArgumentException("caseshare.proxy.trusted-addresses: '" + entry
                    + "' is not an IP address or CIDR range (for example 10.0.0.5 or 10.0.0.0/24); host names are not accepted");
        }
        InetAddress parsed;
        try {
            parsed = InetAddress.getByName(address); // a literal, checked above: no lookup happens
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("caseshare.proxy.trusted-addresses: '" + entry + "' is not a valid IP address", e);
        }
        int bits = parsed.getAddress().length * 8;
        if (slash < 0) {
            return address + "/" + bits;
        }
        String prefix = entry.substring(slash + 1);
        if (!prefix.matches("\\d{1,3}") || Integer.parseInt(prefix) > bits) {
            throw new IllegalArgumentException("caseshare.proxy.trusted-addresses: '" + entry + "' has a prefix length that is not between 0 and " + bits);
        }
        return entry;
    }
}
