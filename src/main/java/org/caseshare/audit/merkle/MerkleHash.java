package org.caseshare.audit.merkle;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;

/**
 * The RFC 9162 §2.1.1 hash functions. Domain separation (0x00 for leaves, 0x01 for nodes) stops a
 * node from being passed off as a leaf (second-preimage attack on the tree).
 */
public final class MerkleHash {

    /** Length in bytes of every hash in the tree (SHA-256). */
    public static final int LENGTH = 32;

    private static final byte LEAF_PREFIX = 0x00;
    private static final byte NODE_PREFIX = 0x01;

    private final MessageDigest sha256;

    private MerkleHash() {
        try {
            this.sha256 = MessageDigest.getInstance("SHA-256");
        }
        catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", ex);
        }
    }

    /** A hasher with its own digest; not thread-safe, so each builder or verification uses one. */
    static MerkleHash newHasher() {
        return new MerkleHash();
    }

    /** SHA-256(0x00 || entry). */
    public static byte[] leafHash(byte[] entry) {
        return newHasher().leaf(entry);
    }

    /** SHA-256(0x01 || left || right). */
    public static byte[] nodeHash(byte[] left, byte[] right) {
        return newHasher().node(requireHash(left, "left hash"), requireHash(right, "right hash"));
    }

    /** The root of the tree with no leaves: SHA-256 of the empty string. */
    public static byte[] emptyRoot() {
        return newHasher().sha256.digest();
    }

    byte[] leaf(byte[] entry) {
        if (entry == null) {
            throw new IllegalArgumentException("entry must not be null");
        }
        sha256.update(LEAF_PREFIX);
        return sha256.digest(entry);
    }

    byte[] node(byte[] left, byte[] right) {
        sha256.update(NODE_PREFIX);
        sha256.update(left);
        return sha256.digest(right);
    }

    /** Checks the length and returns a copy, so callers can never alias our state. */
    static byte[] requireHash(byte[] hash, String what) {
        if (hash == null) {
            throw new IllegalArgumentException(what + " must not be null");
        }
        if (hash.length != LENGTH) {
            throw new IllegalArgumentException(
                    what + " must be " + LENGTH + " bytes but is " + hash.length + " bytes");
        }
        return hash.clone();
    }

    /** Constant-time comparison, so a verifier leaks nothing about how close a forgery came. */
    static boolean same(byte[] a, byte[] b) {
        return MessageDigest.isEqual(a, b);
    }

    /** The largest power of two strictly smaller than {@code n} (RFC 9162 split point), n >= 2. */
    static long splitPoint(long n) {
        return Long.highestOneBit(n - 1);
    }

    static String hex(byte[] hash) {
        StringBuilder out = new StringBuilder(hash.length * 2);
        for (byte b : hash) {
            out.append(Character.forDigit((b >> 4) & 0xf, 16)).append(Character.forDigit(b & 0xf, 16));
        }
        return out.toString();
    }

    static byte[] copy(byte[] hash) {
        return Arrays.copyOf(hash, hash.length);
    }

}
