package org.caseshare.identity;

import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.caseshare.audit.AuditEvent;
import org.caseshare.audit.AuditTrail;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Joiners and movers through single sign-on: the first sign-in of a person in one of the
 * organisation's domains creates their account; every sign-in applies the roles their groups map
 * to. Everything is checked against the organisation whose callback received the token, so one
 * organisation's provider can never sign anyone into another.
 */
@Service
class SsoMembers {

    private final SsoProviders providers;
    private final Accounts accounts;
    private final SessionControl sessions;
    private final AuditTrail audit;
    private final Clock clock;

    SsoMembers(SsoProviders providers, Accounts accounts, SessionControl sessions, AuditTrail audit, Clock clock) {
        this.providers = providers;
        this.accounts = accounts;
        this.sessions = sessions;
        this.audit = audit;
        this.clock = clock;
    }

    /** The IdP acts here, not a person: audit entries name it by its organisation. */
    static String actor(UUID organisationId) {
        return "idp:" + organisationId;
    }

    /**
     * The account for a validated ID token received on this organisation's callback.
     *
     * @throws SsoRefusedException when the person may not sign in here
     */
    @Transactional
    Account signIn(SsoProvider provider, OidcIdToken token) {
        UUID organisationId = provider.organisationId();
        String issuer = token.getIssuer().toString();
        String subject = token.getSubject();
        String email = email(token);
        String domain = email.substring(email.indexOf('@') + 1);
        // The domain must belong to THIS organisation (the table's primary key makes it one at most).
        if (!provider.ownsDomain(domain) || !providers.domainOwner(domain).map(organisationId::equals).orElse(false)) {
            throw new SsoRefusedException("domain-not-allowed");
        }
        Account account = providers.linkedAccount(organisationId, issuer, subject)
                .map(id -> accounts.findInOrganisation(organisationId, id).orElseThrow(() -> new SsoRefusedException("account-not-found")))
                .orElseGet(() -> linkByEmail(provider, token, email));
        if (!account.active()) {
            throw new SsoRefusedException("account-disabled");
        }
        Set<Role> roles = provider.rolesFor(claimValues(token, provider.roleClaim()));
        if (!roles.equals(account.roles())) {
            accounts.replaceRoles(account.id(), roles);
            audit.record(AuditEvent.success("account.roles-changed", actor(organisationId), organisationId, "account:" + account.id())
                    .with("from", Members.roleNames(account.roles())).with("to", Members.roleNames(roles)).with("via", "sso"));
            // Other sessions held the old roles.
            sessions.endAll(account.id());
            account = accounts.findById(account.id()).orElseThrow();
        }
        return account;
    }

    private Account linkByEmail(SsoProvider provider, OidcIdToken token, String email) {
        UUID organisationId = provider.organisationId();
        Optional<Account> existing = accounts.findByEmail(email);
        if (existing.isPresent()) {
            Account account = existing.get();
            if (!account.organisationId().equals(organisationId)) {
                throw new SsoRefusedException("account-in-another-organisation");
            }
            providers.link(organisationId, token.getIssuer().toString(), token.getSubject(), account.id(), clock.instant());
            audit.record(AuditEvent.success("sso.linked", actor(organisationId), organisationId, "account:" + account.id()).with("via", "sso"));
            return account;
        }
        Set<Role> roles = provider.rolesFor(claimValues(token, provider.roleClaim()));
        Account account = new Account(UUID.randomUUID(), organisationId, email, displayName(token, email), AccountStatus.ACTIVE, false,
                roles, false, clock.instant());
        // No password: the person signs in through their organisation's provider only.
        accounts.insert(account, null);
        providers.link(organisationId, token.getIssuer().toString(), token.getSubject(), account.id(), clock.instant());
        audit.record(AuditEvent.success("account.created", actor(organisationId), organisationId, "account:" + account.id())
                .with("roles", Members.roleNames(roles)).with("via", "sso"));
        return account;
    }

    /** Entra ID puts the address in {@code email} when the user has a mailbox, else in {@code preferred_username}. */
    private static String email(OidcIdToken token) {
        for (String claim : List.of("email", "preferred_username", "upn")) {
            String value = token.getClaimAsString(claim);
            if (value != null && value.contains("@")) {
                try {
                    return EmailAddress.normalise(value);
                } catch (IllegalArgumentException e) {
                    throw new SsoRefusedException("email-not-valid");
                }
            }
        }
        throw new SsoRefusedException("no-email");
    }

    private static String displayName(OidcIdToken token, String email) {
        String name = token.getFullName();
        if (name == null || name.isBlank()) {
            name = email.substring(0, email.indexOf('@'));
        }
        name = name.strip();
        return name.length() > 200 ? name.substring(0, 200) : name;
    }

    static List<String> claimValues(OidcIdToken token, String claim) {
        Object value = token.getClaims().get(claim);
        if (value instanceof Collection<?> values) {
            return values.stream().map(String::valueOf).toList();
        }
        if (value instanceof String text) {
            return List.of(text.split("[\\s,]+"));
        }
        return List.of();
    }
}
