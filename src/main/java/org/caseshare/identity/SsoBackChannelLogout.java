package org.caseshare.identity;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.caseshare.audit.AuditEvent;
import org.caseshare.audit.AuditTrail;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * OpenID Connect Back-Channel Logout 1.0: the organisation's provider posts a signed logout token
 * when a person signs out there or is disabled, and every Caseshare session of the linked account
 * ends at once, on every node (sessions live in the database). Spring Security's own back-channel
 * support keeps its session index in one node's memory, which does not fit Spring Session JDBC.
 */
@RestController
class SsoBackChannelLogout {

    private final SsoClientRegistrations registrations;
    private final SsoIdTokenDecoders decoders;
    private final SsoProviders providers;
    private final SessionControl sessions;
    private final AuditTrail audit;

    SsoBackChannelLogout(SsoClientRegistrations registrations, SsoIdTokenDecoders decoders, SsoProviders providers,
            SessionControl sessions, AuditTrail audit) {
        this.registrations = registrations;
        this.decoders = decoders;
        this.providers = providers;
        this.sessions = sessions;
        this.audit = audit;
    }

    @PostMapping("/sso/{organisationId}/back-channel-logout")
    ResponseEntity<Map<String, String>> logout(@PathVariable String organisationId,
            @RequestParam(name = "logout_token", defaultValue = "") String logoutToken) {
        UUID organisation = SsoSignIn.organisationOf("/" + organisationId);
        ClientRegistration registration;
        try {
            registration = organisation == null ? null : registrations.registration(organisation);
        } catch (SsoUnavailableException e) {
            registration = null;
        }
        if (registration == null || logoutToken.isBlank()) {
            return refused();
        }
        Jwt token;
        try {
            token = decoders.logoutTokenDecoder(registration).decode(logoutToken);
        } catch (JwtException e) {
            audit.record(new AuditEvent("sso.back-channel-logout", SsoMembers.actor(organisation), organisation,
                    "organisation:" + organisation, AuditEvent.Outcome.FAILURE, Map.of("reason", "invalid-logout-token", "via", "sso")));
            return refused();
        }
        Optional<UUID> account = providers.linkedAccount(organisation, token.getIssuer().toString(), token.getSubject());
        int ended = account.map(sessions::endAll).orElse(0);
        audit.record(AuditEvent.success("sso.back-channel-logout", SsoMembers.actor(organisation), organisation,
                account.map(id -> "account:" + id).orElse("organisation:" + organisation))
                .with("sessionsEnded", Integer.toString(ended)).with("via", "sso"));
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(Map.of());
    }

    private static ResponseEntity<Map<String, String>> refused() {
        return ResponseEntity.badRequest().cacheControl(CacheControl.noStore()).body(Map.of("error", "invalid_request"));
    }
}
