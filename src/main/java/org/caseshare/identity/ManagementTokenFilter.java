package org.caseshare.identity;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.caseshare.crypto.Tokens;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates the monitoring system on /actuator/** by the management token. Only hashes are
 * compared, in constant time, so neither the token's length nor a matching prefix shows in timing.
 */
class ManagementTokenFilter extends OncePerRequestFilter {

    /** The authority the token grants; management.endpoint.health.roles names it for health details. */
    static final String AUTHORITY = "ROLE_MANAGEMENT";

    private final String expectedSha256;

    ManagementTokenFilter(ManagementProperties properties) {
        this.expectedSha256 = properties.expectedSha256();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (expectedSha256 != null && header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)
                && Tokens.equalsConstantTime(Tokens.sha256Hex(header.substring(7).strip()), expectedSha256)) {
            SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                    "management", null, List.of(new SimpleGrantedAuthority(AUTHORITY))));
        }
        chain.doFilter(request, response);
    }
}
