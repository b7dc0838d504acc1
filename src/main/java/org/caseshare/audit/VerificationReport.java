package org.caseshare.audit;

import java.util.List;
import java.util.Optional;

/**
 * What {@code audit verify} found: how much it checked and every failure, first failure first.
 *
 * @param entriesChecked     entries read from the database and hashed into the tree
 * @param checkpointsChecked signed checkpoints checked (stored and supplied)
 * @param treeSize           the size of the recomputed tree
 * @param rootHash           base64 root of the recomputed tree
 * @param failures           one sentence per failure, naming the entry or the checkpoint
 * @param pendingChecked     entries written but not yet sequenced, whose seals were checked
 */
public record VerificationReport(long entriesChecked, int checkpointsChecked, long treeSize, String rootHash,
        List<String> failures, long pendingChecked) {

    public VerificationReport {
        failures = List.copyOf(failures);
    }

    public boolean ok() {
        return failures.isEmpty();
    }

    public Optional<String> firstFailure() {
        return failures.stream().findFirst();
    }
}
