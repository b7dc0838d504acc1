package org.caseshare.audit;

import java.util.List;
import java.util.UUID;

import org.caseshare.audit.merkle.InvalidProofException;
import org.caseshare.audit.merkle.MerkleHash;
import org.caseshare.audit.merkle.MerkleTree;
import org.caseshare.audit.merkle.MerkleVerifier;
import org.caseshare.system.NotFoundException;
import org.springframework.stereotype.Service;

/**
 * Inclusion proofs (this entry is in the tree a checkpoint signed) and consistency proofs (the tree
 * of one checkpoint is a prefix of another's), always against a stored signed checkpoint so that a
 * verifier can check the root with the public key alone. Every proof is checked before it is handed
 * out: a database that no longer matches its checkpoints answers with an error, not a bad proof.
 */
@Service
public class AuditProofs {

    private final AuditEntries entries;
    private final AuditCheckpoints checkpoints;

    AuditProofs(AuditEntries entries, AuditCheckpoints checkpoints) {
        this.entries = entries;
        this.checkpoints = checkpoints;
    }

    /**
     * @param treeSize     a checkpointed size, or null for the latest checkpoint
     * @param organisation when not null, the entry must belong to it (others are "not found")
     */
    public InclusionProof inclusion(long seq, Long treeSize, UUID organisation) {
        AuditEntry entry = entries.find(seq)
                .filter(e -> organisation == null || organisation.equals(e.organisationId()))
                .orElseThrow(() -> new NotFoundException("Audit entry " + seq));
        AuditCheckpoint checkpoint = checkpoint(treeSize);
        if (seq > checkpoint.treeSize()) {
            throw new IllegalArgumentException("entry " + seq + " is not in the tree of size " + checkpoint.treeSize()
                    + "; ask for a later checkpoint");
        }
        byte[] leafData = AuditLeaf.encode(entry);
        byte[] leafHash = MerkleHash.leafHash(leafData);
        List<byte[]> path = new MerkleTree(new DatabaseLeafHashes(entries, checkpoint.treeSize()))
                .inclusionProof(seq - 1, checkpoint.treeSize());
        try {
            MerkleVerifier.verifyInclusion(leafHash, seq - 1, checkpoint.treeSize(), path, checkpoint.rootHash());
        } catch (InvalidProofException e) {
            throw new IllegalStateException("the entries no longer match the checkpoint at tree size "
                    + checkpoint.treeSize() + "; run 'audit verify'", e);
        }
        return new InclusionProof(entry, leafData, leafHash, path, checkpoint);
    }

    public ConsistencyProof consistency(long from, long to) {
        if (from > to) {
            throw new IllegalArgumentException("the first tree size " + from + " must not be larger than the second " + to);
        }
        AuditCheckpoint first = checkpoint(from);
        AuditCheckpoint second = checkpoint(to);
        List<byte[]> path = new MerkleTree(new DatabaseLeafHashes(entries, to)).consistencyProof(from, to);
        try {
            MerkleVerifier.verifyConsistency(from, to, first.rootHash(), second.rootHash(), path);
        } catch (InvalidProofException e) {
            throw new IllegalStateException("the entries no longer match the checkpoints at tree sizes " + from
                    + " and " + to + "; run 'audit verify'", e);
        }
        return new ConsistencyProof(first, second, path);
    }

    private AuditCheckpoint checkpoint(Long treeSize) {
        if (treeSize == null) {
            return checkpoints.latest().orElseThrow(() -> new NotFoundException("Audit checkpoint"));
        }
        return checkpoints.at(treeSize).orElseThrow(() -> new NotFoundException("Audit checkpoint at tree size " + treeSize));
    }

    /** Leaf {@code entry.seq() - 1} of the tree {@code checkpoint} signed. */
    public record InclusionProof(AuditEntry entry, byte[] leafData, byte[] leafHash, List<byte[]> path,
            AuditCheckpoint checkpoint) {
    }

    /** The tree of {@code first} is a prefix of the tree of {@code second}. */
    public record ConsistencyProof(AuditCheckpoint first, AuditCheckpoint second, List<byte[]> path) {
    }
}
