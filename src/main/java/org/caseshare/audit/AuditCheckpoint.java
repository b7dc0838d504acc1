package org.caseshare.audit;

import java.time.Instant;
import java.util.Base64;

/**
 * A stored, signed checkpoint: the tree of the first {@code treeSize} entries had root
 * {@code rootHash} at {@code createdAt}. {@code signedNote} is the exact text that was signed and
 * exported; it is the only part a verifier should trust.
 */
public record AuditCheckpoint(long treeSize, byte[] rootHash, Instant createdAt, String signedNote) {

    public AuditCheckpoint {
        rootHash = rootHash.clone();
    }

    @Override
    public byte[] rootHash() {
        return rootHash.clone();
    }

    public String rootHashBase64() {
        return Base64.getEncoder().encodeToString(rootHash);
    }

    /** The file name used when exporting, sortable by tree size. */
    public String fileName() {
        return String.format("checkpoint-%012d.txt", treeSize);
    }
}
