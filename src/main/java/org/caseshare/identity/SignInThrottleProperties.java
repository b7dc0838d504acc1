package org.caseshare.identity;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the sign-in throttle beyond the per-account and per-address allowances in
 * {@link IdentityProperties}.
 *
 * @param capacity how many made-up names and client addresses the throttle keeps counts for; past it,
 *                 it forgets full and idle counts first, then the oldest made-up names, never a real
 *                 account's failures
 */
@ConfigurationProperties("caseshare.identity.throttle")
public record SignInThrottleProperties(int capacity) {
}
