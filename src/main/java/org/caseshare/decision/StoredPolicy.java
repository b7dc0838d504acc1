package org.caseshare.decision;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import org.caseshare.policy.PolicyVersion;

/**
 * One version in an organisation's policy history: its number and fingerprint (what every decision
 * stores), how it came about, who accepted it and when. The default an organisation starts on has
 * no author and, until the first replacement, no time.
 *
 * @param number the version number, 1 for the shipped default, then 2, 3, … with no gaps
 * @param sha256 fingerprint of the exact policy text
 * @param source upload, edit, revert or the default
 * @param changedBy the account that made it the policy in force, if a person did
 * @param changedAt when it came into force, once recorded
 */
public record StoredPolicy(int number, String sha256, PolicySource source, Optional<UUID> changedBy,
        Optional<Instant> changedAt) {

    public StoredPolicy {
        Objects.requireNonNull(sha256, "sha256");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(changedBy, "changedBy");
        Objects.requireNonNull(changedAt, "changedAt");
    }

    public PolicyVersion version() {
        return new PolicyVersion(number, sha256);
    }
}
