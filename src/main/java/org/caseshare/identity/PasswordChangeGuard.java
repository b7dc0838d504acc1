package org.caseshare.identity;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A person whose password was set by someone else (the admin command line) has signed in with both
 * factors: every page sends them to choose their own password first. Only the page chain has this
 * filter, so API tokens are unaffected.
 */
class PasswordChangeGuard extends OncePerRequestFilter {

    static final String PAGE = "/account/password";

    private final PasswordStates states;

    PasswordChangeGuard(PasswordStates states) {
        this.states = states;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI();
        // The recovery codes straight after enrolment are shown first: they are shown only once.
        return path.equals(PAGE) || path.equals("/logout") || path.equals("/account/recovery-codes/first") || path.startsWith("/assets/") || path.startsWith("/webjars/")
                || path.startsWith("/css/") || path.startsWith("/js/") || path.startsWith("/error") || path.equals("/favicon.ico");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        boolean signedIn = authentication != null && authentication.getPrincipal() instanceof CurrentUser
                && authentication.getAuthorities().stream().anyMatch(a -> CurrentUser.FULLY_AUTHENTICATED.equals(a.getAuthority()));
        if (signedIn && states.mustChange(((CurrentUser) authentication.getPrincipal()).accountId())) {
            response.sendRedirect(PAGE);
            return;
        }
        chain.doFilter(request, response);
    }
}
