package org.caseshare.identity;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.security.oauth2.client.oidc.authentication.OidcIdTokenDecoderFactory;
import org.springframework.security.oauth2.client.oidc.authentication.OidcIdTokenValidator;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtDecoderFactory;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.stereotype.Component;

/**
 * Decoders for each organisation's ID tokens and logout tokens: the signature is checked against the
 * provider's published keys (fetched again when a token names a key not seen before, so the
 * provider's key rotation needs nothing from us), then issuer, audience and expiry. Spring's own
 * {@link OidcIdTokenDecoderFactory} does the same checks but fetches keys without time limits.
 */
@Component
class SsoIdTokenDecoders implements JwtDecoderFactory<ClientRegistration> {

    static final String BACK_CHANNEL_LOGOUT_EVENT = "http://schemas.openid.net/event/backchannel-logout";

    private final Map<String, JwtDecoder> idTokens = new ConcurrentHashMap<>();
    private final Map<String, JwtDecoder> logoutTokens = new ConcurrentHashMap<>();

    @Override
    public JwtDecoder createDecoder(ClientRegistration registration) {
        return idTokens.computeIfAbsent(key(registration), k -> {
            NimbusJwtDecoder decoder = keys(registration);
            decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(new JwtTimestampValidator(), new OidcIdTokenValidator(registration)));
            decoder.setClaimSetConverter(OidcIdTokenDecoderFactory.createDefaultClaimTypeConverter());
            return decoder;
        });
    }

    /** OpenID Connect Back-Channel Logout 1.0, 2.6: signed by the provider, for us, a logout event, no nonce. */
    JwtDecoder logoutTokenDecoder(ClientRegistration registration) {
        return logoutTokens.computeIfAbsent(key(registration), k -> {
            NimbusJwtDecoder decoder = keys(registration);
            String clientId = registration.getClientId();
            OAuth2TokenValidator<Jwt> logoutToken = jwt -> {
                boolean forUs = jwt.getAudience() != null && jwt.getAudience().contains(clientId);
                Object events = jwt.getClaims().get("events");
                boolean logoutEvent = events instanceof Map<?, ?> map && map.containsKey(BACK_CHANNEL_LOGOUT_EVENT);
                boolean noNonce = !jwt.hasClaim("nonce");
                boolean names = jwt.getSubject() != null;
                boolean issued = jwt.getIssuedAt() != null;
                return forUs && logoutEvent && noNonce && names && issued ? OAuth2TokenValidatorResult.success()
                        : OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_request", "Not a logout token for this client", null));
            };
            decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(new JwtTimestampValidator(),
                    new JwtIssuerValidator(registration.getProviderDetails().getIssuerUri()), logoutToken));
            return decoder;
        });
    }

    private static NimbusJwtDecoder keys(ClientRegistration registration) {
        return NimbusJwtDecoder.withJwkSetUri(registration.getProviderDetails().getJwkSetUri())
                .jwsAlgorithms(algorithms -> algorithms.addAll(List.of(SignatureAlgorithm.RS256, SignatureAlgorithm.ES256, SignatureAlgorithm.PS256)))
                .restOperations(SsoHttp.restTemplate())
                .build();
    }

    /** A changed client id, issuer or key location makes a new decoder. */
    private static String key(ClientRegistration registration) {
        return String.join("|", registration.getRegistrationId(), registration.getClientId(),
                String.valueOf(registration.getProviderDetails().getIssuerUri()), registration.getProviderDetails().getJwkSetUri());
    }
}
