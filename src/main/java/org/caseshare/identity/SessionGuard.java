package org.caseshare.identity;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Ends a signed-in session that is past its absolute lifetime, or whose account has been disabled
 * since sign-in (belt and braces: disabling also deletes the account's sessions).
 */
class SessionGuard extends OncePerRequestFilter {

    static final String SIGNED_IN_AT = "caseshare.signedInAt";

    private final Accounts accounts;
    private final IdentityProperties properties;
    private final Clock clock;

    SessionGuard(Accounts accounts, IdentityProperties properties, Clock clock) {
        this.accounts = accounts;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        HttpSession session = request.getSession(false);
        if (session != null && authentication != null && authentication.getPrincipal() instanceof CurrentUser user) {
            Object signedInAt = session.getAttribute(SIGNED_IN_AT);
            boolean expired = signedInAt instanceof Instant at && clock.instant().isAfter(at.plus(properties.sessionAbsoluteTimeout()));
            boolean disabled = accounts.findById(user.accountId()).map(account -> !account.active()).orElse(true);
            if (expired || disabled) {
                session.invalidate();
                SecurityContextHolder.clearContext();
                response.sendRedirect("/login?ended");
                return;
            }
        }
        chain.doFilter(request, response);
    }
}
