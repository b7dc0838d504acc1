package org.caseshare.scim;

import java.io.IOException;

import jakarta.servlet.http.HttpServletResponse;
import org.caseshare.system.SecurityHeaders;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * /scim/v2 has its own filter chain, ahead of the others: a SCIM token only, no session, no CSRF
 * (no cookie is accepted here), and failures in SCIM's error schema. A SCIM token opens nothing else,
 * and no other credential opens /scim/v2.
 */
@Configuration
class ScimSecurityConfiguration {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Bean
    @Order(0)
    SecurityFilterChain scim(HttpSecurity http, ScimTokens tokens) throws Exception {
        http.securityMatcher("/scim/**")
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .addFilterBefore(new ScimTokenFilter(tokens), AnonymousAuthenticationFilter.class)
                .authorizeHttpRequests(authorize -> authorize.anyRequest().hasAuthority(ScimTokenFilter.AUTHORITY))
                .exceptionHandling(exceptions -> exceptions
                        .authenticationEntryPoint((request, response, e) -> {
                            response.setHeader("WWW-Authenticate", "Bearer realm=\"caseshare-scim\"");
                            error(response, 401, "Present a valid SCIM token as 'Authorization: Bearer <token>'.");
                        })
                        .accessDeniedHandler((request, response, e) -> error(response, 403, "This token does not allow this.")));
        SecurityHeaders.apply(http);
        return http.build();
    }

    private static void error(HttpServletResponse response, int status, String detail) throws IOException {
        response.setStatus(status);
        response.setCharacterEncoding("UTF-8");
        response.setContentType(ScimMediaType.VALUE);
        response.getWriter().write(JSON.writeValueAsString(ScimError.of(status, null, detail)));
    }
}
