package org.caseshare.audit.merkle;

import java.util.ArrayList;
import java.util.List;

/**
 * Builds a Merkle tree one leaf at a time, keeping only the compact range: the roots of the
 * perfect subtrees that make up the tree so far, one per set bit of the size (at most 63 hashes).
 *
 * <p>Appending costs amortised two hashes, the root costs at most 62 more, and memory is O(log n),
 * so a verifier can stream a million entries from storage and recompute the root without holding
 * them. Not thread-safe.
 */
public final class MerkleTreeBuilder {

    private final MerkleHash hasher = MerkleHash.newHasher();

    /** Perfect subtree roots, largest (leftmost) first; {@code depth} of them are in use. */
    private final byte[][] frontier = new byte[Long.SIZE][];

    private int depth;

    private long size;

    /** An empty tree. */
    public MerkleTreeBuilder() {
    }

    /**
     * Resumes a tree from a stored compact range, as returned by {@link #frontier()}, so an
     * application can keep appending after a restart without re-reading every leaf.
     */
    public static MerkleTreeBuilder resume(long size, List<byte[]> frontier) {
        if (size < 0) {
            throw new IllegalArgumentException("tree size must not be negative: " + size);
        }
        if (frontier.size() != Long.bitCount(size)) {
            throw new IllegalArgumentException("a tree of size " + size + " has a frontier of "
                    + Long.bitCount(size) + " hashes, not " + frontier.size());
        }
        MerkleTreeBuilder builder = new MerkleTreeBuilder();
        for (int i = 0; i < frontier.size(); i++) {
            builder.frontier[i] = MerkleHash.requireHash(frontier.get(i), "frontier hash " + i);
        }
        builder.depth = frontier.size();
        builder.size = size;
        return builder;
    }

    /** Appends an entry, hashing it as a leaf. */
    public MerkleTreeBuilder appendEntry(byte[] entry) {
        appendTrusted(hasher.leaf(entry));
        return this;
    }

    /** Appends an already computed 32-byte leaf hash. */
    public MerkleTreeBuilder appendLeafHash(byte[] leafHash) {
        appendTrusted(MerkleHash.requireHash(leafHash, "leaf hash"));
        return this;
    }

    private void appendTrusted(byte[] leafHash) {
        if (size == Long.MAX_VALUE) {
            throw new IllegalStateException("the tree is full");
        }
        byte[] hash = leafHash;
        // Every trailing 1 bit of the old size is a perfect subtree the new leaf completes.
        for (long s = size; (s & 1) == 1; s >>>= 1) {
            hash = hasher.node(frontier[--depth], hash);
        }
        frontier[depth++] = hash;
        size++;
    }

    /** Number of leaves appended so far. */
    public long size() {
        return size;
    }

    /** The RFC 9162 root hash (MTH) of the leaves appended so far. */
    public byte[] root() {
        if (depth == 0) {
            return MerkleHash.emptyRoot();
        }
        byte[] root = frontier[depth - 1];
        for (int i = depth - 2; i >= 0; i--) {
            root = hasher.node(frontier[i], root);
        }
        return MerkleHash.copy(root);
    }

    /** The compact range: perfect subtree roots, largest first, one per set bit of the size. */
    public List<byte[]> frontier() {
        List<byte[]> copy = new ArrayList<>(depth);
        for (int i = 0; i < depth; i++) {
            copy.add(MerkleHash.copy(frontier[i]));
        }
        return copy;
    }

}
