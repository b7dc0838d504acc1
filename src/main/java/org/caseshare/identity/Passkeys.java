package org.caseshare.identity;

import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.caseshare.audit.AuditEvent;
import org.caseshare.audit.AuditTrail;
import org.caseshare.system.AccountLanguages;
import org.caseshare.system.LanguageResolver;
import org.caseshare.system.NotFoundException;
import org.caseshare.system.SignInMethod;
import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.webauthn.api.Bytes;
import org.springframework.security.web.webauthn.api.CredentialRecord;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialUserEntity;
import org.springframework.security.web.webauthn.management.JdbcPublicKeyCredentialUserEntityRepository;
import org.springframework.security.web.webauthn.management.JdbcUserCredentialRepository;
import org.springframework.security.web.webauthn.management.PublicKeyCredentialUserEntityRepository;
import org.springframework.security.web.webauthn.management.UserCredentialRepository;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Passkeys (WebAuthn) as the alternative to password + authenticator code. A passkey proves both
 * possession of a device and the person's presence with its own verification, and cannot be phished
 * onto another site, so signing in with one completes sign-in on its own. Registration happens on
 * the account page of a fully signed-in person; every registration and removal is audited.
 */
@Component
public class Passkeys {

    private final JdbcUserCredentialRepository credentials;
    private final JdbcPublicKeyCredentialUserEntityRepository userEntities;
    private final AuditTrail audit;

    Passkeys(JdbcOperations jdbcOperations, AuditTrail audit) {
        this.credentials = new JdbcUserCredentialRepository(jdbcOperations);
        this.userEntities = new JdbcPublicKeyCredentialUserEntityRepository(jdbcOperations);
        this.audit = audit;
    }

    /** A registered passkey as the account page lists it. */
    public record Passkey(String credentialId, String label, java.time.Instant created, java.time.Instant lastUsed) {
    }

    /** The repository Spring Security's passkey filters use, auditing each new registration. */
    UserCredentialRepository credentialRepository(Members members) {
        return new UserCredentialRepository() {
            @Override
            public void delete(Bytes credentialId) {
                credentials.delete(credentialId);
            }

            @Override
            public void save(CredentialRecord record) {
                boolean isNew = credentials.findByCredentialId(record.getCredentialId()) == null;
                credentials.save(record);
                if (isNew) {
                    PublicKeyCredentialUserEntity user = userEntities.findById(record.getUserEntityUserId());
                    UUID accountId = user == null ? null : UUID.fromString(user.getName());
                    UUID organisationId = accountId == null ? null : members.findById(accountId).map(Account::organisationId).orElse(null);
                    audit.record(AuditEvent.success("passkey.registered", String.valueOf(accountId), organisationId,
                            "account:" + accountId));
                }
            }

            @Override
            public CredentialRecord findByCredentialId(Bytes credentialId) {
                return credentials.findByCredentialId(credentialId);
            }

            @Override
            public List<CredentialRecord> findByUserId(Bytes userId) {
                return credentials.findByUserId(userId);
            }
        };
    }

    PublicKeyCredentialUserEntityRepository userEntityRepository() {
        return userEntities;
    }

    public List<Passkey> list(UUID accountId) {
        PublicKeyCredentialUserEntity user = userEntities.findByUsername(accountId.toString());
        if (user == null) {
            return List.of();
        }
        return credentials.findByUserId(user.getId()).stream()
                .map(c -> new Passkey(c.getCredentialId().toBase64UrlString(), c.getLabel(), c.getCreated(), c.getLastUsed()))
                .toList();
    }

    /** Removes one of the person's own passkeys; another person's is simply not found. */
    @Transactional
    public void remove(UUID accountId, UUID organisationId, String credentialId) {
        boolean own = list(accountId).stream().anyMatch(p -> p.credentialId().equals(credentialId));
        if (!own) {
            throw new NotFoundException("Passkey");
        }
        credentials.delete(Bytes.fromBase64(credentialId));
        audit.record(AuditEvent.success("passkey.removed", accountId.toString(), organisationId, "account:" + accountId));
    }

    /**
     * After a passkey sign-in: the person gets their roles at once, like after password + code, and
     * the browser is told where to go (the passkey script expects JSON).
     */
    static AuthenticationSuccessHandler completeSignIn(Members members, SecurityContextRepository contexts, AuditTrail audit, Clock clock,
            AccountLanguages languages) {
        return (HttpServletRequest request, HttpServletResponse response, Authentication authentication) -> {
            UUID accountId = UUID.fromString(authentication.getName());
            Account account = members.findById(accountId).filter(Account::active).orElse(null);
            if (account == null) {
                SecurityContextHolder.clearContext();
                request.getSession().invalidate();
                audit.record(new AuditEvent("login.failure", "anonymous", null, "login", AuditEvent.Outcome.FAILURE,
                        java.util.Map.of("reason", "DisabledAccount", "factor", "passkey")));
                json(response, 401, "{\"authenticated\":false}");
                return;
            }
            CurrentUser user = new CurrentUser(account, null);
            SecurityContext context = SecurityContextHolder.createEmptyContext();
            context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.fullAuthorities()));
            SecurityContextHolder.setContext(context);
            request.getSession().setAttribute(SessionGuard.SIGNED_IN_AT, clock.instant());
            SignInMethod.PASSKEY.markSession(request);
            contexts.saveContext(context, request, response);
            LanguageResolver.signedIn(request, account.id(), languages);
            audit.record(AuditEvent.success("login.success", account.id().toString(), account.organisationId(), "account:" + account.id())
                    .with("factor", "passkey"));
            json(response, 200, "{\"authenticated\":true,\"redirectUrl\":\"/\"}");
        };
    }

    private static void json(HttpServletResponse response, int status, String body) throws IOException {
        response.setStatus(status);
        response.setContentType("application/json");
        response.getWriter().write(body);
    }

    /** The relying party id is the host name of the address people use; origins are compared whole. */
    static String relyingPartyId(String baseUrl) {
        return URI.create(baseUrl).getHost();
    }

    static Set<String> allowedOrigins(String baseUrl) {
        URI uri = URI.create(baseUrl);
        return Set.of(uri.getScheme() + "://" + uri.getAuthority());
    }
}
