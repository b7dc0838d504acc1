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

    private static final String COLUMNS = "occurred_at, actor_id, organisation_id, action, target, outcome, client_address, details";

    /**
     * Sequenced and not-yet-sequenced entries that match two conditions (one per table, with the
     * same parameters), newest first: the unsequenced ones (seq 0 once read) before the rest.
     */
    static final String BOTH = "select seq, " + COLUMNS + " from audit_entry where %s union all select cast(null as bigint) as seq, "
            + COLUMNS + " from audit_pending where %s order by seq desc nulls first, occurred_at desc";

    private final JdbcClient jdbc;

    AuditEntries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Up to {@code limit} entries with seq greater than {@code afterSeq}, in seq order. */
    List<AuditEntry> after(long afterSeq, int limit) {
        return jdbc.sql("select * from audit_entry where seq > ? order by seq limit ?")
                .params(afterSeq, limit).query(AuditEntries::map).list();
    }

    /** Up to {@code limit} entries with seq greater than {@code afterSeq} and at most {@code upTo}, in seq order. */
    List<AuditEntry> between(long afterSeq, long upTo, int limit) {
        return jdbc.sql("select * from audit_entry where seq > ? and seq <= ? order by seq limit ?")
                .params(afterSeq, upTo, limit).query(AuditEntries::map).list();
    }

    /**
     * Entries numbered beyond the head, which no sequencer writes (it moves the head in the same
     * transaction). One statement, so it reads the head and the entries at one moment.
     */
    long beyondHead() {
        return jdbc.sql("select count(*) from audit_entry where seq > (select last_seq from audit_head where id = 1)")
                .query(Long.class).single();
    }

    /** The first entry that was sealed when it was written; null if none was. */
    Long firstSealed() {
        return jdbc.sql("select min(seq) from audit_entry where seal is not null").query(Long.class).optional().orElse(null);
    }

    Optional<AuditEntry> find(long seq) {
        return jdbc.sql("select * from audit_entry where seq = ?").param(seq).query(AuditEntries::map).optional();
    }

    /** The head's last sequence number: every entry up to it has committed. */
    long lastSeq() {
        return jdbc.sql("select last_seq from audit_head where id = 1").query(Long.class).single();
    }

    /** Up to {@code limit} sequenced entries after {@code afterSeq} with the id and seal they were written with. */
    List<SealedEntry> sealedAfter(long afterSeq, int limit) {
        return jdbc.sql("select * from audit_entry where seq > ? order by seq limit ?").params(afterSeq, limit)
                .query((rs, n) -> new SealedEntry(map(rs, n), rs.getObject("pending_id", UUID.class), rs.getString("seal"))).list();
    }

    /** Entries written but not yet sequenced, oldest first, with their seals. */
    List<SealedEntry> pending() {
        return jdbc.sql("select * from audit_pending order by occurred_at, id")
                .query((rs, n) -> new SealedEntry(mapPending(rs).sequencedAs(0), rs.getObject("id", UUID.class), rs.getString("seal"))).list();
    }

    /** An entry read with the id and seal its transaction wrote; both null for entries older than seals. */
    record SealedEntry(AuditEntry entry, UUID pendingId, String seal) {

        PendingEntry asWritten() {
            AuditEntry e = entry;
            return new PendingEntry(pendingId, e.occurredAt(), e.actorId(), e.organisationId(), e.action(), e.target(), e.outcome(),
                    e.clientAddress(), e.details());
        }
    }

    static PendingEntry mapPending(ResultSet rs) throws SQLException {
        return new PendingEntry(rs.getObject("id", UUID.class), rs.getObject("occurred_at", OffsetDateTime.class).toInstant(),
                rs.getString("actor_id"), rs.getObject("organisation_id", UUID.class), rs.getString("action"),
                rs.getString("target"), rs.getString("outcome"), rs.getString("client_address"), rs.getString("details"));
    }

    static AuditEntry map(ResultSet rs, int row) throws SQLException {
        return new AuditEntry(rs.getLong("seq"), rs.getObject("occurred_at", OffsetDateTime.class).toInstant(),
                rs.getString("actor_id"), rs.getObject("organisation_id", UUID.class), rs.getString("action"),
                rs.getString("target"), rs.getString("outcome"), rs.getString("client_address"), rs.getString("details"));
    }
}
