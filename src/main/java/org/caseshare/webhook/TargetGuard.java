package org.caseshare.webhook;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Keeps webhooks off the server's own network (server-side request forgery): an endpoint must be an
 * https address of a server whose every address is public. Checked at registration and again before
 * every send, since a name can be pointed somewhere else at any time. Redirects are never followed
 * (see {@link WebhookSender}), so a public server cannot bounce a delivery inward either.
 */
@Component
class TargetGuard {

    private static final Logger log = LoggerFactory.getLogger(TargetGuard.class);

    /** Looks a host name up; tests give their own answers. */
    interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    private final boolean allowPrivate;
    private final Resolver resolver;

    @Autowired
    TargetGuard(WebhookProperties properties) {
        this(properties.allowPrivateTargets(), InetAddress::getAllByName);
        if (allowPrivate) {
            log.warn("caseshare.webhooks.allow-private-targets is on: webhook endpoints may be on internal addresses and plain http."
                    + " Turn it off unless every organisation admin is trusted with this server's network.");
        }
    }

    TargetGuard(boolean allowPrivate, Resolver resolver) {
        this.allowPrivate = allowPrivate;
        this.resolver = resolver;
    }

    boolean allowsPrivate() {
        return allowPrivate;
    }

    /** An address that may be called, and the addresses its name had when checked: connect to those only. */
    record Target(URI uri, List<InetAddress> addresses) {
    }

    /** The address as the endpoint will be called, or why it may not be; the message is fit for a form. */
    Target check(String url) {
        URI uri = parse(url);
        String host = uri.getHost();
        InetAddress[] addresses;
        try {
            addresses = resolver.resolve(host);
        } catch (UnknownHostException e) {
            throw new RefusedTargetException("We could not find a server called " + host + ": check the address");
        }
        if (!allowPrivate) {
            for (InetAddress address : addresses) {
                if (internal(address)) {
                    throw new RefusedTargetException("Enter the address of a server on the internet: " + host
                            + " is a loopback, private, link-local or other internal address");
                }
            }
        }
        return new Target(uri, List.of(addresses));
    }

    private URI parse(String url) {
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (URISyntaxException e) {
            throw new RefusedTargetException("Enter a web address, like https://cases.example.org/webhooks");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !(allowPrivate && scheme.equals("http"))) {
            throw new RefusedTargetException("Enter an address that starts with https://");
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            throw new RefusedTargetException("Enter an address with a server name, like https://cases.example.org/webhooks");
        }
        if (uri.getRawUserInfo() != null) {
            throw new RefusedTargetException("Enter the address without a user name or password");
        }
        if (uri.getRawFragment() != null) {
            throw new RefusedTargetException("Enter the address without a # part");
        }
        return uri;
    }

    /** Any address a request from this server should not reach on an admin's say-so. */
    static boolean internal(InetAddress address) {
        if (address.isLoopbackAddress() || address.isAnyLocalAddress() || address.isLinkLocalAddress() || address.isSiteLocalAddress()
                || address.isMulticastAddress()) {
            return true;
        }
        byte[] b = address.getAddress();
        if (address instanceof Inet4Address) {
            int first = b[0] & 0xff;
            int second = b[1] & 0xff;
            return first == 0 // "this network"
                    || first == 100 && second >= 64 && second < 128 // shared address space (carrier NAT; Alibaba's metadata service)
                    || first == 192 && second == 0 && (b[2] & 0xff) == 0 // IETF protocol assignments
                    || first >= 240; // reserved and broadcast
        }
        if (address instanceof Inet6Address) {
            // fc00::/7, unique local (AWS's metadata service is fd00:ec2::254); the IPv4 address inside
            // an IPv4-compatible or NAT64 address is judged as itself
            if ((b[0] & 0xfe) == 0xfc) {
                return true;
            }
            if (embedsIpv4(b)) {
                try {
                    return internal(InetAddress.getByAddress(Arrays.copyOfRange(b, 12, 16)));
                } catch (UnknownHostException e) {
                    return true;
                }
            }
        }
        return false;
    }

    /** ::a.b.c.d (IPv4-compatible) or 64:ff9b::a.b.c.d (NAT64); ::ffff:a.b.c.d arrives as an Inet4Address already. */
    private static boolean embedsIpv4(byte[] b) {
        boolean zeros = true;
        for (int i = 0; i < 12; i++) {
            zeros &= b[i] == 0;
        }
        boolean nat64 = (b[0] & 0xff) == 0x00 && (b[1] & 0xff) == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b;
        for (int i = 4; nat64 && i < 12; i++) {
            nat64 = b[i] == 0;
        }
        return zeros || nat64;
    }

    /** The endpoint's address may not be called; the message says why, in words fit for a form. */
    static final class RefusedTargetException extends RuntimeException {
        RefusedTargetException(String message) {
            super(message, null, false, false);
        }
    }
}
