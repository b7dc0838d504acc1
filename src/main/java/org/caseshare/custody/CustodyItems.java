package org.caseshare.custody;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Custody items in the database. Every read is scoped by organisation. */
@Repository
class CustodyItems {

    private final JdbcClient jdbc;

    CustodyItems(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(CustodyItem i) {
        jdbc.sql("""
                insert into custody_item (id, organisation_id, kind, holder_id, holder_name, description, reason, taken_at, due_at,
                    device_id, sharing_record_id, safeguards, status, version)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)""")
                .params(i.id(), i.organisationId(), i.kind().name(), i.holderId(), i.holderName(), i.description(), i.reason(),
                        ts(i.takenAt()), ts(i.dueAt()), i.deviceId(), i.sharingRecordId(), String.join(",", i.safeguards()),
                        i.status().name())
                .update();
    }

    /** Saves a closed item; false when someone else changed it first. */
    boolean close(CustodyItem i) {
        return jdbc.sql("""
                update custody_item set status = ?, closed_by = ?, closed_by_name = ?, closed_at = ?, closed_how = ?, version = version + 1
                where id = ? and organisation_id = ? and version = ? and status = 'OUT'""")
                .params(i.status().name(), i.closedBy(), i.closedByName(), ts(i.closedAt()), i.closedHow(), i.id(), i.organisationId(),
                        i.version())
                .update() == 1;
    }

    Optional<CustodyItem> find(UUID organisationId, UUID id) {
        return jdbc.sql("select * from custody_item where organisation_id = ? and id = ?").params(organisationId, id)
                .query(CustodyItems::map).optional();
    }

    /** The organisation's items, or one holder's when {@code holderId} is given; open ones first, then newest. */
    List<CustodyItem> list(UUID organisationId, UUID holderId, int limit) {
        String order = " order by case when status = 'OUT' then 0 else 1 end, taken_at desc limit ?";
        if (holderId == null) {
            return jdbc.sql("select * from custody_item where organisation_id = ?" + order).params(organisationId, limit)
                    .query(CustodyItems::map).list();
        }
        return jdbc.sql("select * from custody_item where organisation_id = ? and holder_id = ?" + order)
                .params(organisationId, holderId, limit).query(CustodyItems::map).list();
    }

    List<CustodyItem> overdue(UUID organisationId, UUID holderId, Instant now) {
        String sql = "select * from custody_item where organisation_id = ? and status = 'OUT' and due_at < ?";
        if (holderId == null) {
            return jdbc.sql(sql + " order by due_at").params(organisationId, ts(now)).query(CustodyItems::map).list();
        }
        return jdbc.sql(sql + " and holder_id = ? order by due_at").params(organisationId, ts(now), holderId)
                .query(CustodyItems::map).list();
    }

    List<CustodyItem> onDevice(UUID organisationId, UUID deviceId) {
        return jdbc.sql("select * from custody_item where organisation_id = ? and device_id = ? order by taken_at desc")
                .params(organisationId, deviceId).query(CustodyItems::map).list();
    }

    /** Every organisation's overdue items, for the reminder sweep. */
    List<CustodyItem> overdueEverywhere(Instant now, int limit) {
        return jdbc.sql("select * from custody_item where status = 'OUT' and due_at < ? order by due_at limit ?")
                .params(ts(now), limit).query(CustodyItems::map).list();
    }

    /**
     * Claims the reminder: only the node whose update changes the row sends it, so several nodes
     * sweeping at once send one reminder, and the next no sooner than {@code notBefore}.
     */
    boolean claimReminder(UUID id, Instant now, Instant notBefore) {
        return jdbc.sql("update custody_item set reminded_at = ? where id = ? and status = 'OUT' and (reminded_at is null or reminded_at < ?)")
                .params(ts(now), id, ts(notBefore)).update() == 1;
    }

    /** Claims the escalation of information left on a device: once per item, on one node. */
    boolean claimEscalation(UUID id, Instant now) {
        return jdbc.sql("update custody_item set escalated_at = ? where id = ? and status = 'OUT' and escalated_at is null")
                .params(ts(now), id).update() == 1;
    }

    static CustodyItem map(ResultSet rs, int row) throws SQLException {
        String safeguards = rs.getString("safeguards");
        return new CustodyItem(rs.getObject("id", UUID.class), rs.getObject("organisation_id", UUID.class),
                ItemKind.valueOf(rs.getString("kind")), rs.getObject("holder_id", UUID.class), rs.getString("holder_name"),
                rs.getString("description"), rs.getString("reason"), instant(rs, "taken_at"), instant(rs, "due_at"),
                rs.getObject("device_id", UUID.class), rs.getObject("sharing_record_id", UUID.class),
                safeguards == null || safeguards.isBlank() ? List.of() : Arrays.asList(safeguards.split(",")),
                ItemStatus.valueOf(rs.getString("status")), rs.getObject("closed_by", UUID.class), rs.getString("closed_by_name"),
                instant(rs, "closed_at"), rs.getString("closed_how"), instant(rs, "reminded_at"), instant(rs, "escalated_at"),
                rs.getInt("version"));
    }

    static Timestamp ts(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }
}
