package org.caseshare.sharing;

import java.util.UUID;

/**
 * Reported by the secure hub: a package sent under a sharing record was downloaded completely for
 * the first time, by the partner user with that account. The register then moves the record to
 * receipt confirmed, after the download has committed.
 *
 * <p>The type lives here, not in {@code exchange}, because {@code exchange} already depends on this
 * module (it reads records and marks them shared); a listener here for an {@code exchange} type would
 * make a module cycle. Identifiers only: the event is stored in the event publication table until
 * handled.
 */
public record PackageReceiptConfirmed(UUID organisationId, UUID sharingRecordId, UUID packageId, UUID recipientAccountId) {
}
