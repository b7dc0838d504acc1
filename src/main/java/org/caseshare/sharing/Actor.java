package org.caseshare.sharing;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import org.caseshare.identity.Role;

/** The person acting on a record, with their roles (who may authorise) and the time they act. */
public record Actor(UUID accountId, UUID organisationId, String name, Set<Role> roles) {

    public Actor {
        roles = Set.copyOf(roles);
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    Stamp at(Instant when) {
        return new Stamp(accountId, name, when);
    }
}
