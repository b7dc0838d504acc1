package org.caseshare.retention;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

import org.caseshare.custody.CustodyErasure;
import org.caseshare.exchange.PackageRetention;
import org.caseshare.incident.IncidentErasure;
import org.caseshare.policy.RetentionKind;
import org.caseshare.sharing.SharingErasure;
import org.springframework.stereotype.Component;

/**
 * The owning module of each kind of record, behind one face: the register (shares, decisions not to
 * share, requests received), incidents, custody items and hub packages. Each module says what
 * "closed" means for its records and deletes them; this class only routes.
 */
@Component
class RecordKinds {

    /** The kinds the register keeps; the rest each have their own module. */
    static final Set<RetentionKind> REGISTER = EnumSet.of(RetentionKind.SHARE, RetentionKind.DECISION_NOT_TO_SHARE, RetentionKind.REQUEST_RECEIVED);

    /** A closed record of any kind. */
    record Listed(UUID id, RetentionKind kind, Instant closedAt) {
        Target target() {
            return new Target(id, kind);
        }
    }

    /** What a tombstone keeps of a record that is not the register's. */
    record Remains(UUID id, RetentionKind kind, String status, String decision, String channel, String recipientKind, Instant createdAt,
            Instant sharedAt, Instant closedAt) {
    }

    private final SharingErasure register;
    private final IncidentErasure incidents;
    private final CustodyErasure custody;
    private final PackageRetention packages;

    RecordKinds(SharingErasure register, IncidentErasure incidents, CustodyErasure custody, PackageRetention packages) {
        this.register = register;
        this.incidents = incidents;
        this.custody = custody;
        this.packages = packages;
    }

    /** Hands the records of one kind closed on or before {@code closedBy} to {@code pages}, oldest first. */
    void closedBy(UUID organisationId, RetentionKind kind, Instant closedBy, int pageSize, Consumer<List<Listed>> pages) {
        switch (kind) {
            case INCIDENT -> incidents.closedBy(organisationId, closedBy, pageSize,
                    page -> pages.accept(page.stream().map(c -> new Listed(c.id(), kind, c.closedAt())).toList()));
            case CUSTODY -> custody.closedBy(organisationId, closedBy, pageSize,
                    page -> pages.accept(page.stream().map(c -> new Listed(c.id(), kind, c.closedAt())).toList()));
            case HUB_PACKAGE -> packages.closedBy(organisationId, closedBy, pageSize,
                    page -> pages.accept(page.stream().map(c -> new Listed(c.id(), kind, c.closedAt())).toList()));
            default -> {
                SharingErasure.Closed after = null;
                while (true) {
                    List<SharingErasure.Closed> page = register.closedBy(organisationId, kind, closedBy, after, pageSize);
                    if (page.isEmpty()) {
                        return;
                    }
                    pages.accept(page.stream().map(c -> new Listed(c.id(), c.kind(), c.closedAt())).toList());
                    after = page.get(page.size() - 1);
                }
            }
        }
    }

    /** Whether the organisation has a record with this id, and its kind. */
    Optional<RetentionKind> kindOf(UUID organisationId, UUID id) {
        Optional<RetentionKind> kind = register.kindOf(organisationId, id);
        if (kind.isPresent()) {
            return kind;
        }
        if (incidents.exists(organisationId, id)) {
            return Optional.of(RetentionKind.INCIDENT);
        }
        if (custody.exists(organisationId, id)) {
            return Optional.of(RetentionKind.CUSTODY);
        }
        return packages.exists(organisationId, id) ? Optional.of(RetentionKind.HUB_PACKAGE) : Optional.empty();
    }

    /**
     * Every record about one person: the register's (found as its subject search finds them) and the
     * incidents, custody items and hub packages linked to those. Incidents come first, then custody
     * items, packages and the register's records, so nothing is deleted while something still refers to it.
     */
    List<Target> about(UUID organisationId, String reference, String name) {
        List<UUID> records = register.about(organisationId, reference, name);
        if (records.isEmpty()) {
            return List.of();
        }
        List<UUID> items = custody.linkedTo(organisationId, records);
        List<Target> targets = new ArrayList<>();
        incidents.linkedTo(organisationId, records, items).forEach(id -> targets.add(new Target(id, RetentionKind.INCIDENT)));
        items.forEach(id -> targets.add(new Target(id, RetentionKind.CUSTODY)));
        packages.linkedTo(organisationId, records).forEach(id -> targets.add(new Target(id, RetentionKind.HUB_PACKAGE)));
        for (UUID id : records) {
            targets.add(new Target(id, register.kindOf(organisationId, id).orElse(RetentionKind.SHARE)));
        }
        return targets;
    }

    /** Deletes a record that is not the register's, in the caller's transaction; what its tombstone keeps. */
    Optional<Remains> eraseOther(UUID organisationId, Target target) {
        UUID id = target.id();
        return switch (target.kind()) {
            case INCIDENT -> incidents.erase(organisationId, id).map(f -> new Remains(id, RetentionKind.INCIDENT, "DECIDED",
                    f.icoNotified() ? "ICO_NOTIFIED" : "ICO_NOT_NOTIFIED", null, null, f.reportedAt(), null, f.closedAt()));
            case CUSTODY -> custody.erase(organisationId, id).map(f -> new Remains(id, RetentionKind.CUSTODY, f.status(), null, f.kind(), null,
                    f.takenAt(), f.takenAt(), f.closedAt()));
            case HUB_PACKAGE -> packages.erase(organisationId, id).map(f -> new Remains(id, RetentionKind.HUB_PACKAGE, f.status(), null,
                    "SECURE_HUB", f.recipientKind(), f.createdAt(), f.sentAt(), f.closedAt()));
            default -> throw new IllegalArgumentException("the register's records are erased through SharingErasure");
        };
    }
}
