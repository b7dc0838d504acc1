package org.caseshare.identity;

import java.io.IOException;
import java.util.UUID;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Before Spring Security sends the browser to an organisation's provider, makes sure the provider's
 * discovery document can be had: if not, the person gets a clear page (and local accounts are not
 * affected) instead of Spring's bare error. An id that is no organisation with SSO goes back to sign-in.
 * Not a bean: Spring Boot would run a filter bean on every request; it belongs to the pages' chain only.
 */
class SsoAvailabilityFilter extends OncePerRequestFilter {

    static final String START_PREFIX = "/oauth2/authorization/";

    private final SsoClientRegistrations registrations;
    private final SsoSignIn signIn;

    SsoAvailabilityFilter(SsoClientRegistrations registrations, SsoSignIn signIn) {
        this.registrations = registrations;
        this.signIn = signIn;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith(START_PREFIX);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        UUID organisationId = SsoSignIn.organisationOf(request.getRequestURI());
        if (organisationId == null || !registrations.configured(organisationId)) {
            response.sendRedirect("/login");
            return;
        }
        try {
            registrations.registration(organisationId);
        } catch (SsoUnavailableException e) {
            signIn.failed(organisationId, "idp-unavailable");
            response.sendRedirect(SsoPages.UNAVAILABLE);
            return;
        }
        chain.doFilter(request, response);
    }
}
