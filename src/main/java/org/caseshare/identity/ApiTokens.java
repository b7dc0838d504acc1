package org.caseshare.identity;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.caseshare.audit.AuditEvent;
import org.caseshare.audit.AuditTrail;
import org.caseshare.crypto.Tokens;
import org.caseshare.system.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Personal access tokens for the API. A token acts as its owner with the owner's current roles, and
 * stops working when revoked or when the owner's account is disabled.
 */
@Service
public class ApiTokens {

    /** Tokens start with this, so secret scanners can recognise a leaked one. */
    public static final String PREFIX = "cs_pat_";

    private final JdbcClient jdbc;
    private final Accounts accounts;
    private final AuditTrail audit;
    private final Clock clock;

    ApiTokens(JdbcClient jdbc, Accounts accounts, AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.audit = audit;
        this.clock = clock;
    }

    /** A token and the one chance to see it. */
    public record CreatedToken(ApiToken token, String secret) {
    }

    @Transactional
    public CreatedToken create(UUID accountId, String name, String actor) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("Enter a name for the token");
        }
        if (name.strip().length() > 100) {
            throw new IllegalArgumentException("Token name must be 100 characters or fewer");
        }
        Account account = accounts.findById(accountId).orElseThrow(() -> new NotFoundException("Account"));
        String secret = Tokens.newToken(PREFIX);
        ApiToken token = new ApiToken(UUID.randomUUID(), accountId, name.strip(), clock.instant(), null, null);
        jdbc.sql("insert into api_token (id, account_id, name, token_hash, created_at) values (?, ?, ?, ?, ?)")
                .params(token.id(), accountId, token.name(), Tokens.sha256Hex(secret), Timestamp.from(token.createdAt())).update();
        audit.record(AuditEvent.success("token.created", actor, account.organisationId(), "token:" + token.id())
                .with("owner", accountId.toString()));
        return new CreatedToken(token, secret);
    }

    public List<ApiToken> list(UUID accountId) {
        return jdbc.sql("select * from api_token where account_id = ? order by created_at desc").param(accountId)
                .query(ApiTokens::map).list();
    }

    @Transactional
    public void revoke(UUID accountId, UUID tokenId) {
        int updated = jdbc.sql("update api_token set revoked_at = ? where id = ? and account_id = ? and revoked_at is null")
                .params(Timestamp.from(clock.instant()), tokenId, accountId).update();
        if (updated != 1) {
            throw new NotFoundException("Token");
        }
        Account account = accounts.findById(accountId).orElseThrow();
        audit.record(AuditEvent.success("token.revoked", accountId.toString(), account.organisationId(), "token:" + tokenId));
    }

    /** The active account behind a presented token, or empty. */
    @Transactional
    Optional<Account> authenticate(String secret) {
        if (secret == null || !secret.startsWith(PREFIX) || secret.length() > 100) {
            return Optional.empty();
        }
        Optional<ApiToken> token = jdbc.sql("select * from api_token where token_hash = ? and revoked_at is null")
                .param(Tokens.sha256Hex(secret)).query(ApiTokens::map).optional();
        if (token.isEmpty()) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        if (token.get().lastUsedAt() == null || token.get().lastUsedAt().isBefore(now.minusSeconds(60))) {
            jdbc.sql("update api_token set last_used_at = ? where id = ?").params(Timestamp.from(now), token.get().id()).update();
        }
        return accounts.findById(token.get().accountId()).filter(Account::active);
    }

    private static ApiToken map(ResultSet rs, int row) throws SQLException {
        Timestamp used = rs.getTimestamp("last_used_at");
        Timestamp revoked = rs.getTimestamp("revoked_at");
        return new ApiToken(rs.getObject("id", UUID.class), rs.getObject("account_id", UUID.class), rs.getString("name"),
                rs.getTimestamp("created_at").toInstant(), used == null ? null : used.toInstant(),
                revoked == null ? null : revoked.toInstant());
    }
}
