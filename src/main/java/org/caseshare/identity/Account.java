package org.caseshare.identity;

import java.io.Serializable;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;

/** A person's login within one organisation. */
public record Account(UUID id, UUID organisationId, String email, String displayName, AccountStatus status,
        boolean systemAdmin, Set<Role> roles, boolean totpEnabled, Instant createdAt) implements Serializable {

    public Account {
        roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
    }

    public boolean active() {
        return status == AccountStatus.ACTIVE;
    }

    public boolean hasRole(Role role) {
        return roles.contains(role);
    }
}
