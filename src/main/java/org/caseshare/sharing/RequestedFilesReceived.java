package org.caseshare.sharing;

import java.util.UUID;

/**
 * Reported by the secure hub: the requester (that account, of that organisation) downloaded, for the
 * first time, the package answering their request for files made under a "request made" record. The
 * register then moves that record to receipt confirmed, after the download has committed. Here
 * rather than in {@code exchange}, and identifiers only, for the reasons given on
 * {@link PackageReceiptConfirmed}.
 */
public record RequestedFilesReceived(UUID organisationId, UUID requesterAccountId, UUID sharingRecordId, UUID fileRequestId,
        UUID packageId) {
}
