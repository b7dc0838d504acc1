package org.caseshare.identity;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.caseshare.crypto.Tokens;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.stereotype.Component;

/**
 * OWASP's device cookies (Slow Down Online Guessing Attacks with Device Cookies): after a full
 * sign-in the browser gets a signed cookie naming the account, a random nonce and an expiry. A browser
 * that shows a valid one for the account it signs in to is counted on its own (by nonce) instead of
 * sharing the account's and its address's allowances, so an attacker at the same office address
 * cannot lock the right person out. Value: {@code v2.<account id>.<device epoch>.<nonce>.<expiry epoch s>.<MAC>}.
 * The device epoch is the account's; a password reset moves it on, so every cookie given out before
 * the reset (perhaps to whoever took over the account) stops counting at once.
 */
@Component
class DeviceCookies {

    static final String NAME = "__Host-caseshare-device";
    private static final String VERSION = "v2";

    /** A device cookie that passed its MAC and expiry checks. */
    record DeviceCookie(UUID accountId, String nonce) {
    }

    private final DeviceCookieKey key;
    private final SignInThrottleProperties properties;
    private final Clock clock;
    private final PasswordStates states;

    DeviceCookies(DeviceCookieKey key, SignInThrottleProperties properties, Clock clock, PasswordStates states) {
        this.states = states;
        this.key = key;
        this.properties = properties;
        this.clock = clock;
    }

    void issue(UUID accountId, HttpServletResponse response) {
        long expires = clock.instant().plus(properties.deviceCookieValidity()).getEpochSecond();
        String payload = String.join(".", VERSION, accountId.toString(), Integer.toString(states.deviceEpoch(accountId)),
                Tokens.newToken(""), Long.toString(expires));
        String tag = Base64.getUrlEncoder().withoutPadding().encodeToString(key.key().tag(payload.getBytes(StandardCharsets.UTF_8)));
        // __Host-: Secure, Path=/ and no Domain, so no other site or subdomain can set or read it.
        ResponseCookie cookie = ResponseCookie.from(NAME, payload + "." + tag).path("/").secure(true).httpOnly(true)
                .sameSite("Strict").maxAge(properties.deviceCookieValidity()).build();
        response.addHeader(HttpHeaders.SET_COOKIE, cookie.toString());
    }

    /** The request's device cookie if it is genuine and unexpired; anything else is ignored. */
    Optional<DeviceCookie> read(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return Optional.empty();
        }
        for (Cookie cookie : cookies) {
            if (NAME.equals(cookie.getName())) {
                Optional<DeviceCookie> valid = parse(cookie.getValue());
                if (valid.isPresent()) {
                    return valid;
                }
            }
        }
        return Optional.empty();
    }

    private Optional<DeviceCookie> parse(String value) {
        if (value == null || value.length() > 300) {
            return Optional.empty();
        }
        int lastDot = value.lastIndexOf('.');
        String[] parts = value.split("\\.", -1);
        if (lastDot < 0 || parts.length != 6 || !VERSION.equals(parts[0])) {
            return Optional.empty();
        }
        String payload = value.substring(0, lastDot);
        try {
            byte[] tag = Base64.getUrlDecoder().decode(parts[5]);
            if (!key.key().verify(tag, payload.getBytes(StandardCharsets.UTF_8))) {
                return Optional.empty();
            }
            if (!Instant.ofEpochSecond(Long.parseLong(parts[4])).isAfter(clock.instant())) {
                return Optional.empty();
            }
            UUID accountId = UUID.fromString(parts[1]);
            if (Integer.parseInt(parts[2]) != states.deviceEpoch(accountId)) {
                return Optional.empty();
            }
            return Optional.of(new DeviceCookie(accountId, parts[3]));
        } catch (IllegalArgumentException malformed) {
            return Optional.empty();
        }
    }
}
