package org.caseshare.sharing;

import java.util.UUID;

/**
 * Reported by the secure hub: a package sent under a sharing record was downloaded completely for
 * the first time. The register moves the record to receipt confirmed, naming the recipient.
 *
 * <p>The type lives here, not in {@code exchange}, because {@code exchange} already depends on this
 * module (it reads records and marks them shared); a listener here for an {@code exchange} type
 * would make a cycle. Published in the download's transaction and handled in it (not persisted), so
 * the recipient's name, which is personal data, is never written to the event publication table.
 */
public record PackageReceiptConfirmed(UUID organisationId, UUID sharingRecordId, UUID packageId, UUID recipientAccountId,
        String recipientName) {
}
