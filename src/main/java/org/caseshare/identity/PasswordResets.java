package org.caseshare.identity;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.caseshare.audit.AuditEvent;
import org.caseshare.audit.AuditTrail;
import org.caseshare.crypto.Tokens;
import org.caseshare.mail.Mailer;
import org.caseshare.mail.OutgoingMail;
import org.caseshare.system.AccountLanguages;
import org.caseshare.system.Text;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Self-service password reset by emailed link. The link carries a 256-bit single-use token; only
 * its SHA-256 is stored, with the account and a short expiry, and a newer request kills older
 * links. The email names nobody: it holds the link only. A reset ends every session and every
 * device cookie of the account, and leaves the second factor alone: signing in still needs it.
 */
@Service
class PasswordResets {

    private final JdbcClient jdbc;
    private final Accounts accounts;
    private final SsoProviders ssoProviders;
    private final PasswordStates states;
    private final PasswordEncoder passwords;
    private final SessionControl sessions;
    private final Mailer mailer;
    private final AccountLanguages languages;
    private final AuditTrail audit;
    private final PasswordResetProperties properties;
    private final Clock clock;
    private final String baseUrl;

    PasswordResets(JdbcClient jdbc, Accounts accounts, SsoProviders ssoProviders, PasswordStates states, PasswordEncoder passwords, SessionControl sessions,
            Mailer mailer, AccountLanguages languages, AuditTrail audit, PasswordResetProperties properties, Clock clock,
            @Value("${caseshare.base-url}") String baseUrl) {
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.ssoProviders = ssoProviders;
        this.states = states;
        this.passwords = passwords;
        this.sessions = sessions;
        this.mailer = mailer;
        this.languages = languages;
        this.audit = audit;
        this.properties = properties;
        this.clock = clock;
        this.baseUrl = baseUrl;
    }

    /**
     * Sends a link if the address belongs to an active account whose password is Caseshare's to
     * reset; otherwise does nothing that the asker could see. An account with no password (made by
     * SSO or SCIM) has none to reset, and in a domain an organisation's identity provider owns the
     * password is the provider's: a Caseshare one there would be a way round it. The lookup happens
     * either way, and the mail is only queued here (it goes after commit, on another thread), so all
     * answers take about as long.
     */
    @Transactional
    void request(String email) {
        Optional<Account> account = accounts.findByEmail(SignInNames.fold(email)).filter(Account::active)
                .filter(found -> accounts.passwordHash(found.id()).isPresent())
                .filter(found -> ssoProviders.domainOwner(EmailAddress.domain(found.email())).isEmpty());
        if (account.isEmpty()) {
            return;
        }
        UUID accountId = account.get().id();
        Instant now = clock.instant();
        // Only the newest link works.
        jdbc.sql("update password_reset set used_at = ? where account_id = ? and used_at is null")
                .params(Timestamp.from(now), accountId).update();
        String token = Tokens.newToken("");
        jdbc.sql("insert into password_reset (token_hash, account_id, created_at, expires_at) values (?, ?, ?, ?)")
                .params(Tokens.sha256Hex(token), accountId, Timestamp.from(now), Timestamp.from(now.plus(properties.linkValidity())))
                .update();
        audit.record(AuditEvent.success("password.reset-requested", "anonymous", account.get().organisationId(), "account:" + accountId)
                .with("via", "reset-link"));
        mailer.send(OutgoingMail.written(account.get().email(), languages.toWriteTo(accountId), Text.of("mail.password-reset.subject"),
                List.of(Text.of("mail.password-reset.asked"),
                        Text.of("mail.password-reset.open", Long.toString(properties.linkValidity().toMinutes())),
                        Text.literal(baseUrl + "/password/reset/" + token),
                        Text.of("mail.password-reset.second-factor"),
                        Text.of("mail.password-reset.not-asked"))));
    }

    /** The account behind a link that is unused, unexpired and the newest; empty for anything else. */
    Optional<Account> usable(String token) {
        if (token == null || token.isEmpty() || token.length() > 100) {
            return Optional.empty();
        }
        return jdbc.sql("select account_id from password_reset where token_hash = ? and used_at is null and expires_at > ?")
                .params(Tokens.sha256Hex(token), Timestamp.from(clock.instant())).query(UUID.class).optional()
                .flatMap(accounts::findById).filter(Account::active);
    }

    /** What became of a reset: done, a field error, or the link was no good. */
    record Outcome(boolean linkUnusable, Text problem) {
        boolean done() {
            return !linkUnusable && problem == null;
        }
    }

    /**
     * Sets the new password and spends the link, both or neither: the link is marked used by a
     * conditional update, so two submissions at once cannot both succeed.
     */
    @Transactional
    Outcome reset(String token, String newPassword) {
        Optional<Account> found = usable(token);
        if (found.isEmpty()) {
            return new Outcome(true, null);
        }
        Account account = found.get();
        Text problem = PasswordRules.problemText(newPassword, account.email(), account.displayName());
        if (problem != null) {
            return new Outcome(false, problem);
        }
        int spent = jdbc.sql("update password_reset set used_at = ? where token_hash = ? and used_at is null")
                .params(Timestamp.from(clock.instant()), Tokens.sha256Hex(token)).update();
        if (spent != 1) {
            return new Outcome(true, null);
        }
        accounts.setPasswordHash(account.id(), passwords.encode(newPassword));
        states.setMustChange(account.id(), false);
        states.endDeviceEpoch(account.id());
        int ended = sessions.endAll(account.id());
        audit.record(AuditEvent.success("password.reset", account.id().toString(), account.organisationId(), "account:" + account.id())
                .with("via", "reset-link").with("sessionsEnded", Integer.toString(ended)));
        return new Outcome(false, null);
    }
}
