package org.caseshare.audit;

import java.util.List;
import java.util.Optional;

import org.caseshare.system.Languages;
import org.caseshare.system.Text;

/**
 * What {@code audit verify} found: how much it checked and every failure, first failure first.
 *
 * @param entriesChecked     entries read from the database and hashed into the tree
 * @param checkpointsChecked signed checkpoints checked (stored and supplied)
 * @param treeSize           the size of the recomputed tree
 * @param rootHash           base64 root of the recomputed tree
 * @param findings           one sentence per failure, naming the entry or the checkpoint, to be said in the
 *                           reader's language (the audit page) or in English ({@link #failures}: the command line)
 * @param pendingChecked     entries written but not yet sequenced, whose seals were checked
 */
public record VerificationReport(long entriesChecked, int checkpointsChecked, long treeSize, String rootHash,
        List<Text> findings, long pendingChecked) {

    public VerificationReport {
        findings = List.copyOf(findings);
    }

    public boolean ok() {
        return findings.isEmpty();
    }

    /** Every failure in English, as the command line and the logs say it. */
    public List<String> failures() {
        return findings.stream().map(finding -> finding.resolve(Languages.ENGLISH)).toList();
    }

    public Optional<String> firstFailure() {
        return failures().stream().findFirst();
    }

    public Optional<Text> firstFinding() {
        return findings.stream().findFirst();
    }
}
