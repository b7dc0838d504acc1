package org.caseshare.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Reads stored entries in sequence order, a page at a time, so no caller holds the whole trail. */
@Component
class AuditEntries {

    /** Large enough that a million entries take a hundred round trips, small enough to stay a few MB. */
    static final int PAGE = 20_000;

    private final JdbcClient jdbc;

    AuditEntries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Up to {@code limit} entries with seq greater than {@code afterSeq}, in seq order. */
    List<AuditEntry> after(long afterSeq, int limit) {
        return jdbc.sql("select * from audit_entry where seq > ? order by seq limit ?")
                .params(afterSeq, limit).query(AuditEntries::map).list();
    }

    /** An entry with its own signature (null for entries written before entries were signed). */
    record Signed(AuditEntry entry, String signature) {
    }

    /** As {@link #after}, with each entry's signature. */
    List<Signed> signedAfter(long afterSeq, int limit) {
        return jdbc.sql("select * from audit_entry where seq > ? order by seq limit ?")
                .params(afterSeq, limit).query((rs, row) -> new Signed(map(rs, row), rs.getString("signature"))).list();
    }

    /** The first entry that was signed when it was written; null if none was. */
    Long firstSigned() {
        return jdbc.sql("select min(seq) from audit_entry where signature is not null").query(Long.class).optional().orElse(null);
    }

    Optional<AuditEntry> find(long seq) {
        return jdbc.sql("select * from audit_entry where seq = ?").param(seq).query(AuditEntries::map).optional();
    }

    /** The head's last sequence number: every entry up to it has committed. */
    long lastSeq() {
        return jdbc.sql("select last_seq from audit_head where id = 1").query(Long.class).single();
    }

    static AuditEntry map(ResultSet rs, int row) throws SQLException {
        return new AuditEntry(rs.getLong("seq"), rs.getObject("occurred_at", OffsetDateTime.class).toInstant(),
                rs.getString("actor_id"), rs.getObject("organisation_id", UUID.class), rs.getString("action"),
                rs.getString("target"), rs.getString("outcome"), rs.getString("client_address"), rs.getString("details"));
    }
}
