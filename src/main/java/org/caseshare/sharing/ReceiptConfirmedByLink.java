package org.caseshare.sharing;

import java.util.UUID;

/**
 * Reported by the channels module: the recipient of an emailed attachment confirmed receipt by its
 * single-use link (checked and claimed by channels). The register moves the record to receipt
 * confirmed. Here rather than in {@code channels} for the reason given on {@link PackageReceiptConfirmed}.
 */
public record ReceiptConfirmedByLink(UUID organisationId, UUID sharingRecordId) {
}
