package org.caseshare.exchange;

import java.time.Instant;
import java.util.UUID;

/**
 * A file of a package was downloaded (counted against its limit), published in the transaction that
 * counted it. The organisation is the sending one, whose systems may want to know. Identifiers only:
 * the event waits in the event publication table until handled.
 *
 * @param sharingRecordId the record the package was sent under, or null
 */
public record PackageDownloaded(UUID organisationId, UUID packageId, UUID fileId, UUID downloadId, UUID sharingRecordId,
        Instant downloadedAt) {
}
