package org.caseshare.custody;

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

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The custody register's side of retention and erasure: which items are closed (returned, securely
 * disposed of or securely deleted), which were taken under a person's records, and deleting one,
 * leaving only what a tombstone keeps. Called by the retention module, which decides what may go
 * and audits it; every query names the organisation.
 */
@Service
public class CustodyErasure {

    /** A closed item and when it closed. */
    public record Closed(UUID id, Instant closedAt) {
    }

    /** What is kept of a deleted item: by hand or on a device, how it closed, and dates. No names, no descriptions. */
    public record Facts(UUID id, String kind, String status, Instant takenAt, Instant closedAt) {
    }

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;

    CustodyErasure(JdbcClient jdbc, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.events = events;
    }

    /** Hands the items closed on or before {@code closedBy} to {@code pages}, oldest first, a page at a time. */
    public void closedBy(UUID organisationId, Instant closedBy, int pageSize, Consumer<List<Closed>> pages) {
        Closed after = null;
        while (true) {
            List<Object> params = new ArrayList<>(List.of(organisationId, ItemStatus.RETURNED.name(), ItemStatus.DISPOSED.name(),
                    ItemStatus.DELETED.name(), Timestamp.from(closedBy)));
            String page = "";
            if (after != null) {
                page = " and (closed_at > ? or (closed_at = ? and id > ?))";
                params.addAll(List.of(Timestamp.from(after.closedAt()), Timestamp.from(after.closedAt()), after.id()));
            }
            params.add(pageSize);
            List<Closed> found = jdbc.sql("select id, closed_at from custody_item where organisation_id = ? and status in (?, ?, ?)"
                            + " and closed_at <= ?" + page + " order by closed_at, id limit ?")
                    .params(params).query((rs, n) -> new Closed(rs.getObject("id", UUID.class), instant(rs, "closed_at"))).list();
            if (found.isEmpty()) {
                return;
            }
            pages.accept(found);
            after = found.get(found.size() - 1);
        }
    }

    public boolean exists(UUID organisationId, UUID id) {
        return !jdbc.sql("select 1 from custody_item where organisation_id = ? and id = ?").params(organisationId, id)
                .query(Integer.class).list().isEmpty();
    }

    /** The items taken off site under any of these sharing records. */
    public List<UUID> linkedTo(UUID organisationId, Collection<UUID> sharingRecordIds) {
        if (sharingRecordIds.isEmpty()) {
            return List.of();
        }
        List<Object> params = new ArrayList<>(List.of(organisationId));
        params.addAll(sharingRecordIds);
        return jdbc.sql("select id from custody_item where organisation_id = ? and sharing_record_id in ("
                        + String.join(", ", Collections.nCopies(sharingRecordIds.size(), "?")) + ") order by taken_at, id")
                .params(params).query(UUID.class).list();
    }

    /**
     * Deletes one item, in the caller's transaction, after telling the modules that refer to it
     * ({@link CustodyItemErasing}); the facts a tombstone keeps, or nothing if there is no such item.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Optional<Facts> erase(UUID organisationId, UUID id) {
        Optional<Facts> facts = jdbc.sql("select * from custody_item where organisation_id = ? and id = ? for update").params(organisationId, id)
                .query((rs, n) -> new Facts(id, rs.getString("kind"), rs.getString("status"), instant(rs, "taken_at"), instant(rs, "closed_at")))
                .optional();
        if (facts.isPresent()) {
            events.publishEvent(new CustodyItemErasing(organisationId, id));
            jdbc.sql("delete from custody_item where organisation_id = ? and id = ?").params(organisationId, id).update();
        }
        return facts;
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }
}
