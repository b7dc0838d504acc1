package org.caseshare.identity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.caseshare.crypto.SecretBox;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * Spring Security's client registrations, one per organisation that configured single sign-on, built
 * at run time from the provider's discovery document. The registration id is the organisation id, so
 * the callback {@code /login/oauth2/code/{organisationId}} ties every response to one organisation.
 * Registrations are kept a few minutes only, so a changed configuration or discovery document (new
 * key location, new endpoints) is picked up without a restart.
 */
@Component
class SsoClientRegistrations implements ClientRegistrationRepository {

    static final Duration KEEP_FOR = Duration.ofMinutes(5);
    private static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {
    };

    private record Cached(ClientRegistration registration, Instant until) {
    }

    private final SsoProviders providers;
    private final SecretBox secrets;
    private final Clock clock;
    private final RestClient http = SsoHttp.restClient().build();
    private final Map<UUID, Cached> cache = new ConcurrentHashMap<>();

    SsoClientRegistrations(SsoProviders providers, SecretBox secrets, Clock clock) {
        this.providers = providers;
        this.secrets = secrets;
        this.clock = clock;
    }

    /**
     * For Spring Security: null for an id that is not an organisation with single sign-on, and null
     * when the provider cannot be reached (the sign-in then fails with a clear page, not an error).
     */
    @Override
    public ClientRegistration findByRegistrationId(String registrationId) {
        UUID organisationId;
        try {
            organisationId = UUID.fromString(registrationId);
        } catch (IllegalArgumentException | NullPointerException e) {
            return null;
        }
        try {
            return registration(organisationId);
        } catch (SsoUnavailableException e) {
            return null;
        }
    }

    /** Whether the organisation has configured single sign-on at all (reaching the provider is not needed). */
    boolean configured(UUID organisationId) {
        return providers.find(organisationId).isPresent();
    }

    /**
     * The organisation's registration, fetching the discovery document when none is kept or it is old.
     *
     * @return null when the organisation has no single sign-on
     * @throws SsoUnavailableException when the provider cannot be reached or its document is unusable
     */
    ClientRegistration registration(UUID organisationId) {
        Cached cached = cache.get(organisationId);
        if (cached != null && clock.instant().isBefore(cached.until())) {
            return cached.registration();
        }
        SsoProvider provider = providers.find(organisationId).orElse(null);
        if (provider == null) {
            return null;
        }
        ClientRegistration registration = build(provider);
        cache.put(organisationId, new Cached(registration, clock.instant().plus(KEEP_FOR)));
        return registration;
    }

    void forget(UUID organisationId) {
        cache.remove(organisationId);
    }

    private ClientRegistration build(SsoProvider provider) {
        Map<String, Object> discovery;
        try {
            discovery = http.get().uri(provider.issuer() + "/.well-known/openid-configuration").retrieve().body(JSON);
        } catch (RestClientException | IllegalArgumentException e) {
            throw new SsoUnavailableException("The identity provider's discovery document could not be fetched", e);
        }
        // OpenID Connect Discovery 1.0, 4.3: the issuer in the document must be the one configured.
        if (discovery == null || !provider.issuer().equals(discovery.get("issuer"))) {
            throw new SsoUnavailableException("The discovery document names another issuer", null);
        }
        String secret = secrets.open(providers.sealedSecret(provider.organisationId()).orElseThrow(),
                SsoSettings.secretContext(provider.organisationId()));
        try {
            return ClientRegistrations.fromOidcConfiguration(discovery)
                    .registrationId(provider.organisationId().toString())
                    .clientId(provider.clientId())
                    .clientSecret(secret)
                    .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                    .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
                    .scope("openid", "email", "profile")
                    .userNameAttributeName("sub")
                    .clientName("Organisation identity provider")
                    .build();
        } catch (RuntimeException e) {
            throw new SsoUnavailableException("The discovery document could not be used", e);
        }
    }
}
