package org.caseshare.identity;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the sign-in throttle beyond the per-account and per-address allowances in
 * {@link IdentityProperties}.
 *
 * @param capacity                   how many made-up names and client addresses the throttle keeps
 *                                   counts for; past it, it forgets full and idle counts first, then
 *                                   the oldest made-up names, never a real account's failures
 * @param deviceCookieValidity       how long a device cookie (given after a full sign-in) stays valid
 * @param deviceCookieFailures       failures a browser with a device cookie may make in the window below
 *                                   before that cookie is itself locked out
 * @param deviceCookieFailuresWindow the device cookie's window
 */
@ConfigurationProperties("caseshare.identity.throttle")
public record SignInThrottleProperties(int capacity, Duration deviceCookieValidity, int deviceCookieFailures,
        Duration deviceCookieFailuresWindow) {
}
