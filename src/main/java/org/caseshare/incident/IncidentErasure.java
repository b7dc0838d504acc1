package org.caseshare.incident;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

import org.caseshare.custody.CustodyItemErasing;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The incident register's side of retention and erasure: which incidents are closed (decided and,
 * if the ICO was to be told, told), which are linked to a person's records, and deleting one,
 * leaving only what a tombstone keeps. Called by the retention module, which decides what may go
 * and audits it; every query names the organisation.
 */
@Service
public class IncidentErasure {

    /** A closed incident and when it closed: the data protection officer's decision. */
    public record Closed(UUID id, Instant closedAt) {
    }

    /** What is kept of a deleted incident: whether the ICO was told, and dates. No text, no names. */
    public record Facts(UUID id, boolean icoNotified, boolean peopleNotified, Instant reportedAt, Instant closedAt) {
    }

    private static final String CLOSED = "status = 'DECIDED' and (notify_ico = false or ico_notified_on is not null)";

    private final JdbcClient jdbc;

    IncidentErasure(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Hands the incidents closed on or before {@code closedBy} to {@code pages}, oldest first, a page at a time. */
    public void closedBy(UUID organisationId, Instant closedBy, int pageSize, Consumer<List<Closed>> pages) {
        Closed after = null;
        while (true) {
            List<Object> params = new ArrayList<>(List.of(organisationId, Timestamp.from(closedBy)));
            String page = "";
            if (after != null) {
                page = " and (decided_at > ? or (decided_at = ? and id > ?))";
                params.addAll(List.of(Timestamp.from(after.closedAt()), Timestamp.from(after.closedAt()), after.id()));
            }
            params.add(pageSize);
            List<Closed> found = jdbc.sql("select id, decided_at from incident where organisation_id = ? and " + CLOSED
                            + " and decided_at <= ?" + page + " order by decided_at, id limit ?")
                    .params(params).query((rs, n) -> new Closed(rs.getObject("id", UUID.class), instant(rs, "decided_at"))).list();
            if (found.isEmpty()) {
                return;
            }
            pages.accept(found);
            after = found.get(found.size() - 1);
        }
    }

    public boolean exists(UUID organisationId, UUID id) {
        return !jdbc.sql("select 1 from incident where organisation_id = ? and id = ?").params(organisationId, id).query(Integer.class).list().isEmpty();
    }

    /** The incidents reported about any of these sharing records or custody items. */
    public List<UUID> linkedTo(UUID organisationId, Collection<UUID> sharingRecordIds, Collection<UUID> custodyItemIds) {
        List<UUID> found = new ArrayList<>();
        if (!sharingRecordIds.isEmpty()) {
            found.addAll(idsWhere(organisationId, "sharing_record_id", sharingRecordIds));
        }
        if (!custodyItemIds.isEmpty()) {
            idsWhere(organisationId, "custody_item_id", custodyItemIds).stream().filter(id -> !found.contains(id)).forEach(found::add);
        }
        return found;
    }

    private List<UUID> idsWhere(UUID organisationId, String column, Collection<UUID> ids) {
        List<Object> params = new ArrayList<>(List.of(organisationId));
        params.addAll(ids);
        return jdbc.sql("select id from incident where organisation_id = ? and " + column + " in ("
                        + String.join(", ", Collections.nCopies(ids.size(), "?")) + ") order by reported_at, id")
                .params(params).query(UUID.class).list();
    }

    /** Deletes one incident, in the caller's transaction; the facts a tombstone keeps, or nothing if there is no such incident. */
    @Transactional(propagation = Propagation.MANDATORY)
    public Optional<Facts> erase(UUID organisationId, UUID id) {
        Optional<Facts> facts = jdbc.sql("select * from incident where organisation_id = ? and id = ? for update").params(organisationId, id)
                .query((rs, n) -> new Facts(id, rs.getBoolean("notify_ico"), rs.getBoolean("notify_people"), instant(rs, "reported_at"),
                        instant(rs, "decided_at")))
                .optional();
        facts.ifPresent(f -> jdbc.sql("delete from incident where organisation_id = ? and id = ?").params(organisationId, id).update());
        return facts;
    }

    /** A custody item is being deleted: the incidents about it keep their own text but lose the link, in the same transaction. */
    @EventListener
    void on(CustodyItemErasing erasing) {
        jdbc.sql("update incident set custody_item_id = null where organisation_id = ? and custody_item_id = ?")
                .params(erasing.organisationId(), erasing.itemId()).update();
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }
}
