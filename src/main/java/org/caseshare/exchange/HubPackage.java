package org.caseshare.exchange;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A package as its sender or a recipient sees it. File names are present only while readable. */
public record HubPackage(UUID id, UUID organisationId, UUID senderId, String senderName, UUID recipientOrganisationId,
        String recipientOrganisationName, UUID sharingRecordId, String purpose, String consentLimits, String furtherHandling,
        PackageStatus status, boolean passwordProtected, int downloadLimit, Instant expiresAt, Instant createdAt,
        Instant sentAt, Instant firstDownloadedAt, Instant revokedAt, Instant shreddedAt, List<Recipient> recipients,
        List<HubFile> files) {

    public record Recipient(String email, boolean invited, Instant acknowledgedAt) {
    }

    /** @param damaged its stored bytes failed authentication: it can no longer be downloaded */
    public record HubFile(UUID id, String name, long size, int downloads, boolean damaged) {
    }

    public boolean receiptConfirmed() {
        return firstDownloadedAt != null;
    }

    public boolean available(Instant now) {
        return status == PackageStatus.SENT && now.isBefore(expiresAt);
    }

    public boolean acknowledgedBy(String email) {
        return recipients.stream().anyMatch(r -> r.email().equals(email) && r.acknowledgedAt() != null);
    }
}
