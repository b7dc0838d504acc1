package org.caseshare.audit;

import java.time.Instant;
import java.util.UUID;

/** One stored entry of the trail; {@code seq} is 0 while the entry waits for the sequencer. */
public record AuditEntry(long seq, Instant occurredAt, String actorId, UUID organisationId, String action,
        String target, String outcome, String clientAddress, String details) {

    /** Whether the entry has its place in the Merkle tree yet (within about a second of its commit). */
    public boolean sequenced() {
        return seq > 0;
    }
}
