package org.caseshare.identity;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.UUID;

import org.caseshare.audit.AuditEvent;
import org.caseshare.audit.AuditTrail;
import org.caseshare.crypto.ReadableCodes;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Ten single-use recovery codes for when the authenticator is lost: made at enrolment (or on the
 * account page, which replaces the old ones), shown once, stored as Argon2id hashes only. Each code
 * is 10 characters of a 31-letter alphabet, about 50 bits: far beyond online guessing, which the
 * sign-in throttle limits anyway, and slow to attack offline thanks to Argon2id.
 */
@Service
class RecoveryCodes {

    static final int COUNT = 10;
    static final int LENGTH = 10;

    private final JdbcClient jdbc;
    private final PasswordEncoder hashes;
    private final AuditTrail audit;
    private final Clock clock;

    RecoveryCodes(JdbcClient jdbc, PasswordEncoder hashes, AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.hashes = hashes;
        this.audit = audit;
        this.clock = clock;
    }

    /** Replaces any old codes with ten new ones; the caller shows them once. */
    @Transactional
    List<String> replace(Account account, String via) {
        jdbc.sql("delete from recovery_code where account_id = ?").param(account.id()).update();
        List<String> codes = new ArrayList<>();
        Timestamp now = Timestamp.from(clock.instant());
        for (int i = 0; i < COUNT; i++) {
            String code = ReadableCodes.generate(LENGTH);
            codes.add(code);
            jdbc.sql("insert into recovery_code (id, account_id, code_hash, created_at) values (?, ?, ?, ?)")
                    .params(UUID.randomUUID(), account.id(), hashes.encode(ReadableCodes.normalise(code)), now).update();
        }
        audit.record(AuditEvent.success("mfa.recovery-codes-created", account.id().toString(), account.organisationId(),
                "account:" + account.id()).with("via", via).with("count", Integer.toString(COUNT)));
        return codes;
    }

    /** Whether the account has ever been given codes that it still holds (used or not). */
    boolean issued(UUID accountId) {
        return jdbc.sql("select count(*) from recovery_code where account_id = ?").param(accountId).query(Long.class).single() > 0;
    }

    int remaining(UUID accountId) {
        return jdbc.sql("select count(*) from recovery_code where account_id = ? and used_at is null").param(accountId)
                .query(Long.class).single().intValue();
    }

    /**
     * Spends a code as the second factor.
     *
     * @return how many codes are left, or empty if the code is not one of the account's unused codes
     */
    @Transactional
    OptionalInt use(Account account, String typed) {
        String code = ReadableCodes.normalise(typed);
        if (code.length() == LENGTH) {
            List<Row> unused = jdbc.sql("select id, code_hash from recovery_code where account_id = ? and used_at is null")
                    .param(account.id()).query((rs, n) -> new Row(rs.getObject("id", UUID.class), rs.getString("code_hash"))).list();
            for (Row row : unused) {
                // The conditional update makes the code single-use even when two browsers race with it.
                if (hashes.matches(code, row.hash()) && jdbc.sql("update recovery_code set used_at = ? where id = ? and used_at is null")
                        .params(Timestamp.from(clock.instant()), row.id()).update() == 1) {
                    int left = remaining(account.id());
                    audit.record(AuditEvent.success("mfa.recovery-code-used", account.id().toString(), account.organisationId(),
                            "account:" + account.id()).with("via", "recovery-code").with("remaining", Integer.toString(left)));
                    return OptionalInt.of(left);
                }
            }
        }
        audit.record(AuditEvent.failure("mfa.recovery-code-used", account.id().toString(), account.organisationId(),
                "account:" + account.id()).with("via", "recovery-code"));
        return OptionalInt.empty();
    }

    private record Row(UUID id, String hash) {
    }
}
