package org.caseshare.identity;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of sign-in and membership.
 *
 * @param invitationValidity               how long an invitation link works (the issue asks 72 hours)
 * @param sessionAbsoluteTimeout           a session ends this long after sign-in, however active
 * @param loginAttemptsPerAccount          sign-in attempts allowed per account in the window below
 * @param loginAttemptsPerAccountWindow    the per-account window
 * @param loginAttemptsPerAddress          attempts allowed per client address in the window below;
 *                                         generous, so one office behind one address is not locked out
 * @param loginAttemptsPerAddressWindow    the per-address window
 */
@ConfigurationProperties("caseshare.identity")
public record IdentityProperties(Duration invitationValidity, Duration sessionAbsoluteTimeout, int loginAttemptsPerAccount,
        Duration loginAttemptsPerAccountWindow, int loginAttemptsPerAddress, Duration loginAttemptsPerAddressWindow) {
}
