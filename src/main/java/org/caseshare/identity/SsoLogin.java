package org.caseshare.identity;

import java.util.List;

import org.springframework.http.converter.FormHttpMessageConverter;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.client.endpoint.RestClientAuthorizationCodeTokenResponseClient;
import org.springframework.security.oauth2.client.http.OAuth2ErrorResponseErrorHandler;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestCustomizers;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestRedirectFilter;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.core.http.converter.OAuth2AccessTokenResponseHttpMessageConverter;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Spring Security's OpenID Connect sign-in, set up for organisations' own providers: authorization
 * code with PKCE (on top of state and nonce), registrations from {@link SsoClientRegistrations}, time
 * limits on every call to the provider, and the person taken from the validated ID token alone.
 * Applied to the pages' filter chain by {@link SecurityConfiguration}.
 */
@Component
class SsoLogin {

    /** Anyone may start or finish an SSO sign-in; the provider decides who gets in. */
    static final String[] OPEN_PATHS = {"/login/realm", "/oauth2/authorization/*", "/login/oauth2/code/*", "/sso/unavailable",
            "/sso/*/back-channel-logout"};

    private final SsoClientRegistrations registrations;
    private final SsoSignIn signIn;
    private final SsoAvailabilityFilter availability;

    SsoLogin(SsoClientRegistrations registrations, SsoSignIn signIn) {
        this.registrations = registrations;
        this.signIn = signIn;
        this.availability = new SsoAvailabilityFilter(registrations, signIn);
    }

    void configure(HttpSecurity http) throws Exception {
        DefaultOAuth2AuthorizationRequestResolver requests = new DefaultOAuth2AuthorizationRequestResolver(registrations,
                OAuth2AuthorizationRequestRedirectFilter.DEFAULT_AUTHORIZATION_REQUEST_BASE_URI);
        requests.setAuthorizationRequestCustomizer(OAuth2AuthorizationRequestCustomizers.withPkce());
        RestClientAuthorizationCodeTokenResponseClient tokens = new RestClientAuthorizationCodeTokenResponseClient();
        tokens.setRestClient(RestClient.builder().requestFactory(SsoHttp.requestFactory())
                .messageConverters(List.of(new FormHttpMessageConverter(), new OAuth2AccessTokenResponseHttpMessageConverter()))
                .defaultStatusHandler(new OAuth2ErrorResponseErrorHandler())
                .build());
        http.oauth2Login(login -> login
                        .loginPage("/login")
                        .clientRegistrationRepository(registrations)
                        .authorizedClientRepository(new NothingKept())
                        .authorizationEndpoint(endpoint -> endpoint.authorizationRequestResolver(requests))
                        .tokenEndpoint(endpoint -> endpoint.accessTokenResponseClient(tokens))
                        .userInfoEndpoint(userInfo -> userInfo.oidcUserService(SsoLogin::fromIdToken))
                        .successHandler(signIn)
                        .failureHandler(signIn))
                // The provider posts logout tokens without our CSRF token; the token's signature stands in for it.
                .csrf(csrf -> csrf.ignoringRequestMatchers("/sso/*/back-channel-logout"))
                .addFilterBefore(availability, OAuth2AuthorizationRequestRedirectFilter.class);
    }

    /** Everything we need is in the validated ID token; the user-info endpoint is not called. */
    private static OidcUser fromIdToken(OidcUserRequest request) {
        return new DefaultOidcUser(List.of(), request.getIdToken(), "sub");
    }

    /** We call no API with the provider's access token, so none is kept, in memory or in the session. */
    private static final class NothingKept implements OAuth2AuthorizedClientRepository {
        @Override
        public <T extends OAuth2AuthorizedClient> T loadAuthorizedClient(String registrationId, Authentication principal, HttpServletRequest request) {
            return null;
        }

        @Override
        public void saveAuthorizedClient(OAuth2AuthorizedClient client, Authentication principal, HttpServletRequest request,
                HttpServletResponse response) {
        }

        @Override
        public void removeAuthorizedClient(String registrationId, Authentication principal, HttpServletRequest request,
                HttpServletResponse response) {
        }
    }
}
