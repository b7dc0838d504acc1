package org.caseshare.identity;

import java.util.Collection;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import org.caseshare.system.Actor;

/** What a member of an organisation may do. A person can hold several roles. */
public enum Role {
    PRACTITIONER("Practitioner", "Records and carries out shares"),
    MANAGER("Manager", "Authorises shares and gives advice"),
    DATA_PROTECTION_OFFICER("Data protection officer", "Keeps the policy, audits, handles incidents"),
    ORGANISATION_ADMIN("Organisation admin", "Manages members and the directory"),
    PARTNER("Partner user", "Staff of a partner organisation using the secure hub");

    private final String label;
    private final String description;

    Role(String label, String description) {
        this.label = label;
        this.description = description;
    }

    public String label() {
        return label;
    }

    public String description() {
        return description;
    }

    /** The Spring Security authority for this role, e.g. {@code ROLE_MANAGER}. */
    public String authority() {
        return "ROLE_" + name();
    }

    /** Whether the person acting holds this role (an {@link Actor} carries role names, as modules below identity see them). */
    public boolean heldBy(Actor actor) {
        return actor.hasRole(name());
    }

    /** The role names an {@link Actor} carries for these roles. */
    public static Set<String> names(Collection<Role> roles) {
        return roles.stream().map(Role::name).collect(Collectors.toUnmodifiableSet());
    }

    public static Role parse(String value) {
        if (value == null) {
            throw new IllegalArgumentException("Choose a role");
        }
        String normalised = value.strip().toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
        if (normalised.equals("DPO")) {
            return DATA_PROTECTION_OFFICER;
        }
        if (normalised.equals("ADMIN") || normalised.equals("ORG_ADMIN")) {
            return ORGANISATION_ADMIN;
        }
        try {
            return valueOf(normalised);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Unknown role '" + value + "'. Use one of: practitioner, manager, data-protection-officer, organisation-admin, partner");
        }
    }
}
