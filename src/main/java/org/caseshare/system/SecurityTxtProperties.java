package org.caseshare.system;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * What {@code /.well-known/security.txt} (RFC 9116) says: where to report a vulnerability.
 *
 * @param contact            where to report: {@code mailto:}, {@code https:} or {@code tel:} URIs, first
 *                           preferred (RFC 9116 requires at least one)
 * @param expiresAfter       how far ahead of each answer its {@code Expires} lies: worked out when asked,
 *                           so the file never goes stale; at most a year, as RFC 9116 advises
 * @param preferredLanguages the languages reports may be written in
 * @param policy             the vulnerability disclosure policy; empty: SECURITY.md as this service serves it
 *                           at {@code /security-policy}
 */
@ConfigurationProperties("caseshare.security-txt")
public record SecurityTxtProperties(
        @DefaultValue("mailto:security@caseshare.invalid") List<String> contact,
        @DefaultValue("180d") Duration expiresAfter,
        @DefaultValue("en") String preferredLanguages,
        @DefaultValue("") String policy) {

    private static final Duration LONGEST = Duration.ofDays(365);

    public SecurityTxtProperties {
        contact = contact.stream().map(String::strip).filter(entry -> !entry.isEmpty()).toList();
        if (contact.isEmpty()) {
            throw new IllegalArgumentException("caseshare.security-txt.contact: give at least one address to report vulnerabilities to"
                    + " (for example mailto:security@council.gov.uk)");
        }
        for (String entry : contact) {
            String scheme = URI.create(entry).getScheme();
            if (scheme == null || !List.of("mailto", "https", "tel").contains(scheme)) {
                throw new IllegalArgumentException("caseshare.security-txt.contact: '" + entry
                        + "' is not a mailto:, https: or tel: address");
            }
        }
        if (expiresAfter.isNegative() || expiresAfter.isZero() || expiresAfter.compareTo(LONGEST) > 0) {
            throw new IllegalArgumentException("caseshare.security-txt.expires-after: " + expiresAfter
                    + " is not between a second and a year (RFC 9116 advises less than a year)");
        }
        policy = policy.strip();
    }
}
