package org.caseshare.directory;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/** One way of reaching a directory entry's organisation, with its verification if it has one. */
public record ContactPoint(UUID id, UUID entryId, ContactDetails details, Verification verification, Instant createdAt) {

    public ContactPoint {
        Objects.requireNonNull(id);
        Objects.requireNonNull(entryId);
        Objects.requireNonNull(details);
        Objects.requireNonNull(createdAt);
    }

    public ContactPointKind kind() {
        return details.kind();
    }

    public boolean verified() {
        return verification != null;
    }

    public Optional<Verification> verificationIfAny() {
        return Optional.ofNullable(verification);
    }

    /** The details as the kind the caller expects, for code that has already checked {@link #kind()}. */
    public <T extends ContactDetails> Optional<T> details(Class<T> type) {
        return type.isInstance(details) ? Optional.of(type.cast(details)) : Optional.empty();
    }
}
