package org.caseshare.identity;

import java.time.Instant;
import java.util.UUID;

/** A personal access token's record (never the token itself, which is shown once and stored hashed). */
public record ApiToken(UUID id, UUID accountId, String name, Instant createdAt, Instant lastUsedAt, Instant revokedAt, Instant expiresAt) {
    public boolean active() {
        return revokedAt == null;
    }

    /** Whether the token has passed its expiry (it then answers 401, like a revoked one). */
    public boolean expiredAt(Instant now) {
        return !expiresAt.isAfter(now);
    }
}
