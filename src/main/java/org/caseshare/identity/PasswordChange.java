package org.caseshare.identity;

import java.util.UUID;

import org.caseshare.audit.AuditEvent;
import org.caseshare.audit.AuditTrail;
import org.caseshare.system.Text;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A signed-in person changes their own password: the current one is asked for (a borrowed unlocked
 * screen is not enough), the new one follows {@link PasswordRules}, and every other session of the
 * account ends, so whoever may have known the old password is signed out.
 */
@Service
class PasswordChange {

    /** What went wrong, per field, or nothing. */
    record Outcome(String field, Text message) {
        static final Outcome DONE = new Outcome(null, null);

        boolean done() {
            return field == null;
        }
    }

    private final Accounts accounts;
    private final PasswordStates states;
    private final PasswordEncoder passwords;
    private final SessionControl sessions;
    private final AuditTrail audit;

    PasswordChange(Accounts accounts, PasswordStates states, PasswordEncoder passwords, SessionControl sessions, AuditTrail audit) {
        this.accounts = accounts;
        this.states = states;
        this.passwords = passwords;
        this.sessions = sessions;
        this.audit = audit;
    }

    @Transactional
    Outcome change(UUID accountId, String currentPassword, String newPassword, String keptSessionId) {
        Account account = accounts.findById(accountId).filter(Account::active).orElseThrow();
        String hash = accounts.passwordHash(accountId).orElse(null);
        if (currentPassword == null || currentPassword.isEmpty()) {
            return new Outcome("currentPassword", Text.of("identity.error.current-password"));
        }
        if (hash == null || !passwords.matches(currentPassword, hash)) {
            audit.record(AuditEvent.failure("password.change", accountId.toString(), account.organisationId(), "account:" + accountId)
                    .with("via", "password").with("reason", "wrong-current-password"));
            return new Outcome("currentPassword", Text.of("identity.error.current-password-wrong"));
        }
        Text problem = PasswordRules.problemText(newPassword, account.email(), account.displayName());
        if (problem != null) {
            return new Outcome("newPassword", problem);
        }
        if (passwords.matches(newPassword, hash)) {
            return new Outcome("newPassword", Text.of("identity.error.password-same"));
        }
        accounts.setPasswordHash(accountId, passwords.encode(newPassword));
        states.setMustChange(accountId, false);
        int ended = sessions.endAllExcept(accountId, keptSessionId);
        audit.record(AuditEvent.success("password.changed", accountId.toString(), account.organisationId(), "account:" + accountId)
                .with("via", "password").with("sessionsEnded", Integer.toString(ended)));
        return Outcome.DONE;
    }
}
