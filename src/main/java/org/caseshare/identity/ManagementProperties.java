package org.caseshare.identity;

import java.util.Locale;

import org.caseshare.crypto.Tokens;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The credential for the actuator's non-public endpoints (/actuator/prometheus, /actuator/metrics,
 * health details): presented as {@code Authorization: Bearer <token>}. Give either the token, or
 * better its SHA-256 in hex so the configuration file does not hold it. Neither set: only health and
 * info answer, everything else is refused.
 *
 * @param token       the management token itself (at least 32 characters)
 * @param tokenSha256 the SHA-256 of the token, in hex
 */
@ConfigurationProperties("caseshare.management")
public record ManagementProperties(String token, String tokenSha256) {

    public ManagementProperties {
        if (token != null && !token.isBlank() && token.strip().length() < 32) {
            throw new IllegalStateException("caseshare.management.token must be at least 32 characters");
        }
    }

    /** The SHA-256 a presented token must have, or null when no management credential is configured. */
    String expectedSha256() {
        if (tokenSha256 != null && !tokenSha256.isBlank()) {
            return tokenSha256.strip().toLowerCase(Locale.ROOT);
        }
        return token == null || token.isBlank() ? null : Tokens.sha256Hex(token.strip());
    }
}
