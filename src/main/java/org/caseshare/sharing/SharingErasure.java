package org.caseshare.sharing;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.caseshare.directory.Directory;
import org.caseshare.decision.SituationInput;
import org.caseshare.policy.RetentionKind;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The register's side of retention and erasure: which closed records are old enough, which records
 * are about a person, and deleting one record's personal data, leaving only the facts a tombstone
 * keeps. Called by the retention module, which decides what may go (policy, holds, approval) and
 * audits it; every query names the organisation.
 */
@Service
public class SharingErasure {

    /** A closed record: its id, its kind for retention, and when it closed. */
    public record Closed(UUID id, RetentionKind kind, Instant closedAt) {
    }

    /**
     * What is kept of a deleted record: no names, no free text, no contact details. The recipient kind
     * is the record's recipient type (the oversight figures count both by it).
     */
    public record Facts(UUID id, RetentionKind kind, String direction, String decision, String status, String channel, String marking,
            String urgency, String recipientKind, Instant createdAt, Instant sharedAt, Instant closedAt, String lawfulBasis) {
    }

    private static final Set<Status> CLOSED = Set.of(Status.CLOSED, Status.REFUSED, Status.DECLINED, Status.CANCELLED);
    // A record that reached an end: its own closure time, or when it last changed (refused, declined, cancelled).
    private static final String CLOSED_AT = "coalesce(closed_at, updated_at)";

    private final JdbcClient jdbc;
    private final RegisterSearch search;
    private final Directory directory;
    private final ApplicationEventPublisher events;
    private final RegisterTotals totals;

    SharingErasure(JdbcClient jdbc, RegisterSearch search, Directory directory, ApplicationEventPublisher events, RegisterTotals totals) {
        this.jdbc = jdbc;
        this.search = search;
        this.directory = directory;
        this.events = events;
        this.totals = totals;
    }

    /**
     * Closed records of one kind that closed on or before {@code closedBy}, oldest first, after
     * {@code after} (the last one of the previous page, or null for the first page).
     */
    public List<Closed> closedBy(UUID organisationId, RetentionKind kind, Instant closedBy, Closed after, int limit) {
        String which = switch (kind) {
            case REQUEST_RECEIVED -> "direction = 'REQUEST_RECEIVED'";
            case DECISION_NOT_TO_SHARE -> "direction <> 'REQUEST_RECEIVED' and decision = 'DO_NOT_SHARE'";
            case SHARE -> "direction <> 'REQUEST_RECEIVED' and decision <> 'DO_NOT_SHARE'";
            default -> null;
        };
        if (which == null) {
            return List.of();
        }
        List<Object> params = new ArrayList<>(List.of(organisationId));
        CLOSED.forEach(s -> params.add(s.name()));
        params.add(Timestamp.from(closedBy));
        String page = "";
        if (after != null) {
            page = " and (" + CLOSED_AT + " > ? or (" + CLOSED_AT + " = ? and id > ?))";
            params.addAll(List.of(Timestamp.from(after.closedAt()), Timestamp.from(after.closedAt()), after.id()));
        }
        params.add(limit);
        return jdbc.sql("select id, " + CLOSED_AT + " as closed from sharing_record where organisation_id = ? and status in (?, ?, ?, ?)"
                        + " and " + which + " and " + CLOSED_AT + " <= ?" + page + " order by closed, id limit ?")
                .params(params)
                .query((rs, n) -> new Closed(rs.getObject("id", UUID.class), kind, rs.getTimestamp("closed").toInstant()))
                .list();
    }

    /** Whether the organisation has this record, and its kind for retention. */
    public Optional<RetentionKind> kindOf(UUID organisationId, UUID id) {
        return jdbc.sql("select direction, decision from sharing_record where organisation_id = ? and id = ?").params(organisationId, id)
                .query((rs, n) -> kind(rs.getString("direction"), rs.getString("decision"))).optional();
    }

    private static RetentionKind kind(String direction, String decision) {
        return Direction.REQUEST_RECEIVED.name().equals(direction) ? RetentionKind.REQUEST_RECEIVED
                : Decision.DO_NOT_SHARE.name().equals(decision) ? RetentionKind.DECISION_NOT_TO_SHARE : RetentionKind.SHARE;
    }

    /** The records about one person, found as the register's subject search finds them (exact reference, else exact name). */
    public List<UUID> about(UUID organisationId, String reference, String name) {
        return search.aboutSubject(organisationId, reference, name).stream().map(RegisterSearch.Row::id).toList();
    }

    /**
     * Deletes one record, its people, checklist and timeline, and (through {@link SharingRecordErasing})
     * what other modules keep about it, in the caller's transaction. Returns the facts a tombstone
     * keeps, or nothing if the organisation has no such record.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Optional<Facts> erase(UUID organisationId, UUID id) {
        Optional<Held> held = jdbc.sql("select * from sharing_record where organisation_id = ? and id = ? for update")
                .params(organisationId, id).query((rs, n) -> new Held(facts(organisationId, rs), CountedValues.of(rs))).optional();
        if (held.isEmpty()) {
            return Optional.empty();
        }
        Facts facts = held.get().facts();
        // Still counted by the oversight figures, now from what the tombstone keeps.
        totals.deleted(organisationId, id, held.get().counted(), CountedValues.tombstone(facts));
        events.publishEvent(new SharingRecordErasing(organisationId, id));
        jdbc.sql("delete from sharing_subject where organisation_id = ? and record_id = ?").params(organisationId, id).update();
        jdbc.sql("delete from sharing_safeguard where record_id = ?").param(id).update();
        jdbc.sql("delete from sharing_event where record_id = ?").param(id).update();
        jdbc.sql("delete from sharing_record where organisation_id = ? and id = ?").params(organisationId, id).update();
        return Optional.of(facts);
    }

    /** A record about to be deleted: what its tombstone keeps, and what the totals counted it as. */
    private record Held(Facts facts, CountedValues counted) {
    }

    private Facts facts(UUID organisationId, ResultSet rs) throws SQLException {
        String direction = rs.getString("direction");
        String decision = rs.getString("decision");
        RetentionKind kind = kind(direction, decision);
        UUID entry = rs.getObject("recipient_entry_id", UUID.class);
        // The type the record kept; an older record's from its directory entry, mapped as the form maps it.
        String recipientKind = rs.getString("recipient_type") != null ? rs.getString("recipient_type") : entry == null ? null
                : directory.entry(organisationId, entry).map(e -> SituationInput.typeOf(e.kind())).map(Enum::name).orElse(null);
        Timestamp closed = rs.getTimestamp("closed_at");
        return new Facts(rs.getObject("id", UUID.class), kind, direction, decision, rs.getString("status"), rs.getString("channel"),
                rs.getString("marking"), rs.getString("urgency"), recipientKind, instant(rs, "created_at"), instant(rs, "shared_at"),
                closed != null ? closed.toInstant() : instant(rs, "updated_at"), rs.getString("lawful_basis"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }
}
