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
 * Adding or removing a passkey needs both factors done. Spring Security's registration-options filter
 * runs before the page chain's authorisation rules and asks only for "authenticated", which someone
 * who has given just the password already is; so this filter, placed in front of it, refuses
 * {@code /webauthn/register/**} to anyone without {@link CurrentUser#FULLY_AUTHENTICATED}.
 */
class PasskeyRegistrationGuard extends OncePerRequestFilter {

    private static final String REGISTER = "/webauthn/register";

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return !(path.equals(REGISTER) || path.startsWith(REGISTER + "/"));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        boolean fullySignedIn = authentication != null && authentication.getAuthorities().stream()
                .anyMatch(a -> CurrentUser.FULLY_AUTHENTICATED.equals(a.getAuthority()));
        if (!fullySignedIn) {
            response.sendError(HttpServletResponse.SC_FORBIDDEN);
            return;
        }
        chain.doFilter(request, response);
    }
}
