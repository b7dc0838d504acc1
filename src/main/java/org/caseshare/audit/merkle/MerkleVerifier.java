package org.caseshare.audit.merkle;

import java.util.ArrayList;
import java.util.List;

/**
 * Checks inclusion (RFC 9162 §2.1.3.2) and consistency (§2.1.4.2) proofs. Each check first
 * demands the exact proof length the sizes imply, so truncated, padded or mis-sized proofs fail
 * with a message saying why, then runs the RFC algorithm, which would reject them anyway.
 *
 * <p>The hashes do not commit to the tree size (the path of leaf 0 in a tree of 3 has the same shape
 * as in a tree of 4), so sizes and roots must come from a verified {@link Checkpoint}, never from
 * whoever supplies the proof.
 */
public final class MerkleVerifier {

    private MerkleVerifier() {
    }

    /**
     * Throws {@link InvalidProofException} unless {@code proof} shows that {@code leafHash} is leaf
     * {@code index} of the tree of {@code treeSize} leaves with root {@code rootHash}.
     */
    public static void verifyInclusion(byte[] leafHash, long index, long treeSize, List<byte[]> proof,
            byte[] rootHash) {
        byte[] leaf = hash(leafHash, "leaf hash");
        byte[] root = hash(rootHash, "root hash");
        List<byte[]> path = hashes(proof);
        if (treeSize <= 0) {
            throw new InvalidProofException("a tree of size " + treeSize + " has no leaves to include");
        }
        if (index < 0 || index >= treeSize) {
            throw new InvalidProofException(
                    "leaf index " + index + " is outside a tree of size " + treeSize);
        }
        int expected = inclusionProofLength(index, treeSize);
        if (path.size() != expected) {
            throw new InvalidProofException("an inclusion proof for leaf " + index + " in a tree of size "
                    + treeSize + " has " + expected + " hashes, not " + path.size());
        }
        byte[] r = rootFromInclusionPath(leaf, index, treeSize, path);
        if (!MerkleHash.same(r, root)) {
            throw new InvalidProofException("inclusion proof for leaf " + index + " in a tree of size "
                    + treeSize + " does not lead to root " + MerkleHash.hex(root));
        }
    }

    /** {@link #verifyInclusion} as a boolean, for callers that only need yes or no. */
    public static boolean isValidInclusion(byte[] leafHash, long index, long treeSize, List<byte[]> proof,
            byte[] rootHash) {
        try {
            verifyInclusion(leafHash, index, treeSize, proof, rootHash);
            return true;
        }
        catch (InvalidProofException | IllegalArgumentException ex) {
            return false;
        }
    }

    /**
     * Throws {@link InvalidProofException} unless {@code proof} shows that the tree of {@code first}
     * leaves with root {@code firstRoot} is a prefix of the tree of {@code second} leaves with root
     * {@code secondRoot}.
     */
    public static void verifyConsistency(long first, long second, byte[] firstRoot, byte[] secondRoot,
            List<byte[]> proof) {
        byte[] root1 = hash(firstRoot, "first root hash");
        byte[] root2 = hash(secondRoot, "second root hash");
        List<byte[]> path = hashes(proof);
        if (first < 0) {
            throw new InvalidProofException("first size must not be negative: " + first);
        }
        if (first > second) {
            throw new InvalidProofException(
                    "first size " + first + " is larger than second size " + second + ": a log cannot shrink");
        }
        if (first == second || first == 0) {
            verifyTrivialConsistency(first, second, root1, root2, path);
            return;
        }
        int expected = consistencyProofLength(first, second);
        if (path.size() != expected) {
            throw new InvalidProofException("a consistency proof from size " + first + " to size " + second
                    + " has " + expected + " hashes, not " + path.size());
        }
        if (Long.bitCount(first) == 1) {
            path.add(0, root1);
        }
        byte[][] roots = rootsFromConsistencyPath(first, second, path);
        byte[] fr = roots[0];
        byte[] sr = roots[1];
        if (!MerkleHash.same(fr, root1)) {
            throw new InvalidProofException("consistency proof does not lead to the first root "
                    + MerkleHash.hex(root1) + " of size " + first);
        }
        if (!MerkleHash.same(sr, root2)) {
            throw new InvalidProofException("consistency proof does not lead to the second root "
                    + MerkleHash.hex(root2) + " of size " + second);
        }
    }

    /** {@link #verifyConsistency} as a boolean, for callers that only need yes or no. */
    public static boolean isValidConsistency(long first, long second, byte[] firstRoot, byte[] secondRoot,
            List<byte[]> proof) {
        try {
            verifyConsistency(first, second, firstRoot, secondRoot, proof);
            return true;
        }
        catch (InvalidProofException | IllegalArgumentException ex) {
            return false;
        }
    }

    /** RFC 9162 §2.1.3.2 steps 2 to 5: the root the path leads to. */
    private static byte[] rootFromInclusionPath(byte[] leaf, long index, long treeSize, List<byte[]> path) {
        byte[] r = leaf;
        MerkleHash hasher = MerkleHash.newHasher();
        long fn = index;
        long sn = treeSize - 1;
        for (byte[] p : path) {
            if (sn == 0) {
                throw new InvalidProofException("inclusion proof is too long");
            }
            if ((fn & 1) == 1 || fn == sn) {
                r = hasher.node(p, r);
                while ((fn & 1) == 0 && fn != 0) {
                    fn >>>= 1;
                    sn >>>= 1;
                }
            }
            else {
                r = hasher.node(r, p);
            }
            fn >>>= 1;
            sn >>>= 1;
        }
        if (sn != 0) {
            throw new InvalidProofException("inclusion proof is too short");
        }
        return r;
    }

    /** RFC 9162 §2.1.4.2 steps 2 to 7: the first and second roots the path leads to. */
    private static byte[][] rootsFromConsistencyPath(long first, long second, List<byte[]> path) {
        MerkleHash hasher = MerkleHash.newHasher();
        long fn = first - 1;
        long sn = second - 1;
        while ((fn & 1) == 1) {
            fn >>>= 1;
            sn >>>= 1;
        }
        byte[] fr = path.get(0);
        byte[] sr = path.get(0);
        for (byte[] c : path.subList(1, path.size())) {
            if (sn == 0) {
                throw new InvalidProofException("consistency proof is too long");
            }
            if ((fn & 1) == 1 || fn == sn) {
                fr = hasher.node(c, fr);
                sr = hasher.node(c, sr);
                while ((fn & 1) == 0 && fn != 0) {
                    fn >>>= 1;
                    sn >>>= 1;
                }
            }
            else {
                sr = hasher.node(sr, c);
            }
            fn >>>= 1;
            sn >>>= 1;
        }
        if (sn != 0) {
            throw new InvalidProofException("consistency proof is too short");
        }
        return new byte[][] { fr, sr };
    }

    private static void verifyTrivialConsistency(long first, long second, byte[] root1, byte[] root2,
            List<byte[]> path) {
        if (!path.isEmpty()) {
            throw new InvalidProofException("a consistency proof from size " + first + " to size " + second
                    + " must be empty, not " + path.size() + " hashes");
        }
        if (first == 0 && !MerkleHash.same(root1, MerkleHash.emptyRoot())) {
            throw new InvalidProofException("the root of an empty tree must be SHA-256 of nothing");
        }
        if (first == second && !MerkleHash.same(root1, root2)) {
            throw new InvalidProofException("two trees of size " + first + " have different roots");
        }
    }

    /** Hashes below the split (inner) plus the left-hand subtree roots on the right edge (border). */
    static int inclusionProofLength(long index, long treeSize) {
        int inner = Long.SIZE - Long.numberOfLeadingZeros(index ^ (treeSize - 1));
        int border = Long.bitCount(index >>> inner);
        return inner + border;
    }

    static int consistencyProofLength(long first, long second) {
        int shift = Long.numberOfTrailingZeros(first);
        int inner = Long.SIZE - Long.numberOfLeadingZeros((first - 1) ^ (second - 1)) - shift;
        int border = Long.bitCount((first - 1) >>> (inner + shift));
        int seed = Long.bitCount(first) == 1 ? 0 : 1;
        return seed + inner + border;
    }

    private static byte[] hash(byte[] hash, String what) {
        try {
            return MerkleHash.requireHash(hash, what);
        }
        catch (IllegalArgumentException ex) {
            throw new InvalidProofException(ex.getMessage());
        }
    }

    private static List<byte[]> hashes(List<byte[]> proof) {
        if (proof == null) {
            throw new InvalidProofException("proof must not be null");
        }
        List<byte[]> copies = new ArrayList<>(proof.size() + 1);
        for (int i = 0; i < proof.size(); i++) {
            copies.add(hash(proof.get(i), "proof hash " + i));
        }
        return copies;
    }

}
