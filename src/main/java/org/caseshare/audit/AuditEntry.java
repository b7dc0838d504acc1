package org.caseshare.audit;

import java.time.Instant;
import java.util.UUID;

/** One stored entry of the trail. */
public record AuditEntry(long seq, Instant occurredAt, String actorId, UUID organisationId, String action,
        String target, String outcome, String clientAddress, String details) {
}
