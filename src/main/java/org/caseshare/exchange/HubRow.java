package org.caseshare.exchange;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

import org.caseshare.system.Actor;

/**
 * A package as stored, with the rules that depend on its state alone: whether it can still be
 * acknowledged or downloaded, and whether a caller sees it as its sending organisation does.
 * Who is a recipient needs the recipient list: see {@link PackageAccess}.
 */
record HubRow(UUID id, UUID organisationId, UUID senderId, UUID recipientOrganisationId, UUID sharingRecordId, String purpose,
        String consentLimits, String furtherHandling, PackageStatus status, String passwordLock, int downloadLimit,
        Instant expiresAt, Instant createdAt, Instant sentAt, Instant firstDownloadedAt, Instant revokedAt, Instant shreddedAt) {

    /** Sent and not yet past its date: the only state in which it may be acknowledged or downloaded. */
    boolean available(Instant now) {
        return status == PackageStatus.SENT && now.isBefore(expiresAt);
    }

    /**
     * Whether the caller sees the package as its sending organisation does. Staff do; a user whose only
     * role is partner does not, even in the sending organisation: a partner login means "packages
     * addressed to me" (and any the partner sent themself, such as answers to file requests).
     */
    boolean seesAsSender(Actor caller) {
        return organisationId.equals(caller.organisationId()) && (caller.staff() || senderId.equals(caller.accountId()));
    }

    /** The audit target naming this package, by identifier only. */
    static String target(UUID packageId) {
        return "hub-package:" + packageId;
    }

    static HubRow map(ResultSet rs, int n) throws SQLException {
        return new HubRow(rs.getObject("id", UUID.class), rs.getObject("organisation_id", UUID.class), rs.getObject("sender_id", UUID.class),
                rs.getObject("recipient_organisation_id", UUID.class), rs.getObject("sharing_record_id", UUID.class), rs.getString("purpose"),
                rs.getString("consent_limits"), rs.getString("further_handling"), PackageStatus.valueOf(rs.getString("status")),
                rs.getString("password_lock"), rs.getInt("download_limit"), instant(rs, "expires_at"), instant(rs, "created_at"),
                instant(rs, "sent_at"), instant(rs, "first_downloaded_at"), instant(rs, "revoked_at"), instant(rs, "shredded_at"));
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
