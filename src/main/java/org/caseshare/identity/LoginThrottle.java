package org.caseshare.identity;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.caseshare.audit.AuditEvent;
import org.caseshare.audit.AuditTrail;
import org.caseshare.crypto.Tokens;
import org.caseshare.system.Catalogue;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.util.HtmlUtils;

/**
 * Slows password and code guessing. Every attempt at a guessable secret (password at sign-in,
 * second-factor code, setup and invitation links) takes one from the allowances it falls under:
 * the account it names however typed (strict), or the made-up name, and the client address
 * (generous). An attempt that turns out right gives them back, so only failures count. A browser
 * with a valid device cookie for the account ({@link DeviceCookies}) is counted on its own instead,
 * so one attacker at a council's shared address cannot lock the office or the account's owner out.
 * An empty allowance answers 429 with Retry-After; nothing is locked permanently.
 */
class LoginThrottle extends OncePerRequestFilter {

    /** Request attribute: the account the sign-in names, for the failure handler's audit entry. */
    static final String TARGET = LoginThrottle.class.getName() + ".target";
    private static final String SUCCEEDED = LoginThrottle.class.getName() + ".succeeded";

    /** The account an attempt is against: its id and organisation (for the audit trail). */
    record Target(UUID accountId, UUID organisationId) {
    }

    private final SignInAttempts attempts;
    private final Accounts accounts;
    private final DeviceCookies deviceCookies;
    private final AuditTrail audit;
    private final SignInAttempts.Allowance perAccount;
    private final SignInAttempts.Allowance perUnknownName;
    private final SignInAttempts.Allowance perAddress;
    private final SignInAttempts.Allowance perDevice;
    private final LocaleResolver languages;

    LoginThrottle(IdentityProperties properties, SignInThrottleProperties throttle, SignInAttempts attempts, Accounts accounts,
            DeviceCookies deviceCookies, AuditTrail audit, LocaleResolver languages) {
        this.languages = languages;
        this.attempts = attempts;
        this.accounts = accounts;
        this.deviceCookies = deviceCookies;
        this.audit = audit;
        this.perAccount = new SignInAttempts.Allowance(properties.loginAttemptsPerAccount(), properties.loginAttemptsPerAccountWindow(), false);
        this.perUnknownName = new SignInAttempts.Allowance(properties.loginAttemptsPerAccount(), properties.loginAttemptsPerAccountWindow(), true);
        this.perAddress = new SignInAttempts.Allowance(properties.loginAttemptsPerAddress(), properties.loginAttemptsPerAddressWindow(), true);
        this.perDevice = new SignInAttempts.Allowance(throttle.deviceCookieFailures(), throttle.deviceCookieFailuresWindow(), false);
    }

    /** Called when an attempt turned out right (password accepted, or sign-in completed). */
    static void succeeded(HttpServletRequest request) {
        request.setAttribute(SUCCEEDED, Boolean.TRUE);
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        if (!"POST".equals(request.getMethod())) {
            return true;
        }
        String path = request.getRequestURI();
        // The current password on /account/password can be guessed by whoever finds a session left open.
        return !(path.equals("/login") || path.startsWith("/mfa") || path.startsWith("/setup/") || path.startsWith("/invitations/")
                || path.equals("/account/password"));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        boolean signIn = request.getRequestURI().equals("/login");
        Target target = signIn ? SignInNames.resolve(request.getParameter("email"), accounts)
                .map(a -> new Target(a.id(), a.organisationId())).orElse(null) : halfSignedIn();
        request.setAttribute(TARGET, target);
        var device = target == null ? null
                : deviceCookies.read(request).filter(c -> c.accountId().equals(target.accountId())).orElse(null);

        List<Taken> taken = new ArrayList<>();
        long wait;
        if (device != null) {
            wait = take(taken, "device:" + device.nonce(), perDevice);
        } else {
            wait = take(taken, "address:" + request.getRemoteAddr(), perAddress);
            if (target != null) {
                wait = Math.max(wait, take(taken, "account:" + target.accountId(), perAccount));
            } else if (signIn) {
                // A made-up name: kept only as a hash, and the first to be forgotten.
                wait = Math.max(wait, take(taken, "name:" + Tokens.sha256Hex(SignInNames.fold(request.getParameter("email"))), perUnknownName));
            }
        }
        if (wait > 0) {
            refuse(request, response, target, device != null, wait);
            return;
        }
        chain.doFilter(request, response);
        if (Boolean.TRUE.equals(request.getAttribute(SUCCEEDED))) {
            taken.forEach(t -> attempts.giveBack(t.key(), t.allowance()));
        }
    }

    private record Taken(String key, SignInAttempts.Allowance allowance) {
    }

    private long take(List<Taken> taken, String key, SignInAttempts.Allowance allowance) {
        long wait = attempts.take(key, allowance);
        if (wait == 0) {
            taken.add(new Taken(key, allowance));
        }
        return wait;
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response, Target target, boolean device, long seconds)
            throws IOException {
        audit.record(new AuditEvent("login.throttled", "anonymous", target == null ? null : target.organisationId(),
                target == null ? "login" : "account:" + target.accountId(), AuditEvent.Outcome.DENIED,
                Map.of("retryAfterSeconds", Long.toString(seconds), "step", request.getRequestURI().startsWith("/mfa") ? "mfa" : "login",
                        "deviceCookie", Boolean.toString(device))));
        response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
        response.setHeader("Retry-After", Long.toString(seconds));
        response.setContentType("text/html;charset=UTF-8");
        // A filter before the pages' servlet: the page's language is asked of the resolver directly.
        Locale language = languages.resolveLocale(request);
        String title = Catalogue.text(language, "identity.throttled.title");
        response.getWriter().write("<!DOCTYPE html><html lang=\"" + language.getLanguage() + "\"><head><title>"
                + HtmlUtils.htmlEscape(Catalogue.text(language, "common.title", title)) + "</title></head><body>"
                + "<h1>" + HtmlUtils.htmlEscape(title) + "</h1><p>"
                + HtmlUtils.htmlEscape(Catalogue.text(language, "identity.throttled.wait", Long.toString(seconds)))
                + "</p><p><a href=\"/login\">" + HtmlUtils.htmlEscape(Catalogue.text(language, "identity.back-to-sign-in"))
                + "</a></p></body></html>");
    }

    /** The half-signed-in account at /mfa (the password was right; the code is what is guessed). */
    private static Target halfSignedIn() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof CurrentUser user) {
            return new Target(user.accountId(), user.organisationId());
        }
        return null;
    }
}
