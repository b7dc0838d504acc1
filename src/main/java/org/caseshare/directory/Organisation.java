package org.caseshare.directory;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * An organisation. A tenant uses Caseshare and owns its records; a partner (not a tenant) is one its
 * tenants share with.
 */
public record Organisation(UUID id, String name, OrganisationKind kind, boolean tenant, Instant createdAt) {

    public static final int MAX_NAME = 200;

    public Organisation {
        Objects.requireNonNull(id);
        Objects.requireNonNull(kind);
        Objects.requireNonNull(createdAt);
        name = validName(name);
    }

    public static String validName(String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("Enter the organisation's name");
        }
        String trimmed = name.strip();
        if (trimmed.length() > MAX_NAME) {
            throw new IllegalArgumentException("The organisation's name must be " + MAX_NAME + " characters or fewer");
        }
        return trimmed;
    }
}
