package org.caseshare.scim;

import java.time.Instant;
import java.util.UUID;

/** A SCIM bearer token's record; the token itself is shown once and only its hash is kept. */
public record ScimToken(UUID id, UUID organisationId, String name, Instant createdAt, Instant expiresAt, Instant lastUsedAt,
        Instant revokedAt) {

    public boolean active() {
        return revokedAt == null;
    }

    public boolean expiredAt(Instant now) {
        return !expiresAt.isAfter(now);
    }
}
