package org.caseshare.directory;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * An organisation in one tenant's directory: the partners that tenant shares with (which may or may
 * not use Caseshare themselves). Only the tenant that keeps an entry ever sees it.
 */
public record DirectoryEntry(UUID id, UUID tenantId, String name, OrganisationKind kind, OrganisationLanguage language,
        Instant createdAt, List<ContactPoint> contactPoints) {

    public DirectoryEntry {
        Objects.requireNonNull(id);
        Objects.requireNonNull(tenantId);
        Objects.requireNonNull(kind);
        Objects.requireNonNull(language);
        Objects.requireNonNull(createdAt);
        name = validName(name);
        contactPoints = List.copyOf(contactPoints);
    }

    public static String validName(String name) {
        return Text.required("name", name, Organisation.MAX_NAME, "directory.error.name.missing", "directory.error.name.what");
    }

    public List<ContactPoint> contactPoints(ContactPointKind kind) {
        return contactPoints.stream().filter(point -> point.kind() == kind).toList();
    }

    public List<ContactPoint> switchboards() {
        return contactPoints(ContactPointKind.SWITCHBOARD);
    }

    public java.util.Optional<ContactPoint> contactPoint(UUID contactPointId) {
        return contactPoints.stream().filter(point -> point.id().equals(contactPointId)).findFirst();
    }
}
