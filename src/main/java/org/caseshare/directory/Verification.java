package org.caseshare.directory;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** Who confirmed a contact point with the organisation, and when. */
public record Verification(UUID verifiedBy, String verifiedByName, Instant verifiedAt) {

    public Verification {
        Objects.requireNonNull(verifiedBy);
        Objects.requireNonNull(verifiedAt);
        verifiedByName = verifiedByName == null ? "" : verifiedByName;
    }
}
