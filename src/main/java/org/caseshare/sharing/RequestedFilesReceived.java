package org.caseshare.sharing;

import java.util.UUID;

/**
 * Reported by the secure hub: the requester downloaded, for the first time, the package answering
 * their request for files made under a "request made" record. The register moves that record to
 * receipt confirmed. Here rather than in {@code exchange} for the reason given on
 * {@link PackageReceiptConfirmed}.
 */
public record RequestedFilesReceived(Actor requester, UUID sharingRecordId, UUID fileRequestId, UUID packageId) {
}
