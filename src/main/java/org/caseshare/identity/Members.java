package org.caseshare.identity;

import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.caseshare.audit.AuditEvent;
import org.caseshare.audit.AuditTrail;
import org.caseshare.directory.Organisation;
import org.caseshare.directory.OrganisationKind;
import org.caseshare.directory.Directory;
import org.caseshare.system.NotFoundException;
import org.caseshare.system.Text;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Membership of organisations: creating accounts, changing roles, disabling, resetting the second
 * factor. Used by the organisation admin's pages and the admin command line alike. Every method that
 * takes an organisation id only ever touches accounts of that organisation.
 */
@Service
public class Members {

    private final Accounts accounts;
    private final Directory organisations;
    private final PasswordEncoder passwords;
    private final SessionControl sessions;
    private final AuditTrail audit;
    private final Clock clock;
    private final org.springframework.jdbc.core.simple.JdbcClient jdbc;

    Members(Accounts accounts, Directory organisations, PasswordEncoder passwords, SessionControl sessions,
            AuditTrail audit, Clock clock, org.springframework.jdbc.core.simple.JdbcClient jdbc) {
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.organisations = organisations;
        this.passwords = passwords;
        this.sessions = sessions;
        this.audit = audit;
        this.clock = clock;
    }

    /** First-run setup: the first organisation and its administrator, who is also the system administrator. */
    @Transactional
    public Account createFirstOrganisation(String organisationName, OrganisationKind kind, String adminName, String email,
            String password) {
        if (accounts.anySystemAdmin()) {
            throw new SetupAlreadyDoneException();
        }
        Organisation organisation = organisations.createTenant(organisationName, kind, "setup");
        Account admin = newAccount(organisation.id(), email, adminName, Set.of(Role.ORGANISATION_ADMIN, Role.DATA_PROTECTION_OFFICER), true);
        insertWithPassword(admin, password);
        audit.record(AuditEvent.success("account.created", "setup", organisation.id(), "account:" + admin.id())
                .with("roles", roleNames(admin.roles())).with("systemAdmin", "true"));
        return admin;
    }

    /** Creates an active account with a password (the command line, demo data, accepted invitations). */
    @Transactional
    public Account createAccount(UUID organisationId, String email, String displayName, Set<Role> roles, String password, String actor) {
        organisations.organisation(organisationId).orElseThrow(() -> new NotFoundException("Organisation"));
        Account account = newAccount(organisationId, email, displayName, roles, false);
        insertWithPassword(account, password);
        audit.record(AuditEvent.success("account.created", actor, organisationId, "account:" + account.id())
                .with("roles", roleNames(roles)));
        return account;
    }

    public List<Account> list(UUID organisationId) {
        return accounts.findByOrganisation(organisationId);
    }

    public Account get(UUID organisationId, UUID accountId) {
        return accounts.findInOrganisation(organisationId, accountId).orElseThrow(() -> new NotFoundException("Member"));
    }

    public java.util.Optional<Account> findByEmail(String email) {
        return accounts.findByEmail(EmailAddress.normalise(email));
    }

    public java.util.Optional<Account> findById(UUID accountId) {
        return accounts.findById(accountId);
    }

    /** Changes a member's roles. Their sessions end so the new roles apply at once. */
    @Transactional
    public Account changeRoles(UUID organisationId, UUID accountId, Set<Role> roles, String actor) {
        if (roles.isEmpty()) {
            throw new Refusal("identity.error.roles");
        }
        Account account = get(organisationId, accountId);
        if (account.id().toString().equals(actor) && account.hasRole(Role.ORGANISATION_ADMIN) && !roles.contains(Role.ORGANISATION_ADMIN)) {
            throw new Refusal("identity.error.own-admin-role");
        }
        accounts.replaceRoles(accountId, roles);
        audit.record(AuditEvent.success("account.roles-changed", actor, organisationId, "account:" + accountId)
                .with("from", roleNames(account.roles())).with("to", roleNames(roles)));
        sessions.endAll(accountId);
        return get(organisationId, accountId);
    }

    /** Disables an account: it can no longer sign in or use its tokens, and its sessions end now. */
    @Transactional
    public void disable(UUID organisationId, UUID accountId, String actor) {
        Account account = get(organisationId, accountId);
        if (account.id().toString().equals(actor)) {
            throw new Refusal("identity.error.disable-self");
        }
        accounts.setStatus(accountId, AccountStatus.DISABLED);
        int ended = sessions.endAll(accountId);
        audit.record(AuditEvent.success("account.disabled", actor, organisationId, "account:" + accountId)
                .with("sessionsEnded", Integer.toString(ended)));
    }

    @Transactional
    public void enable(UUID organisationId, UUID accountId, String actor) {
        get(organisationId, accountId);
        accounts.setStatus(accountId, AccountStatus.ACTIVE);
        audit.record(AuditEvent.success("account.enabled", actor, organisationId, "account:" + accountId));
    }

    /** Clears the second factor: the person enrols again at their next sign-in. Their sessions end. */
    @Transactional
    public void resetSecondFactor(UUID organisationId, UUID accountId, String actor) {
        get(organisationId, accountId);
        accounts.setPendingTotpSecret(accountId, null);
        // Passkeys are second factors too: a reset removes them all.
        jdbc.sql("delete from user_credentials where user_entity_user_id in (select id from user_entities where name = ?)")
                .param(accountId.toString()).update();
        // So are recovery codes: the person gets new ones when they enrol again.
        jdbc.sql("delete from recovery_code where account_id = ?").param(accountId).update();
        sessions.endAll(accountId);
        audit.record(AuditEvent.success("mfa.reset", actor, organisationId, "account:" + accountId));
    }

    /** Ends every session of the caller's own account ("sign out everywhere"). */
    @Transactional
    public int signOutEverywhere(UUID organisationId, UUID accountId) {
        int ended = sessions.endAll(accountId);
        audit.record(AuditEvent.success("session.ended-everywhere", accountId.toString(), organisationId, "account:" + accountId)
                .with("sessionsEnded", Integer.toString(ended)));
        return ended;
    }

    /**
     * A new active account, not yet stored: the address normalised, the name and roles checked, and
     * no other account with the address.
     *
     * @throws DuplicateAccountException if any account already has this email address
     * @throws IllegalArgumentException if the name or roles are not acceptable
     */
    Account newAccount(UUID organisationId, String email, String displayName, Set<Role> roles, boolean systemAdmin) {
        String normalised = EmailAddress.normalise(email);
        if (displayName == null || displayName.isBlank()) {
            throw new Refusal("identity.error.person-name");
        }
        if (displayName.strip().length() > 200) {
            throw new Refusal("identity.error.full-name-long");
        }
        if (roles.isEmpty()) {
            throw new Refusal("identity.error.roles");
        }
        if (accounts.findByEmail(normalised).isPresent()) {
            throw new DuplicateAccountException();
        }
        return new Account(UUID.randomUUID(), organisationId, normalised, displayName.strip(), AccountStatus.ACTIVE,
                systemAdmin, roles, false, clock.instant());
    }

    private void insertWithPassword(Account account, String password) {
        Text problem = PasswordRules.problemText(password, account.email(), account.displayName());
        if (problem != null) {
            throw new Refusal(problem);
        }
        accounts.insert(account, passwords.encode(password));
    }

    static String roleNames(Set<Role> roles) {
        return String.join(",", roles.stream().map(Enum::name).sorted().toList());
    }
}
