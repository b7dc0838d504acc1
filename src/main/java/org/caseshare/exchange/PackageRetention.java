package org.caseshare.exchange;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

import org.caseshare.directory.Directory;
import org.caseshare.directory.Organisation;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The hub's side of retention and erasure: which packages are closed (expired or revoked), which
 * were sent under a person's records, and deleting one for good: its data keys destroyed and its
 * blobs deleted after commit (the same shredding as expiry), then its rows, recipients and
 * downloads, leaving only what a tombstone keeps. Called by the retention module, which decides
 * what may go and audits it; every query names the sending organisation.
 */
@Service
public class PackageRetention {

    /** A closed package and when it closed: revoked, or the time it expired. */
    public record Closed(UUID id, Instant closedAt) {
    }

    /** What is kept of a deleted package: how it ended, the kind of recipient organisation, and dates. */
    public record Facts(UUID id, String status, String recipientKind, Instant createdAt, Instant sentAt, Instant closedAt) {
    }

    private static final String CLOSED_AT = "coalesce(revoked_at, expires_at)";

    private final JdbcClient jdbc;
    private final PackageShredding shredding;
    private final Directory directory;
    private final Clock clock;

    PackageRetention(JdbcClient jdbc, PackageShredding shredding, Directory directory, Clock clock) {
        this.jdbc = jdbc;
        this.shredding = shredding;
        this.directory = directory;
        this.clock = clock;
    }

    /** Hands the packages closed on or before {@code closedBy} to {@code pages}, oldest first, a page at a time. */
    public void closedBy(UUID organisationId, Instant closedBy, int pageSize, Consumer<List<Closed>> pages) {
        Closed after = null;
        while (true) {
            List<Object> params = new ArrayList<>(List.of(organisationId, PackageStatus.REVOKED.name(), PackageStatus.EXPIRED.name(),
                    Timestamp.from(closedBy)));
            String page = "";
            if (after != null) {
                page = " and (" + CLOSED_AT + " > ? or (" + CLOSED_AT + " = ? and id > ?))";
                params.addAll(List.of(Timestamp.from(after.closedAt()), Timestamp.from(after.closedAt()), after.id()));
            }
            params.add(pageSize);
            List<Closed> found = jdbc.sql("select id, " + CLOSED_AT + " as closed from hub_package where organisation_id = ? and status in (?, ?)"
                            + " and " + CLOSED_AT + " <= ?" + page + " order by closed, id limit ?")
                    .params(params).query((rs, n) -> new Closed(rs.getObject("id", UUID.class), instant(rs, "closed"))).list();
            if (found.isEmpty()) {
                return;
            }
            pages.accept(found);
            after = found.get(found.size() - 1);
        }
    }

    public boolean exists(UUID organisationId, UUID id) {
        return !jdbc.sql("select 1 from hub_package where organisation_id = ? and id = ?").params(organisationId, id)
                .query(Integer.class).list().isEmpty();
    }

    /** The organisation's packages sent under any of these sharing records. */
    public List<UUID> linkedTo(UUID organisationId, Collection<UUID> sharingRecordIds) {
        if (sharingRecordIds.isEmpty()) {
            return List.of();
        }
        List<Object> params = new ArrayList<>(List.of(organisationId));
        params.addAll(sharingRecordIds);
        return jdbc.sql("select id from hub_package where organisation_id = ? and sharing_record_id in ("
                        + String.join(", ", Collections.nCopies(sharingRecordIds.size(), "?")) + ") order by created_at, id")
                .params(params).query(UUID.class).list();
    }

    /**
     * Deletes one package in the caller's transaction: revoked if still open, its keys and names
     * destroyed and its blobs queued for deletion after commit, then its rows. The facts a
     * tombstone keeps, or nothing if the organisation sent no such package.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Optional<Facts> erase(UUID organisationId, UUID id) {
        Optional<HubState> found = jdbc.sql("select * from hub_package where organisation_id = ? and id = ? for update")
                .params(organisationId, id)
                .query((rs, n) -> new HubState(rs.getString("status"), rs.getObject("recipient_organisation_id", UUID.class),
                        instant(rs, "created_at"), instant(rs, "sent_at"), instant(rs, "revoked_at"), instant(rs, "expires_at"),
                        rs.getTimestamp("shredded_at") != null))
                .optional();
        if (found.isEmpty()) {
            return Optional.empty();
        }
        HubState state = found.get();
        Instant now = clock.instant();
        boolean open = PackageStatus.DRAFT.name().equals(state.status()) || PackageStatus.SENT.name().equals(state.status());
        if (!state.shredded()) {
            shredding.shred(id, organisationId, "system");
        }
        jdbc.sql("delete from hub_download where package_id = ?").param(id).update();
        jdbc.sql("delete from hub_file where package_id = ?").param(id).update();
        jdbc.sql("delete from hub_recipient where package_id = ?").param(id).update();
        // A request for files answered by this package belongs to the requester; it keeps its own row without the link.
        jdbc.sql("update hub_file_request set package_id = null where package_id = ?").param(id).update();
        jdbc.sql("delete from hub_package where organisation_id = ? and id = ?").params(organisationId, id).update();
        String recipientKind = directory.organisation(state.recipientOrganisationId()).map(Organisation::kind).map(Enum::name).orElse(null);
        return Optional.of(new Facts(id, open ? PackageStatus.REVOKED.name() : state.status(), recipientKind, state.createdAt(),
                state.sentAt(), open ? now : state.revokedAt() != null ? state.revokedAt() : state.expiresAt()));
    }

    private record HubState(String status, UUID recipientOrganisationId, Instant createdAt, Instant sentAt, Instant revokedAt,
            Instant expiresAt, boolean shredded) {
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }
}
