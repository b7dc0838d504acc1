package org.caseshare.identity;

import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What an organisation's identity provider may do to its members through provisioning (SCIM): make
 * an account without a password (the person signs in through the provider, or an admin invites
 * them), rename it, switch it off and on. Switching off ends the person's sessions at once; their API
 * tokens stop working because {@link ApiTokens} only answers for active accounts. The caller audits,
 * naming the provisioning client as the actor. Every method is scoped to one organisation.
 */
@Service
public class Provisioning {

    /** The role of a provisioned person when the organisation has no single sign-on to say otherwise. */
    static final Role DEFAULT_ROLE = Role.PRACTITIONER;

    private final Accounts accounts;
    private final Members members;
    private final SessionControl sessions;
    private final SsoProviders ssoProviders;
    private final JdbcClient jdbc;

    Provisioning(Accounts accounts, Members members, SessionControl sessions, SsoProviders ssoProviders, JdbcClient jdbc) {
        this.accounts = accounts;
        this.ssoProviders = ssoProviders;
        this.members = members;
        this.sessions = sessions;
        this.jdbc = jdbc;
    }

    /**
     * The role a new person from the organisation's provider gets: its single sign-on default role
     * when it has SSO (the same person signing in through it first would get that), else practitioner.
     */
    public Role defaultRole(UUID organisationId) {
        return ssoProviders.find(organisationId).map(SsoProvider::defaultRole).orElse(DEFAULT_ROLE);
    }

    /**
     * An active account with no password.
     *
     * @throws DuplicateAccountException if any account already has this email address
     * @throws IllegalArgumentException if the address, name or roles are not acceptable
     */
    @Transactional
    public Account create(UUID organisationId, String email, String displayName, Set<Role> roles) {
        Account account = members.newAccount(organisationId, email, displayName, roles, false);
        accounts.insert(account, null);
        return account;
    }

    /** A member of the organisation by email address; another organisation's account is not found. */
    public Optional<Account> findByEmail(UUID organisationId, String email) {
        if (!EmailAddress.valid(email)) {
            return Optional.empty();
        }
        return accounts.findByEmail(EmailAddress.normalise(email)).filter(a -> a.organisationId().equals(organisationId));
    }

    @Transactional
    public void rename(UUID organisationId, UUID accountId, String displayName) {
        members.get(organisationId, accountId);
        if (displayName == null || displayName.isBlank() || displayName.strip().length() > 200) {
            throw new IllegalArgumentException("A name of 1 to 200 characters is needed");
        }
        jdbc.sql("update account set display_name = ?, version = version + 1 where id = ? and organisation_id = ?")
                .params(displayName.strip(), accountId, organisationId).update();
    }

    /**
     * Changes the address a member signs in with, when the provider renames them.
     *
     * @throws DuplicateAccountException if another account already has the address
     */
    @Transactional
    public void changeEmail(UUID organisationId, UUID accountId, String email) {
        Account account = members.get(organisationId, accountId);
        String normalised = EmailAddress.normalise(email);
        if (normalised.equals(account.email())) {
            return;
        }
        if (accounts.findByEmail(normalised).isPresent()) {
            throw new DuplicateAccountException();
        }
        jdbc.sql("update account set email = ?, version = version + 1 where id = ? and organisation_id = ?")
                .params(normalised, accountId, organisationId).update();
    }

    /** Disables the account and ends its sessions now. @return how many sessions were ended */
    @Transactional
    public int deactivate(UUID organisationId, UUID accountId) {
        members.get(organisationId, accountId);
        accounts.setStatus(accountId, AccountStatus.DISABLED);
        return sessions.endAll(accountId);
    }

    @Transactional
    public void reactivate(UUID organisationId, UUID accountId) {
        members.get(organisationId, accountId);
        accounts.setStatus(accountId, AccountStatus.ACTIVE);
    }
}
