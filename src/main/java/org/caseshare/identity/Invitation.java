package org.caseshare.identity;

import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

/** An invitation to join an organisation with a role, valid until it expires, is used or is withdrawn. */
public record Invitation(UUID id, UUID organisationId, String email, Role role, UUID invitedBy, Instant createdAt,
        Instant expiresAt, Instant acceptedAt, Instant revokedAt) {

    public boolean usableAt(Instant now) {
        return acceptedAt == null && revokedAt == null && now.isBefore(expiresAt);
    }

    /** The state in English words; pages show the catalogue entry for {@link #stateCode}. */
    public String state(Instant now) {
        if (acceptedAt != null) {
            return "Accepted";
        }
        if (revokedAt != null) {
            return "Withdrawn";
        }
        return now.isBefore(expiresAt) ? "Pending" : "Expired";
    }

    /** The state as the last part of the catalogue key {@code identity.invitation.state.<code>}. */
    public String stateCode(Instant now) {
        return state(now).toLowerCase(Locale.ROOT);
    }
}
