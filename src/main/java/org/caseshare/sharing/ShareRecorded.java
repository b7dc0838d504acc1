package org.caseshare.sharing;

import java.time.Instant;
import java.util.UUID;

/**
 * A decision was recorded in the register (published in the recording transaction). Identifiers
 * only: the event waits in the event publication table until every listener has handled it.
 */
public record ShareRecorded(UUID organisationId, UUID sharingRecordId, String reference, Instant recordedAt) {
}
