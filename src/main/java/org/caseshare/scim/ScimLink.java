package org.caseshare.scim;

import java.time.Instant;
import java.util.UUID;

/** What the identity provider knows a member by: its userName and externalId, and the name parts. */
record ScimLink(UUID accountId, UUID organisationId, String userName, String externalId, String givenName, String familyName,
        Instant deprovisionedAt, Instant updatedAt) {

    boolean deprovisioned() {
        return deprovisionedAt != null;
    }
}
