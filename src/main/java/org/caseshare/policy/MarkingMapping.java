package org.caseshare.policy;

import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * How a marking is handled under today's Government Security Classifications.
 *
 * <p>The constructor refuses any mapping that would silently downgrade: {@code handledAs} must be
 * at least as high as every in-scope classification the marking could mean, and if it could mean
 * something higher (CONFIDENTIAL could be SECRET), a review by the information security officer is
 * required before anything is shared.
 *
 * @param from the marking on the document
 * @param handledAs the current classification whose handling applies now
 * @param possibleClassifications every current classification the marking could turn out to be
 * @param reviewRequired whether the classification must be reviewed ("review classification")
 * @param reviewer who must review, when it cannot be left to the practitioner
 * @param explanation plain-English reason for the mapping
 */
public record MarkingMapping(Marking from, Marking handledAs, Set<Marking> possibleClassifications,
        boolean reviewRequired, Optional<Authoriser> reviewer, String explanation) {

    public MarkingMapping {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(handledAs, "handledAs");
        Objects.requireNonNull(reviewer, "reviewer");
        Objects.requireNonNull(explanation, "explanation");
        possibleClassifications = Set.copyOf(possibleClassifications);
        if (handledAs.isLegacy() || possibleClassifications.stream().anyMatch(Marking::isLegacy)) {
            throw new IllegalArgumentException("a mapping must lead to current classifications");
        }
        if (!possibleClassifications.contains(handledAs)) {
            throw new IllegalArgumentException(handledAs + " is not one of the possible classifications");
        }
        if (from.isLegacy() && !reviewRequired) {
            throw new IllegalArgumentException("a legacy marking must be flagged for review");
        }
        boolean couldBeHigher = possibleClassifications.stream()
                .anyMatch(m -> m.sensitivity() > handledAs.sensitivity());
        if (couldBeHigher && !(reviewRequired
                && reviewer.equals(Optional.of(Authoriser.INFORMATION_SECURITY_OFFICER)))) {
            throw new IllegalArgumentException("mapping " + from + " to " + handledAs
                    + " would downgrade it without a review by the information security officer");
        }
    }
}
