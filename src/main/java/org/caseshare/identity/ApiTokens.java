package org.caseshare.identity;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
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
    /** Nothing lives for ever (issue #13 §7): a token lasts this long unless its owner chooses otherwise… */
    public static final int DEFAULT_DAYS = 90;
    /** …and never longer than a year, so a forgotten token dies on its own. */
    public static final int MAX_DAYS = 365;

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
        return create(accountId, name, DEFAULT_DAYS, actor);
    }

    /** A token that expires after the given number of days (1 to {@link #MAX_DAYS}). */
    @Transactional
    public CreatedToken create(UUID accountId, String name, int expiresInDays, String actor) {
        if (expiresInDays < 1 || expiresInDays > MAX_DAYS) {
            throw new Refusal("identity.error.token-days", MAX_DAYS);
        }
        if (name == null || name.isBlank()) {
            throw new Refusal("identity.error.token-name");
        }
        if (name.strip().length() > 100) {
            throw new Refusal("identity.error.token-name-long");
        }
        Account account = accounts.findById(accountId).orElseThrow(() -> new NotFoundException("Account"));
        String secret = Tokens.newToken(PREFIX);
        Instant now = clock.instant();
        ApiToken token = new ApiToken(UUID.randomUUID(), accountId, name.strip(), now, null, null, now.plus(Duration.ofDays(expiresInDays)));
        jdbc.sql("insert into api_token (id, account_id, name, token_hash, created_at, expires_at) values (?, ?, ?, ?, ?, ?)")
                .params(token.id(), accountId, token.name(), Tokens.sha256Hex(secret), Timestamp.from(token.createdAt()),
                        Timestamp.from(token.expiresAt())).update();
        audit.record(AuditEvent.success("token.created", actor, account.organisationId(), "token:" + token.id())
                .with("owner", accountId.toString()).with("expiresInDays", Integer.toString(expiresInDays)));
        return new CreatedToken(token, secret);
    }

    /** Every token of the organisation's members, newest first, with its owner: for the organisation admin. */
    public List<OrganisationToken> listForOrganisation(UUID organisationId) {
        return jdbc.sql("""
                select t.*, a.display_name from api_token t join account a on a.id = t.account_id
                where a.organisation_id = ? order by t.created_at desc""").param(organisationId)
                .query((rs, row) -> new OrganisationToken(map(rs, row), rs.getString("display_name"))).list();
    }

    /** A token as the organisation admin sees it: whose it is, never its secret. */
    public record OrganisationToken(ApiToken token, String ownerName) {
    }

    /** An organisation admin revokes a member's token; another organisation's token is not found. */
    @Transactional
    public void revokeInOrganisation(UUID organisationId, UUID tokenId, UUID admin) {
        int updated = jdbc.sql("""
                update api_token set revoked_at = ? where id = ? and revoked_at is null
                  and account_id in (select id from account where organisation_id = ?)""")
                .params(Timestamp.from(clock.instant()), tokenId, organisationId).update();
        if (updated != 1) {
            throw new NotFoundException("Token");
        }
        audit.record(AuditEvent.success("token.revoked", admin.toString(), organisationId, "token:" + tokenId)
                .with("by", "organisation-admin"));
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
        Instant now = clock.instant();
        Optional<ApiToken> token = jdbc.sql("select * from api_token where token_hash = ? and revoked_at is null")
                .param(Tokens.sha256Hex(secret)).query(ApiTokens::map).optional().filter(t -> !t.expiredAt(now));
        if (token.isEmpty()) {
            return Optional.empty();
        }
        if (token.get().lastUsedAt() == null || token.get().lastUsedAt().isBefore(now.minusSeconds(60))) {
            jdbc.sql("update api_token set last_used_at = ? where id = ?").params(Timestamp.from(now), token.get().id()).update();
        }
        return accounts.findById(token.get().accountId()).filter(Account::active);
    }

    /** Whether a presented token is one of ours that has expired (and not revoked): the 401 then says so. */
    boolean expired(String secret) {
        if (secret == null || !secret.startsWith(PREFIX) || secret.length() > 100) {
            return false;
        }
        return jdbc.sql("select * from api_token where token_hash = ? and revoked_at is null").param(Tokens.sha256Hex(secret))
                .query(ApiTokens::map).optional().filter(t -> t.expiredAt(clock.instant())).isPresent();
    }

    private static ApiToken map(ResultSet rs, int row) throws SQLException {
        Timestamp used = rs.getTimestamp("last_used_at");
        Timestamp revoked = rs.getTimestamp("revoked_at");
        return new ApiToken(rs.getObject("id", UUID.class), rs.getObject("account_id", UUID.class), rs.getString("name"),
                rs.getTimestamp("created_at").toInstant(), used == null ? null : used.toInstant(),
                revoked == null ? null : revoked.toInstant(), rs.getTimestamp("expires_at").toInstant());
    }
}
