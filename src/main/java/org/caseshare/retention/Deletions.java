package org.caseshare.retention;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.caseshare.audit.AuditEvent;
import org.caseshare.audit.AuditTrail;
import org.caseshare.sharing.SharingErasure;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Deletes records of every kind in batches, each batch its own short transaction, so a large
 * deletion never holds locks for long and other writes carry on. Each record leaves a tombstone on
 * one certificate and an audit entry naming it by id only. Holds (on the record or on a person it
 * is about) set after the record was listed are checked again inside the batch, so a held record
 * is never deleted. A hub package's blobs go after the batch commits, never inside it.
 */
@Component
class Deletions {

    static final String SCHEDULE = "SCHEDULE";
    static final String ERASURE = "ERASURE";

    private final RetentionStore store;
    private final SharingErasure erasure;
    private final RecordKinds kinds;
    private final PersonHolds personHolds;
    private final AuditTrail audit;
    private final Clock clock;
    private final TransactionTemplate transaction;
    private final RetentionProperties properties;

    Deletions(RetentionStore store, SharingErasure erasure, RecordKinds kinds, PersonHolds personHolds, AuditTrail audit, Clock clock,
            PlatformTransactionManager transactions, RetentionProperties properties) {
        this.store = store;
        this.erasure = erasure;
        this.kinds = kinds;
        this.personHolds = personHolds;
        this.audit = audit;
        this.clock = clock;
        this.transaction = new TransactionTemplate(transactions);
        this.properties = properties;
    }

    /** A certificate, empty until records are deleted onto it. */
    UUID certificate(UUID organisationId, String reason, UUID issuedBy, String actorId) {
        UUID id = UUID.randomUUID();
        transaction.executeWithoutResult(status -> {
            store.newCertificate(id, organisationId, reason, issuedBy, clock.instant());
            audit.record(AuditEvent.success("retention.certificate-issued", actorId, organisationId, "retention-certificate:" + id)
                    .with("reason", reason));
        });
        return id;
    }

    /** Deletes the given records not held, in batches; returns how many were deleted. */
    int delete(UUID organisationId, List<Target> records, UUID certificateId, String reason, String actorId) {
        int deleted = 0;
        for (int from = 0; from < records.size(); from += properties.batchSize()) {
            List<Target> batch = records.subList(from, Math.min(records.size(), from + properties.batchSize()));
            deleted += deleteBatch(organisationId, batch, certificateId, reason, actorId);
        }
        return deleted;
    }

    /** One batch in one transaction; returns how many it deleted. */
    int deleteBatch(UUID organisationId, List<Target> batch, UUID certificateId, String reason, String actorId) {
        Integer deleted = transaction.execute(status -> {
            Map<UUID, String> held = new HashMap<>(personHolds.covered(organisationId));
            held.putAll(store.holds(organisationId, batch.stream().map(Target::id).toList()));
            Instant now = clock.instant();
            int count = 0;
            for (Target target : batch) {
                if (!held.containsKey(target.id()) && deleteOne(organisationId, target, certificateId, now)) {
                    audit.record(AuditEvent.success("retention.record-deleted", actorId, organisationId, target.auditTarget())
                            .with("kind", target.kind().name()).with("reason", reason)
                            .with("certificate", certificateId.toString()));
                    count++;
                }
            }
            return count;
        });
        return deleted == null ? 0 : deleted;
    }

    /** Deletes one record through its owning module and leaves its tombstone; false if it was already gone. */
    private boolean deleteOne(UUID organisationId, Target target, UUID certificateId, Instant now) {
        store.removeDue(organisationId, target.id());
        if (RecordKinds.REGISTER.contains(target.kind())) {
            var facts = erasure.erase(organisationId, target.id());
            facts.ifPresent(f -> store.tombstone(organisationId, certificateId, f, now));
            return facts.isPresent();
        }
        var remains = kinds.eraseOther(organisationId, target);
        remains.ifPresent(r -> store.tombstone(organisationId, certificateId, r, now));
        return remains.isPresent();
    }
}
