package org.caseshare.identity;

import java.util.UUID;

import org.caseshare.audit.AuditEvent;
import org.caseshare.audit.AuditTrail;
import org.caseshare.crypto.Tokens;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Passwords that someone other than the person sets (the admin command line): they are random,
 * shown once to the admin, and must be changed at the first sign-in, so the admin never knows the
 * password the person goes on to use.
 */
@Service
public class TemporaryPasswords {

    private final Members members;
    private final Accounts accounts;
    private final PasswordStates states;
    private final PasswordEncoder passwords;
    private final SessionControl sessions;
    private final AuditTrail audit;

    TemporaryPasswords(Members members, Accounts accounts, PasswordStates states, PasswordEncoder passwords, SessionControl sessions,
            AuditTrail audit) {
        this.members = members;
        this.accounts = accounts;
        this.states = states;
        this.passwords = passwords;
        this.sessions = sessions;
        this.audit = audit;
    }

    /** A new random temporary password (256 bits, so never "too common"). */
    public static String generate() {
        return Tokens.newToken("");
    }

    /** Marks an account's password as set by someone else: the person must change it at next sign-in. */
    @Transactional
    public void requireChange(UUID organisationId, UUID accountId, String actor) {
        members.get(organisationId, accountId);
        states.setMustChange(accountId, true);
        audit.record(AuditEvent.success("password.must-change", actor, organisationId, "account:" + accountId));
    }

    /**
     * Replaces a member's password with a new temporary one, which they must change at next sign-in.
     * Their sessions end. The second factor is untouched.
     *
     * @return the temporary password, to be shown once
     */
    @Transactional
    public String reset(UUID organisationId, UUID accountId, String actor) {
        members.get(organisationId, accountId);
        String password = generate();
        accounts.setPasswordHash(accountId, passwords.encode(password));
        states.setMustChange(accountId, true);
        int ended = sessions.endAll(accountId);
        audit.record(AuditEvent.success("password.set-by-admin", actor, organisationId, "account:" + accountId)
                .with("sessionsEnded", Integer.toString(ended)));
        return password;
    }
}
