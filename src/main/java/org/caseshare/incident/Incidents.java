package org.caseshare.incident;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Incidents in the database, scoped by organisation. There is no delete. */
@Repository
class Incidents {

    private final JdbcClient jdbc;

    Incidents(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(Incident i) {
        jdbc.sql("""
                insert into incident (id, organisation_id, reported_by, reported_by_name, reported_at, what_happened, discovered_at,
                    people_affected, records_affected, consequences, actions_taken, sharing_record_id, custody_item_id, device_id,
                    status, version)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'REPORTED', 0)""")
                .params(i.id(), i.organisationId(), i.reportedBy(), i.reportedByName(), ts(i.reportedAt()), i.whatHappened(),
                        ts(i.discoveredAt()), i.peopleAffected(), i.recordsAffected(), i.consequences(), i.actionsTaken(),
                        i.sharingRecordId(), i.custodyItemId(), i.deviceId())
                .update();
    }

    /** Records the decision; false when the incident changed since the caller read it. */
    boolean decide(Incident i, Incident.Decision d) {
        return jdbc.sql("""
                update incident set status = 'DECIDED', decided_by = ?, decided_by_name = ?, decided_at = ?, notify_ico = ?,
                    ico_reasons = ?, ico_notified_on = ?, ico_reference = ?, ico_delay_reasons = ?, notify_people = ?,
                    people_reasons = ?, people_notified_on = ?, version = version + 1
                where id = ? and organisation_id = ? and version = ?""")
                .params(d.decidedBy(), d.decidedByName(), ts(d.decidedAt()), d.notifyIco(), d.icoReasons(), date(d.icoNotifiedOn()),
                        d.icoReference(), d.icoDelayReasons(), d.notifyPeople(), d.peopleReasons(), date(d.peopleNotifiedOn()), i.id(),
                        i.organisationId(), i.version())
                .update() == 1;
    }

    Optional<Incident> find(UUID organisationId, UUID id) {
        return jdbc.sql("select * from incident where organisation_id = ? and id = ?").params(organisationId, id)
                .query(Incidents::map).optional();
    }

    /** The organisation's incidents, or those one person reported; awaiting a decision first, then newest. */
    List<Incident> list(UUID organisationId, UUID reportedBy) {
        String order = " order by case when status = 'REPORTED' then 0 else 1 end, discovered_at desc limit 500";
        if (reportedBy == null) {
            return jdbc.sql("select * from incident where organisation_id = ?" + order).param(organisationId).query(Incidents::map).list();
        }
        return jdbc.sql("select * from incident where organisation_id = ? and reported_by = ?" + order).params(organisationId, reportedBy)
                .query(Incidents::map).list();
    }

    /** Incidents reported on one sharing record, custody item or device; {@code column} is one of those three links. */
    List<Incident> about(UUID organisationId, String column, UUID id) {
        if (!List.of("sharing_record_id", "custody_item_id", "device_id").contains(column)) {
            throw new IllegalArgumentException(column);
        }
        return jdbc.sql("select * from incident where organisation_id = ? and " + column + " = ? order by discovered_at desc limit 50")
                .params(organisationId, id).query(Incidents::map).list();
    }

    static Incident map(ResultSet rs, int row) throws SQLException {
        Incident.Decision decision = rs.getObject("decided_by", UUID.class) == null ? null : new Incident.Decision(
                rs.getObject("decided_by", UUID.class), rs.getString("decided_by_name"), instant(rs, "decided_at"),
                rs.getBoolean("notify_ico"), rs.getString("ico_reasons"), localDate(rs, "ico_notified_on"), rs.getString("ico_reference"),
                rs.getString("ico_delay_reasons"), rs.getBoolean("notify_people"), rs.getString("people_reasons"),
                localDate(rs, "people_notified_on"));
        return new Incident(rs.getObject("id", UUID.class), rs.getObject("organisation_id", UUID.class), rs.getObject("reported_by", UUID.class),
                rs.getString("reported_by_name"), instant(rs, "reported_at"), rs.getString("what_happened"), instant(rs, "discovered_at"),
                rs.getInt("people_affected"), rs.getInt("records_affected"), rs.getString("consequences"), rs.getString("actions_taken"),
                rs.getObject("sharing_record_id", UUID.class), rs.getObject("custody_item_id", UUID.class), rs.getObject("device_id", UUID.class),
                decision, rs.getInt("version"));
    }

    private static Timestamp ts(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private static Date date(LocalDate date) {
        return date == null ? null : Date.valueOf(date);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }

    private static LocalDate localDate(ResultSet rs, String column) throws SQLException {
        Date value = rs.getDate(column);
        return value == null ? null : value.toLocalDate();
    }
}
