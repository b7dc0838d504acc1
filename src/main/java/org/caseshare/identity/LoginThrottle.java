package org.caseshare.identity;

import java.io.IOException;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.caseshare.audit.AuditEvent;
import org.caseshare.audit.AuditTrail;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Slows password and code guessing. Every attempt at a guessable secret (password at sign-in,
 * second-factor code, setup and invitation links) takes a token from two buckets: one for the
 * account (strict) and one for the client address (generous, so a whole office behind one address
 * is not locked out by one person's typos). An empty bucket answers 429 with Retry-After; nothing is
 * locked permanently.
 */
class LoginThrottle extends OncePerRequestFilter {

    private static final int MAX_KEYS = 100_000;

    private final IdentityProperties properties;
    private final AuditTrail audit;
    private final Map<String, Bucket> byAccount = new ConcurrentHashMap<>();
    private final Map<String, Bucket> byAddress = new ConcurrentHashMap<>();

    LoginThrottle(IdentityProperties properties, AuditTrail audit) {
        this.properties = properties;
        this.audit = audit;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        if (!"POST".equals(request.getMethod())) {
            return true;
        }
        String path = request.getRequestURI();
        return !(path.equals("/login") || path.startsWith("/mfa") || path.startsWith("/setup/") || path.startsWith("/invitations/"));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String account = accountKey(request);
        ConsumptionProbe perAddress = bucket(byAddress, request.getRemoteAddr(), properties.loginAttemptsPerAddress(),
                properties.loginAttemptsPerAddressWindow()).tryConsumeAndReturnRemaining(1);
        ConsumptionProbe perAccount = account == null ? null
                : bucket(byAccount, account, properties.loginAttemptsPerAccount(), properties.loginAttemptsPerAccountWindow())
                        .tryConsumeAndReturnRemaining(1);
        if (!perAddress.isConsumed() || (perAccount != null && !perAccount.isConsumed())) {
            long waitNanos = Math.max(perAddress.isConsumed() ? 0 : perAddress.getNanosToWaitForRefill(),
                    perAccount == null || perAccount.isConsumed() ? 0 : perAccount.getNanosToWaitForRefill());
            long seconds = Math.max(1, Duration.ofNanos(waitNanos).toSeconds() + 1);
            audit.record(new AuditEvent("login.throttled", "anonymous", null, request.getRequestURI().startsWith("/mfa") ? "mfa" : "login",
                    AuditEvent.Outcome.DENIED, Map.of("retryAfterSeconds", Long.toString(seconds))));
            response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
            response.setHeader("Retry-After", Long.toString(seconds));
            response.setContentType("text/html;charset=UTF-8");
            response.getWriter().write("<!DOCTYPE html><html lang=\"en\"><head><title>Too many attempts – Caseshare</title></head><body>"
                    + "<h1>Too many attempts</h1><p>For your security, wait " + seconds
                    + " seconds before you try again.</p><p><a href=\"/login\">Back to sign in</a></p></body></html>");
            return;
        }
        chain.doFilter(request, response);
    }

    /** The account under attack: the email typed at sign-in, or the half-signed-in account at /mfa. */
    private static String accountKey(HttpServletRequest request) {
        if (request.getRequestURI().equals("/login")) {
            String email = request.getParameter("email");
            return email == null ? null : "email:" + email.strip().toLowerCase(Locale.ROOT);
        }
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof CurrentUser user) {
            return "account:" + user.accountId();
        }
        return null;
    }

    private static Bucket bucket(Map<String, Bucket> buckets, String key, int capacity, Duration window) {
        if (buckets.size() > MAX_KEYS) {
            buckets.clear(); // bounded memory under a spray of distinct keys; the address bucket still limits
        }
        return buckets.computeIfAbsent(key, k -> Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(capacity).refillGreedy(capacity, window).build()).build());
    }

    /** Tests share one application context; they start each scenario with full buckets. */
    void reset() {
        byAccount.clear();
        byAddress.clear();
    }
}
