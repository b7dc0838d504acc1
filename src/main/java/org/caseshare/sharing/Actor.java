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

    /** The person behind a request, as modules below identity see them (role names without the ROLE_ prefix). */
    public static Actor of(org.caseshare.system.Caller caller) {
        Set<Role> roles = new java.util.HashSet<>();
        for (String name : caller.roles()) {
            for (Role role : Role.values()) {
                if (role.name().equals(name)) {
                    roles.add(role);
                }
            }
        }
        return new Actor(caller.accountId(), caller.organisationId(), caller.displayName(), roles);
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    Stamp at(Instant when) {
        return new Stamp(accountId, name, when);
    }
}
