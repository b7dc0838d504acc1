package org.caseshare.identity;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.caseshare.system.SignInMethod;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/** Authenticates API calls that present {@code Authorization: Bearer cs_pat_…}. */
class BearerTokenFilter extends OncePerRequestFilter {

    /** Set on the request when the token presented has expired, so the 401 can say why. */
    static final String EXPIRED = BearerTokenFilter.class.getName() + ".expired";

    private final ApiTokens tokens;
    private final Accounts accounts;

    BearerTokenFilter(ApiTokens tokens, Accounts accounts) {
        this.tokens = tokens;
        this.accounts = accounts;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            String secret = header.substring(7).strip();
            tokens.authenticate(secret).ifPresentOrElse(account -> {
                CurrentUser user = new CurrentUser(account, null);
                SecurityContextHolder.getContext().setAuthentication(
                        UsernamePasswordAuthenticationToken.authenticated(user, null, user.fullAuthorities()));
                SignInMethod.API_TOKEN.markRequest(request);
            }, () -> {
                if (tokens.expired(secret)) {
                    request.setAttribute(EXPIRED, Boolean.TRUE);
                }
            });
        }
        chain.doFilter(request, response);
    }
}
