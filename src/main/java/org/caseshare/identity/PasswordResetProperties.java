package org.caseshare.identity;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Self-service password reset by emailed link.
 *
 * @param linkValidity      how long a reset link works (single use in any case)
 * @param perAddress        requests one client address may make in the window (past it: 429)
 * @param perEmail          links one email address may be sent in the window (past it the page
 *                          answers the same, but no more mail goes out, so nobody is flooded)
 * @param window            the window of both allowances
 */
@ConfigurationProperties("caseshare.identity.password-reset")
public record PasswordResetProperties(@DefaultValue("30m") Duration linkValidity, @DefaultValue("20") int perAddress,
        @DefaultValue("3") int perEmail, @DefaultValue("1h") Duration window) {
}
