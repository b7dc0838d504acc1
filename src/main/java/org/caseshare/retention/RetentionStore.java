package org.caseshare.retention;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.caseshare.policy.RetentionKind;
import org.caseshare.sharing.SharingErasure;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The retention tables: holds, the review list, certificates and tombstones. Every query names the organisation. */
@Repository
class RetentionStore {

    /** A record on the review list, with the hold that stops it, if any. */
    record Due(UUID recordId, RetentionKind kind, Instant closedAt, Instant dueAt, String holdReason) {
        public boolean held() {
            return holdReason != null;
        }

        public String kindName() {
            return kind.displayName();
        }

        /** Where the record is shown, in its own module's pages. */
        public String link() {
            return switch (kind) {
                case INCIDENT -> "/incidents/" + recordId;
                case CUSTODY -> "/custody/" + recordId;
                case HUB_PACKAGE -> "/hub/packages/" + recordId;
                default -> "/sharing/" + recordId;
            };
        }

        Due heldBy(String reason) {
            return new Due(recordId, kind, closedAt, dueAt, reason);
        }
    }

    record Certificate(UUID id, String reason, UUID issuedBy, Instant issuedAt, int recordCount) {
    }

    record Tombstone(UUID recordId, String kind, String direction, String decision, String status, String channel, String marking,
            String recipientKind, Instant createdAt, Instant sharedAt, Instant closedAt, Instant deletedAt) {
    }

    private final JdbcClient jdbc;

    RetentionStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    // ---- holds ----

    Optional<String> holdReason(UUID organisationId, UUID recordId) {
        return jdbc.sql("select reason from retention_hold where organisation_id = ? and record_id = ?")
                .params(organisationId, recordId).query(String.class).optional();
    }

    Map<UUID, String> holds(UUID organisationId, Collection<UUID> recordIds) {
        if (recordIds.isEmpty()) {
            return Map.of();
        }
        Map<UUID, String> holds = new HashMap<>();
        List<Object> params = new ArrayList<>(List.of(organisationId));
        params.addAll(recordIds);
        jdbc.sql("select record_id, reason from retention_hold where organisation_id = ? and record_id in ("
                        + String.join(", ", Collections.nCopies(recordIds.size(), "?")) + ")")
                .params(params).query(rs -> {
                    holds.put(rs.getObject("record_id", UUID.class), rs.getString("reason"));
                });
        return holds;
    }

    /** Sets or replaces the hold; true if there was none. */
    boolean hold(UUID organisationId, UUID recordId, RetentionKind kind, String reason, UUID by, Instant at) {
        int changed = jdbc.sql("update retention_hold set reason = ?, set_by = ?, set_at = ? where organisation_id = ? and record_id = ?")
                .params(reason, by, Timestamp.from(at), organisationId, recordId).update();
        if (changed == 0) {
            jdbc.sql("insert into retention_hold (organisation_id, record_id, record_kind, reason, set_by, set_at) values (?, ?, ?, ?, ?, ?)")
                    .params(organisationId, recordId, kind.name(), reason, by, Timestamp.from(at)).update();
        }
        return changed == 0;
    }

    boolean release(UUID organisationId, UUID recordId) {
        return jdbc.sql("delete from retention_hold where organisation_id = ? and record_id = ?").params(organisationId, recordId).update() > 0;
    }

    // ---- the review list ----

    /** Lists a record as due unless it already is; true if it was added. */
    boolean listDue(UUID organisationId, RecordKinds.Listed closed, Instant dueAt, Instant now) {
        return jdbc.sql("insert into retention_due (organisation_id, record_id, record_kind, closed_at, due_at, listed_at)"
                        + " select ?, ?, ?, ?, ?, ? from (values (1)) as one (x)"
                        + " where not exists (select 1 from retention_due where organisation_id = ? and record_id = ?)")
                .params(organisationId, closed.id(), closed.kind().name(), Timestamp.from(closed.closedAt()), Timestamp.from(dueAt),
                        Timestamp.from(now), organisationId, closed.id())
                .update() > 0;
    }

    List<Due> due(UUID organisationId, int limit) {
        return jdbc.sql("select d.*, h.reason from retention_due d left join retention_hold h"
                        + " on h.organisation_id = d.organisation_id and h.record_id = d.record_id"
                        + " where d.organisation_id = ? order by d.due_at, d.record_id limit ?")
                .params(organisationId, limit)
                .query((rs, n) -> new Due(rs.getObject("record_id", UUID.class), RetentionKind.valueOf(rs.getString("record_kind")),
                        instant(rs, "closed_at"), instant(rs, "due_at"), rs.getString("reason")))
                .list();
    }

    /** The listed records without a hold on the record, oldest first. */
    List<Target> dueUnheld(UUID organisationId, int limit) {
        return jdbc.sql("select d.record_id, d.record_kind from retention_due d where d.organisation_id = ? and not exists (select 1 from retention_hold h"
                        + " where h.organisation_id = d.organisation_id and h.record_id = d.record_id) order by d.due_at, d.record_id limit ?")
                .params(organisationId, limit)
                .query((rs, n) -> new Target(rs.getObject("record_id", UUID.class), RetentionKind.valueOf(rs.getString("record_kind")))).list();
    }

    /** The listed record, as a target to delete; empty if it is not on the list. */
    Optional<Target> listed(UUID organisationId, UUID recordId) {
        return jdbc.sql("select record_kind from retention_due where organisation_id = ? and record_id = ?")
                .params(organisationId, recordId).query(String.class).optional().map(kind -> new Target(recordId, RetentionKind.valueOf(kind)));
    }

    void removeDue(UUID organisationId, UUID recordId) {
        jdbc.sql("delete from retention_due where organisation_id = ? and record_id = ?").params(organisationId, recordId).update();
    }

    // ---- certificates and tombstones ----

    void newCertificate(UUID id, UUID organisationId, String reason, UUID issuedBy, Instant at) {
        jdbc.sql("insert into retention_certificate (id, organisation_id, reason, issued_by, issued_at, record_count) values (?, ?, ?, ?, ?, 0)")
                .params(id, organisationId, reason, issuedBy, Timestamp.from(at)).update();
    }

    void tombstone(UUID organisationId, UUID certificateId, SharingErasure.Facts f, Instant at) {
        jdbc.sql("insert into retention_tombstone (record_id, organisation_id, certificate_id, record_kind, direction, decision, status, channel,"
                        + " marking, urgency, recipient_kind, created_at, shared_at, closed_at, deleted_at, lawful_basis)"
                        + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(f.id(), organisationId, certificateId, f.kind().name(), f.direction(), f.decision(), f.status(), f.channel(),
                        f.marking(), f.urgency(), f.recipientKind(), ts(f.createdAt()), ts(f.sharedAt()), ts(f.closedAt()), ts(at),
                        f.lawfulBasis())
                .update();
        jdbc.sql("update retention_certificate set record_count = record_count + 1 where id = ? and organisation_id = ?")
                .params(certificateId, organisationId).update();
    }

    /** The tombstone of an incident, custody item or hub package: its kind, how it ended, and dates. */
    void tombstone(UUID organisationId, UUID certificateId, RecordKinds.Remains r, Instant at) {
        jdbc.sql("insert into retention_tombstone (record_id, organisation_id, certificate_id, record_kind, decision, status, channel,"
                        + " recipient_kind, created_at, shared_at, closed_at, deleted_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(r.id(), organisationId, certificateId, r.kind().name(), r.decision(), r.status(), r.channel(), r.recipientKind(),
                        ts(r.createdAt()), ts(r.sharedAt()), ts(r.closedAt()), ts(at))
                .update();
        jdbc.sql("update retention_certificate set record_count = record_count + 1 where id = ? and organisation_id = ?")
                .params(certificateId, organisationId).update();
    }

    Optional<Certificate> certificate(UUID organisationId, UUID id) {
        return jdbc.sql("select * from retention_certificate where organisation_id = ? and id = ?").params(organisationId, id)
                .query((rs, n) -> certificate(rs)).optional();
    }

    List<Certificate> certificates(UUID organisationId, int limit) {
        return jdbc.sql("select * from retention_certificate where organisation_id = ? order by issued_at desc, id limit ?")
                .params(organisationId, limit).query((rs, n) -> certificate(rs)).list();
    }

    List<Tombstone> tombstones(UUID organisationId, UUID certificateId) {
        return jdbc.sql("select * from retention_tombstone where organisation_id = ? and certificate_id = ? order by closed_at, record_id")
                .params(organisationId, certificateId)
                .query((rs, n) -> new Tombstone(rs.getObject("record_id", UUID.class), rs.getString("record_kind"), rs.getString("direction"),
                        rs.getString("decision"), rs.getString("status"), rs.getString("channel"), rs.getString("marking"),
                        rs.getString("recipient_kind"), instant(rs, "created_at"), instant(rs, "shared_at"), instant(rs, "closed_at"),
                        instant(rs, "deleted_at")))
                .list();
    }

    private static Certificate certificate(ResultSet rs) throws SQLException {
        return new Certificate(rs.getObject("id", UUID.class), rs.getString("reason"), rs.getObject("issued_by", UUID.class),
                instant(rs, "issued_at"), rs.getInt("record_count"));
    }

    private static Timestamp ts(Instant at) {
        return at == null ? null : Timestamp.from(at);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }
}
