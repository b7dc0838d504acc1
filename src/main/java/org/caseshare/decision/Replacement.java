package org.caseshare.decision;

import java.util.List;
import java.util.Optional;

import org.caseshare.policy.PolicyError;

/**
 * The outcome of offering a new policy: the version now in force, or every reason it was refused
 * (in which case nothing changed and the previous version is still in force).
 */
public record Replacement(Optional<InForce> accepted, List<PolicyError> errors) {

    public Replacement {
        errors = List.copyOf(errors);
        if (accepted.isPresent() == !errors.isEmpty()) {
            throw new IllegalArgumentException("a replacement is either accepted or refused with errors");
        }
    }

    static Replacement of(InForce inForce) {
        return new Replacement(Optional.of(inForce), List.of());
    }

    static Replacement refused(List<PolicyError> errors) {
        return new Replacement(Optional.empty(), errors);
    }

    public boolean isAccepted() {
        return accepted.isPresent();
    }
}
