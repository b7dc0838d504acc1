package org.caseshare.identity;

import java.io.IOException;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.caseshare.audit.AuditEvent;
import org.caseshare.audit.AuditTrail;
import org.caseshare.crypto.Passwords;
import org.caseshare.system.Languages;
import org.caseshare.system.ProblemTypes;
import org.caseshare.system.RequestIds;
import org.caseshare.system.SecurityHeaders;
import org.caseshare.system.SignInMethod;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.web.servlet.LocaleResolver;
import tools.jackson.databind.json.JsonMapper;

/**
 * Deny by default. Three filter chains: the API (bearer tokens, stateless, problem details), the
 * actuator (health and info public, the rest behind the management token), and the pages (form sign-in, then a second factor; CSRF on every form).
 */
@Configuration
@EnableWebSecurity
class SecurityConfiguration {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Bean
    PasswordEncoder passwordEncoder() {
        return Passwords.argon2id();
    }

    @Bean
    SecurityContextRepository securityContextRepository() {
        return new HttpSessionSecurityContextRepository();
    }

    @Bean
    LoginThrottle loginThrottle(IdentityProperties properties, SignInThrottleProperties throttle, SignInAttempts attempts,
            Accounts accounts, DeviceCookies deviceCookies, AuditTrail audit, LocaleResolver localeResolver) {
        return new LoginThrottle(properties, throttle, attempts, accounts, deviceCookies, audit, localeResolver);
    }

    /** The throttle runs inside the page chain only, not as a servlet filter of its own. */
    @Bean
    org.springframework.boot.web.servlet.FilterRegistrationBean<LoginThrottle> loginThrottleRegistration(LoginThrottle throttle) {
        var registration = new org.springframework.boot.web.servlet.FilterRegistrationBean<>(throttle);
        registration.setEnabled(false);
        return registration;
    }

    @Bean
    org.springframework.security.web.webauthn.management.UserCredentialRepository passkeyCredentials(Passkeys passkeys, Members members) {
        return passkeys.credentialRepository(members);
    }

    @Bean
    org.springframework.security.web.webauthn.management.PublicKeyCredentialUserEntityRepository passkeyUsers(Passkeys passkeys) {
        return passkeys.userEntityRepository();
    }

    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http, ApiTokens tokens, Accounts accounts) throws Exception {
        http.securityMatcher("/api/**")
                .csrf(csrf -> csrf.disable()) // no cookies are accepted here, only bearer tokens
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .addFilterBefore(new BearerTokenFilter(tokens, accounts), AnonymousAuthenticationFilter.class)
                .authorizeHttpRequests(authorize -> authorize
                        .requestMatchers("/api/v1/system/**").hasAuthority(CurrentUser.SYSTEM_ADMIN)
                        .anyRequest().hasAuthority(CurrentUser.FULLY_AUTHENTICATED))
                .exceptionHandling(exceptions -> exceptions
                        .authenticationEntryPoint((request, response, e) -> {
                            if (request.getAttribute(BearerTokenFilter.EXPIRED) != null) {
                                response.setHeader("WWW-Authenticate", "Bearer realm=\"caseshare\", error=\"invalid_token\", error_description=\"The token has expired\"");
                                problem(request, response, 401, "token-expired");
                                return;
                            }
                            response.setHeader("WWW-Authenticate", "Bearer realm=\"caseshare\"");
                            problem(request, response, 401, "token-missing");
                        })
                        .accessDeniedHandler((request, response, e) -> problem(request, response, 403, "forbidden")));
        SecurityHeaders.apply(http);
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain actuator(HttpSecurity http, ManagementProperties management) throws Exception {
        // Health and info are public (load balancers, orchestrators, version checks); the rest of the
        // actuator (prometheus, metrics, health details) needs the management token. A token on the
        // one port rather than a separate management port: nothing extra to firewall or proxy, and the
        // same TLS termination protects it.
        http.securityMatcher("/actuator/**")
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .addFilterBefore(new ManagementTokenFilter(management), AnonymousAuthenticationFilter.class)
                .authorizeHttpRequests(authorize -> authorize
                        .requestMatchers(HttpMethod.GET, "/actuator/health", "/actuator/health/**", "/actuator/info").permitAll()
                        .requestMatchers(HttpMethod.GET, "/actuator/**").hasAuthority(ManagementTokenFilter.AUTHORITY)
                        .anyRequest().denyAll())
                .exceptionHandling(exceptions -> exceptions
                        .authenticationEntryPoint((request, response, e) -> {
                            response.setHeader("WWW-Authenticate", "Bearer realm=\"caseshare-management\"");
                            problem(request, response, 401, "management-token-missing");
                        })
                        .accessDeniedHandler((request, response, e) -> problem(request, response, 403, "management-not-allowed")));
        SecurityHeaders.apply(http);
        return http.build();
    }

    @Bean
    @Order(3)
    SecurityFilterChain pages(HttpSecurity http, LoginThrottle throttle, AuditTrail audit, Accounts accounts,
            IdentityProperties properties, Clock clock, SecurityContextRepository contexts, Members members, PasswordStates passwordStates,
            SsoLogin ssoLogin, org.caseshare.system.AccountLanguages languages,
            @org.springframework.beans.factory.annotation.Value("${caseshare.base-url}") String baseUrl) throws Exception {
        // Passkeys name the account by id; the password form (the UserDetailsService bean) by email only.
        http.setSharedObject(UserDetailsService.class, AccountUserDetailsService.byAccountId(accounts));
        http.securityContext(context -> context.securityContextRepository(contexts))
                .authorizeHttpRequests(authorize -> authorize
                        .requestMatchers("/assets/**", "/webjars/**", "/css/**", "/js/**", "/vendor/**", "/favicon.ico", "/error", "/error/**").permitAll()
                        .requestMatchers(SsoLogin.OPEN_PATHS).permitAll()
                        .requestMatchers("/login", "/login/webauthn", "/webauthn/authenticate/**", "/setup/**", "/invitations/**", "/accessibility", "/receipts/**", "/password/reset", "/password/reset/**").permitAll()
                        .requestMatchers(HttpMethod.GET, "/.well-known/security.txt", "/security-policy", "/.well-known/caseshare-audit-keys").permitAll()
                        .requestMatchers("/mfa", "/mfa/**").hasAnyAuthority(CurrentUser.PASSWORD_VERIFIED, CurrentUser.FULLY_AUTHENTICATED)
                        .requestMatchers("/system/**").hasAuthority(CurrentUser.SYSTEM_ADMIN)
                        .requestMatchers("/organisation/**").hasAuthority(Role.ORGANISATION_ADMIN.authority())
                        .requestMatchers("/audit/system", "/audit/system/**").hasAuthority(CurrentUser.SYSTEM_ADMIN)
                        .requestMatchers("/audit/**").hasAnyAuthority(Role.DATA_PROTECTION_OFFICER.authority(), Role.ORGANISATION_ADMIN.authority())
                        .requestMatchers("/policy/edit/**", "/policy/edit").hasAuthority(Role.DATA_PROTECTION_OFFICER.authority())
                        .requestMatchers("/retention", "/retention/**").hasAuthority(Role.DATA_PROTECTION_OFFICER.authority())
                        // The register, custody and incidents are for the organisation's own staff, never partner users.
                        .requestMatchers("/sharing", "/sharing/**", "/custody", "/custody/**", "/incidents", "/incidents/**").hasAnyAuthority(Role.PRACTITIONER.authority(), Role.MANAGER.authority(),
                                Role.DATA_PROTECTION_OFFICER.authority(), Role.ORGANISATION_ADMIN.authority())
                        .anyRequest().hasAuthority(CurrentUser.FULLY_AUTHENTICATED))
                .formLogin(form -> form.loginPage("/login").loginProcessingUrl("/login").usernameParameter("email")
                        .successHandler(afterPassword(audit, clock)).failureHandler(loginFailed(audit)).permitAll())
                .webAuthn(passkeys -> passkeys.rpName("Caseshare").rpId(Passkeys.relyingPartyId(baseUrl))
                        .allowedOrigins(Passkeys.allowedOrigins(baseUrl)).disableDefaultRegistrationPage(true)
                        .withObjectPostProcessor(new org.springframework.security.config.ObjectPostProcessor<
                                org.springframework.security.web.webauthn.authentication.WebAuthnAuthenticationFilter>() {
                            @Override
                            public <O extends org.springframework.security.web.webauthn.authentication.WebAuthnAuthenticationFilter> O postProcess(O filter) {
                                filter.setAuthenticationSuccessHandler(Passkeys.completeSignIn(members, contexts, audit, clock, languages));
                                filter.setSecurityContextRepository(contexts);
                                return filter;
                            }
                        }))
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?signedout")
                        .addLogoutHandler((request, response, authentication) -> {
                            if (authentication != null && authentication.getPrincipal() instanceof CurrentUser user) {
                                audit.record(AuditEvent.success("logout", user.accountId().toString(), user.organisationId(), "account:" + user.accountId()));
                            }
                        }))
                .exceptionHandling(exceptions -> exceptions.accessDeniedHandler(secondFactorFirst()))
                .addFilterBefore(throttle, UsernamePasswordAuthenticationFilter.class)
                .addFilterBefore(new PasskeyCeremonies(), org.springframework.security.web.context.SecurityContextHolderFilter.class)
                .addFilterAfter(new SessionGuard(accounts, properties, clock), AnonymousAuthenticationFilter.class)
                .addFilterAfter(new PasskeyRegistrationGuard(), AnonymousAuthenticationFilter.class)
                .addFilterAfter(new PasswordChangeGuard(passwordStates), AnonymousAuthenticationFilter.class);
        ssoLogin.configure(http);
        SecurityHeaders.apply(http);
        return http.build();
    }

    /** After the password: note the time (for the absolute timeout) and go to the second factor. */
    private static AuthenticationSuccessHandler afterPassword(AuditTrail audit, Clock clock) {
        return (request, response, authentication) -> {
            CurrentUser user = (CurrentUser) authentication.getPrincipal();
            request.getSession().setAttribute(SessionGuard.SIGNED_IN_AT, clock.instant());
            SignInMethod.PASSWORD.markSession(request);
            LoginThrottle.succeeded(request);
            audit.record(AuditEvent.success("login.password", user.accountId().toString(), user.organisationId(), "account:" + user.accountId()));
            response.sendRedirect(user.totpEnabled() ? "/mfa" : "/mfa/enrol");
        };
    }

    /**
     * One message for every failure, so the page never tells whether an account exists. The entry goes
     * to the named account's organisation (its DPO should see guessing), by id; never the typed name.
     */
    private static AuthenticationFailureHandler loginFailed(AuditTrail audit) {
        return (request, response, exception) -> {
            LoginThrottle.Target target = (LoginThrottle.Target) request.getAttribute(LoginThrottle.TARGET);
            audit.record(new AuditEvent("login.failure", "anonymous", target == null ? null : target.organisationId(),
                    target == null ? "login" : "account:" + target.accountId(), AuditEvent.Outcome.FAILURE,
                    java.util.Map.of("reason", exception.getClass().getSimpleName())));
            response.sendRedirect("/login?error");
        };
    }

    /** Someone who has given their password but not their second factor is sent to finish it. */
    private static AccessDeniedHandler secondFactorFirst() {
        return (request, response, exception) -> {
            Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
            boolean halfwayIn = authentication != null && authentication.getAuthorities().stream()
                    .anyMatch(a -> a.getAuthority().equals(CurrentUser.PASSWORD_VERIFIED));
            if (halfwayIn && "GET".equals(request.getMethod())) {
                response.sendRedirect("/mfa");
            } else {
                response.sendError(HttpServletResponse.SC_FORBIDDEN);
            }
        };
    }

    /**
     * The title and the detail (a fixed sentence, {@code problems.detail.<detailName>}) in the caller's
     * language: their Accept-Language, as these answers come before any locale is set; English otherwise.
     */
    private static void problem(HttpServletRequest request, HttpServletResponse response, int status, String detailName) throws IOException {
        Locale language = Languages.preferredBy(request.getHeader("Accept-Language"));
        String title = ProblemTypes.forStatus(status).title(language);
        String detail = ProblemTypes.detail(language, detailName);
        response.setStatus(status);
        response.setCharacterEncoding("UTF-8");
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", ProblemTypes.forStatus(status).type().toString());
        problem.put("title", title);
        problem.put("status", status);
        problem.put("detail", detail);
        String requestId = RequestIds.current();
        if (requestId != null) {
            problem.put("requestId", requestId);
        }
        // Jackson writes the JSON, so whatever a catalogue's sentence holds is escaped properly.
        response.getWriter().write(JSON.writeValueAsString(problem));
    }
}
