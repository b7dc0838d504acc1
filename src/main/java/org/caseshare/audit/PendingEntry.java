package org.caseshare.audit;

import java.time.Instant;
import java.util.UUID;

/** An entry as its transaction wrote it, before the sequencer gives it a place in the tree. */
record PendingEntry(UUID id, Instant occurredAt, String actorId, UUID organisationId, String action, String target,
        String outcome, String clientAddress, String details) {

    AuditEntry sequencedAs(long seq) {
        return new AuditEntry(seq, occurredAt, actorId, organisationId, action, target, outcome, clientAddress, details);
    }
}
