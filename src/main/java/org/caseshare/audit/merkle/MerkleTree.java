package org.caseshare.audit.merkle;

import java.util.ArrayList;
import java.util.List;

/**
 * Root hashes and proofs (RFC 9162 §2.1.1, §2.1.3.1, §2.1.4.1) over any source of leaf hashes.
 *
 * <p>No interior nodes are stored, so each call reads the leaves it needs: a root or a proof for a
 * tree of size n costs O(n) leaf reads and hashes, and O(log n) memory. That is fine for an audit
 * log of millions of entries checked now and then; a node cache can be added behind
 * {@link LeafHashes} if proofs are ever served at volume.
 */
public final class MerkleTree {

    private final LeafHashes leaves;

    public MerkleTree(LeafHashes leaves) {
        if (leaves == null) {
            throw new IllegalArgumentException("leaves must not be null");
        }
        this.leaves = leaves;
    }

    /** MTH(D[0:treeSize]). */
    public byte[] rootHash(long treeSize) {
        requireSize(treeSize, "tree size");
        return subtreeHash(0, treeSize);
    }

    /**
     * The audit path of leaf {@code index} in the tree of the first {@code treeSize} leaves, ordered
     * from the leaf's sibling up to the child of the root.
     */
    public List<byte[]> inclusionProof(long index, long treeSize) {
        requireSize(treeSize, "tree size");
        if (index < 0 || index >= treeSize) {
            throw new IllegalArgumentException(
                    "leaf index " + index + " is outside a tree of size " + treeSize);
        }
        List<byte[]> proof = new ArrayList<>();
        path(index, 0, treeSize, proof);
        return proof;
    }

    /**
     * The proof that the tree of the first {@code first} leaves is a prefix of the tree of the
     * first {@code second}; empty when first is 0 or equals second.
     */
    public List<byte[]> consistencyProof(long first, long second) {
        requireSize(second, "second size");
        if (first < 0 || first > second) {
            throw new IllegalArgumentException(
                    "first size " + first + " must be between 0 and the second size " + second);
        }
        List<byte[]> proof = new ArrayList<>();
        if (first > 0 && first < second) {
            subproof(first, 0, second, true, proof);
        }
        return proof;
    }

    /** PATH(m, D[lo:hi]); siblings are appended after the deeper part, as in the RFC. */
    private void path(long m, long lo, long hi, List<byte[]> proof) {
        long n = hi - lo;
        if (n == 1) {
            return;
        }
        long k = MerkleHash.splitPoint(n);
        if (m < k) {
            path(m, lo, lo + k, proof);
            proof.add(subtreeHash(lo + k, hi));
        }
        else {
            path(m - k, lo + k, hi, proof);
            proof.add(subtreeHash(lo, lo + k));
        }
    }

    /** SUBPROOF(m, D[lo:hi], b). */
    private void subproof(long m, long lo, long hi, boolean wholeOldTree, List<byte[]> proof) {
        long n = hi - lo;
        if (m == n) {
            if (!wholeOldTree) {
                proof.add(subtreeHash(lo, hi));
            }
            return;
        }
        long k = MerkleHash.splitPoint(n);
        if (m <= k) {
            subproof(m, lo, lo + k, wholeOldTree, proof);
            proof.add(subtreeHash(lo + k, hi));
        }
        else {
            subproof(m - k, lo + k, hi, false, proof);
            proof.add(subtreeHash(lo, lo + k));
        }
    }

    /** MTH(D[lo:hi]): the tree hash depends only on the slice, so a fresh builder computes it. */
    private byte[] subtreeHash(long lo, long hi) {
        MerkleTreeBuilder builder = new MerkleTreeBuilder();
        for (long i = lo; i < hi; i++) {
            builder.appendLeafHash(leaves.leafHash(i));
        }
        return builder.root();
    }

    private void requireSize(long size, String what) {
        if (size < 0 || size > leaves.size()) {
            throw new IllegalArgumentException(
                    what + " " + size + " must be between 0 and the " + leaves.size() + " leaves available");
        }
    }

}
