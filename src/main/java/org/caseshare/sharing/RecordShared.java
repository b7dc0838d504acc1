package org.caseshare.sharing;

import java.time.Instant;
import java.util.UUID;

/**
 * A record moved to shared: the information went out by its channel (published in the transaction
 * that moved it). Identifiers only.
 */
public record RecordShared(UUID organisationId, UUID sharingRecordId, String reference, Instant sharedAt) {
}
