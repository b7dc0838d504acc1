package org.caseshare.sharing;

import java.time.Instant;
import java.util.UUID;

/**
 * A record moved to receipt confirmed, however the receipt came (the sender, the secure hub, the
 * recipient's link), published in the transaction that moved it. Identifiers only.
 */
public record RecordReceiptConfirmed(UUID organisationId, UUID sharingRecordId, String reference, Instant confirmedAt) {
}
