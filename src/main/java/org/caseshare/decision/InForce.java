package org.caseshare.decision;

import java.util.Objects;

import org.caseshare.policy.Policy;
import org.caseshare.policy.PolicyVersion;

/**
 * The policy an organisation decides under now, and its place in the history. Store
 * {@link #version()} with anything decided under it.
 */
public record InForce(Policy policy, StoredPolicy stored) {

    public InForce {
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(stored, "stored");
        if (!policy.version().equals(stored.version())) {
            throw new IllegalArgumentException("the stored version " + stored.version()
                    + " does not describe the policy " + policy.version());
        }
    }

    public PolicyVersion version() {
        return policy.version();
    }
}
