package org.caseshare.policy;

import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * How long one kind of record is kept after it is closed, and whether it is then deleted by the
 * daily job on its own or only once a data protection officer approves.
 */
public record RetentionRule(RetentionKind kind, Period keepFor, boolean automatic) {

    public RetentionRule {
        Objects.requireNonNull(kind);
        Objects.requireNonNull(keepFor);
        if (keepFor.isNegative() || keepFor.isZero()) {
            throw new IllegalArgumentException("a record is kept for a positive time after closure");
        }
    }

    /** When a record of this kind closed at {@code closedAt} is due for deletion (calendar years and months, in UTC). */
    public Instant dueAt(Instant closedAt) {
        return closedAt.atOffset(ZoneOffset.UTC).plus(keepFor).toInstant();
    }

    /** The latest closure that is due at {@code now}. */
    public Instant closedOnOrBefore(Instant now) {
        return now.atOffset(ZoneOffset.UTC).minus(keepFor).toInstant();
    }
}
