package org.caseshare.policy;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Either a complete, valid policy or the list of everything wrong with the file: never both, and
 * never a policy that was only partly read.
 */
public final class PolicyLoadResult {

    private final Policy policy;
    private final List<PolicyError> errors;

    private PolicyLoadResult(Policy policy, List<PolicyError> errors) {
        this.policy = policy;
        this.errors = List.copyOf(errors);
    }

    static PolicyLoadResult loaded(Policy policy) {
        return new PolicyLoadResult(Objects.requireNonNull(policy), List.of());
    }

    static PolicyLoadResult failed(List<PolicyError> errors) {
        if (errors.isEmpty()) {
            throw new IllegalArgumentException("a failed load must say what is wrong");
        }
        return new PolicyLoadResult(null, errors);
    }

    public boolean isValid() {
        return policy != null;
    }

    public Optional<Policy> policy() {
        return Optional.ofNullable(policy);
    }

    /** Errors in file order; empty when the policy is valid. */
    public List<PolicyError> errors() {
        return errors;
    }

    /** The policy, or an exception listing every error (for start-up, where a bad file is fatal). */
    public Policy orElseThrow() {
        if (policy == null) {
            throw new IllegalStateException("The policy file is not valid:\n" + errors.stream()
                    .map(PolicyError::toString).collect(Collectors.joining("\n")));
        }
        return policy;
    }
}
