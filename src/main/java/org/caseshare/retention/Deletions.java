package org.caseshare.retention;

import java.time.Clock;
import java.time.Instant;
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
 * Deletes register records in batches, each batch its own short transaction, so a large deletion
 * never holds locks for long and other writes carry on. Each record leaves a tombstone on one
 * certificate and an audit entry naming it by id only. A hold set after the record was listed is
 * checked again inside the batch, so a held record is never deleted.
 */
@Component
class Deletions {

    static final String SCHEDULE = "SCHEDULE";
    static final String ERASURE = "ERASURE";

    private final RetentionStore store;
    private final SharingErasure erasure;
    private final AuditTrail audit;
    private final Clock clock;
    private final TransactionTemplate transaction;
    private final RetentionProperties properties;

    Deletions(RetentionStore store, SharingErasure erasure, AuditTrail audit, Clock clock, PlatformTransactionManager transactions,
            RetentionProperties properties) {
        this.store = store;
        this.erasure = erasure;
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
    int delete(UUID organisationId, List<UUID> recordIds, UUID certificateId, String reason, String actorId) {
        int deleted = 0;
        for (int from = 0; from < recordIds.size(); from += properties.batchSize()) {
            List<UUID> batch = recordIds.subList(from, Math.min(recordIds.size(), from + properties.batchSize()));
            deleted += deleteBatch(organisationId, batch, certificateId, reason, actorId);
        }
        return deleted;
    }

    /** One batch in one transaction; returns how many it deleted. */
    int deleteBatch(UUID organisationId, List<UUID> batch, UUID certificateId, String reason, String actorId) {
        Integer deleted = transaction.execute(status -> {
            Map<UUID, String> held = store.holds(organisationId, batch);
            Instant now = clock.instant();
            int count = 0;
            for (UUID id : batch) {
                if (held.containsKey(id)) {
                    continue;
                }
                var facts = erasure.erase(organisationId, id);
                store.removeDue(organisationId, id);
                if (facts.isPresent()) {
                    store.tombstone(organisationId, certificateId, facts.get(), now);
                    audit.record(AuditEvent.success("retention.record-deleted", actorId, organisationId, "sharing-record:" + id)
                            .with("kind", facts.get().kind().name()).with("reason", reason)
                            .with("certificate", certificateId.toString()));
                    count++;
                }
            }
            return count;
        });
        return deleted == null ? 0 : deleted;
    }
}
