package org.caseshare.identity;

import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.caseshare.audit.AuditEvent;
import org.caseshare.audit.AuditTrail;
import org.caseshare.system.SignInMethod;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Component;

/**
 * What happens once Spring Security has validated the provider's ID token (signature, issuer,
 * audience, expiry, nonce, state): the person becomes our {@link CurrentUser}, the same principal
 * as after a password, so every page works alike. With the provider's MFA accepted they are fully
 * signed in; otherwise they go on to Caseshare's own second factor as after a password.
 */
@Component
class SsoSignIn implements AuthenticationSuccessHandler, AuthenticationFailureHandler {

    static final String CALLBACK_PREFIX = "/login/oauth2/code/";

    private final SsoProviders providers;
    private final SsoMembers members;
    private final SsoClientRegistrations registrations;
    private final SecurityContextRepository contexts;
    private final SignInCompletion completion;
    private final AuditTrail audit;
    private final Clock clock;

    SsoSignIn(SsoProviders providers, SsoMembers members, SsoClientRegistrations registrations, SecurityContextRepository contexts,
            SignInCompletion completion, AuditTrail audit, Clock clock) {
        this.providers = providers;
        this.members = members;
        this.registrations = registrations;
        this.contexts = contexts;
        this.completion = completion;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response, Authentication authentication)
            throws IOException {
        OAuth2AuthenticationToken token = (OAuth2AuthenticationToken) authentication;
        UUID organisationId = UUID.fromString(token.getAuthorizedClientRegistrationId());
        OidcIdToken idToken = ((OidcUser) token.getPrincipal()).getIdToken();
        SsoProvider provider = providers.find(organisationId).orElse(null);
        Account account;
        try {
            if (provider == null) {
                throw new SsoRefusedException("not-configured");
            }
            account = members.signIn(provider, idToken);
        } catch (SsoRefusedException e) {
            end(request);
            failed(organisationId, e.reason());
            response.sendRedirect("/login?sso-refused");
            return;
        }
        boolean providerMfa = provider.acceptsProviderMfa(amr(idToken), idToken.getClaimAsString("acr"));
        request.getSession().setAttribute(SessionGuard.SIGNED_IN_AT, clock.instant());
        audit.record(AuditEvent.success("login.sso", account.id().toString(), organisationId, "account:" + account.id())
                .with("via", "sso").with("secondFactor", providerMfa ? "identity-provider" : "caseshare"));
        if (providerMfa) {
            completion.complete(account, "identity-provider", SignInMethod.SSO, request, response);
            response.sendRedirect("/");
            return;
        }
        // Only the first factor so far: Caseshare's own second factor follows, as after a password.
        CurrentUser user = new CurrentUser(account, null);
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
        SecurityContextHolder.setContext(context);
        request.changeSessionId();
        // Kept through the Caseshare second factor.
        SignInMethod.SSO.markSession(request);
        contexts.saveContext(context, request, response);
        response.sendRedirect(account.totpEnabled() ? "/mfa" : "/mfa/enrol");
    }

    /**
     * A bad or replayed response (wrong state, nonce, audience, signature, expired token) goes back to
     * the sign-in page with one clear message; a provider that cannot be reached gets its own page.
     * The audit holds the error code only, never the token.
     */
    @Override
    public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response, AuthenticationException exception)
            throws IOException {
        UUID organisationId = organisationOf(request.getRequestURI());
        String reason = exception instanceof OAuth2AuthenticationException oauth ? oauth.getError().getErrorCode() : "authentication-failed";
        failed(organisationId, reason);
        end(request);
        boolean unreachable = organisationId != null && registrations.configured(organisationId)
                && List.of("invalid_token_response", "client_registration_not_found").contains(reason);
        response.sendRedirect(unreachable ? SsoPages.UNAVAILABLE : "/login?sso-failed");
    }

    void failed(UUID organisationId, String reason) {
        UUID known = organisationId != null && registrations.configured(organisationId) ? organisationId : null;
        audit.record(new AuditEvent("sso.sign-in-failed", "anonymous", known, known == null ? "login" : "organisation:" + known,
                AuditEvent.Outcome.FAILURE, Map.of("reason", reason.replaceAll("[^A-Za-z0-9_-]", ""), "via", "sso")));
    }

    private static void end(HttpServletRequest request) {
        SecurityContextHolder.clearContext();
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
    }

    static UUID organisationOf(String uri) {
        int at = uri == null ? -1 : uri.lastIndexOf('/');
        try {
            return at < 0 ? null : UUID.fromString(uri.substring(at + 1));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static List<String> amr(OidcIdToken token) {
        return SsoMembers.claimValues(token, "amr");
    }
}
