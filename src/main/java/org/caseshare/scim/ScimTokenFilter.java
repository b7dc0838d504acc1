package org.caseshare.scim;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.caseshare.system.SignInMethod;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/** Authenticates /scim/v2 calls that present {@code Authorization: Bearer cs_scim_…}. */
class ScimTokenFilter extends OncePerRequestFilter {

    static final String AUTHORITY = "SCIM_CLIENT";

    private final ScimTokens tokens;

    ScimTokenFilter(ScimTokens tokens) {
        this.tokens = tokens;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            tokens.authenticate(header.substring(7).strip()).ifPresent(client -> {
                SecurityContextHolder.getContext().setAuthentication(
                        UsernamePasswordAuthenticationToken.authenticated(client, null, List.of(new SimpleGrantedAuthority(AUTHORITY))));
                SignInMethod.SCIM.markRequest(request);
            });
        }
        chain.doFilter(request, response);
    }
}
