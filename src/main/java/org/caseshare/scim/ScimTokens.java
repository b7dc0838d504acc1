package org.caseshare.scim;

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
import org.caseshare.system.PlainText;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An organisation's SCIM bearer tokens, made and revoked by its admin. Like personal access tokens
 * (identity.ApiTokens): 256 random bits, kept as a SHA-256 hash (enough for a secret that cannot be
 * guessed, and it lets a presented token be found by its hash), with an expiry and a last-used time.
 */
@Service
public class ScimTokens {

    /** Secret scanners can recognise a leaked token by this. */
    static final String PREFIX = "cs_scim_";
    /** A provider's token is pasted once into its console: a year by default, two at most. */
    static final int DEFAULT_DAYS = 365;
    static final int MAX_DAYS = 730;

    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final Clock clock;

    ScimTokens(JdbcClient jdbc, AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    /** A token and the one chance to see it. */
    public record CreatedToken(ScimToken token, String secret) {
    }

    @Transactional
    public CreatedToken create(UUID organisationId, String name, Integer expiresInDays, UUID admin) {
        int days = expiresInDays == null ? DEFAULT_DAYS : expiresInDays;
        if (days < 1 || days > MAX_DAYS) {
            throw new IllegalArgumentException("Choose between 1 and " + MAX_DAYS + " days");
        }
        String label = name == null || name.isBlank() ? "SCIM provisioning" : name.strip();
        if (label.length() > 100) {
            throw new IllegalArgumentException("Token name must be 100 characters or fewer");
        }
        PlainText.problem("Token name", label, false).ifPresent(problem -> {
            throw new IllegalArgumentException(problem);
        });
        String secret = Tokens.newToken(PREFIX);
        Instant now = clock.instant();
        ScimToken token = new ScimToken(UUID.randomUUID(), organisationId, label, now, now.plus(Duration.ofDays(days)), null, null);
        jdbc.sql("""
                insert into scim_token (id, organisation_id, name, token_hash, created_by, created_at, expires_at)
                values (?, ?, ?, ?, ?, ?, ?)""")
                .params(token.id(), organisationId, label, Tokens.sha256Hex(secret), admin, Timestamp.from(now),
                        Timestamp.from(token.expiresAt())).update();
        audit.record(AuditEvent.success("scim.token-created", admin.toString(), organisationId, "scim-token:" + token.id())
                .with("expiresInDays", Integer.toString(days)));
        return new CreatedToken(token, secret);
    }

    public List<ScimToken> list(UUID organisationId) {
        return jdbc.sql("select * from scim_token where organisation_id = ? order by created_at desc").param(organisationId)
                .query(ScimTokens::map).list();
    }

    /** Another organisation's token is not found. */
    @Transactional
    public void revoke(UUID organisationId, UUID tokenId, UUID admin) {
        int updated = jdbc.sql("update scim_token set revoked_at = ? where id = ? and organisation_id = ? and revoked_at is null")
                .params(Timestamp.from(clock.instant()), tokenId, organisationId).update();
        if (updated != 1) {
            throw new NotFoundException("Token");
        }
        audit.record(AuditEvent.success("scim.token-revoked", admin.toString(), organisationId, "scim-token:" + tokenId));
    }

    /** The client behind a presented token: unknown, revoked and expired tokens are all empty. */
    @Transactional
    Optional<ScimClient> authenticate(String secret) {
        if (secret == null || !secret.startsWith(PREFIX) || secret.length() > 100) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        Optional<ScimToken> token = jdbc.sql("select * from scim_token where token_hash = ? and revoked_at is null")
                .param(Tokens.sha256Hex(secret)).query(ScimTokens::map).optional().filter(t -> !t.expiredAt(now));
        token.filter(t -> t.lastUsedAt() == null || t.lastUsedAt().isBefore(now.minusSeconds(60)))
                .ifPresent(t -> jdbc.sql("update scim_token set last_used_at = ? where id = ?").params(Timestamp.from(now), t.id()).update());
        return token.map(t -> new ScimClient(t.id(), t.organisationId()));
    }

    private static ScimToken map(ResultSet rs, int row) throws SQLException {
        return new ScimToken(rs.getObject("id", UUID.class), rs.getObject("organisation_id", UUID.class), rs.getString("name"),
                rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("expires_at").toInstant(), instant(rs, "last_used_at"),
                instant(rs, "revoked_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }
}
