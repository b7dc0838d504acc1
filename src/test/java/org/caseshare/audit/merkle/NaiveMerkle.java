package org.caseshare.audit.merkle;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * RFC 9162 §2.1 written out as literally as possible, sharing no code with the main classes, so the
 * tests compare two independent readings of the RFC.
 */
final class NaiveMerkle {

    private NaiveMerkle() {
    }

    static byte[] sha256(byte[]... parts) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (byte[] part : parts) {
                digest.update(part);
            }
            return digest.digest();
        }
        catch (NoSuchAlgorithmException ex) {
            throw new AssertionError(ex);
        }
    }

    static byte[] leaf(byte[] entry) {
        return sha256(new byte[] { 0 }, entry);
    }

    static byte[] node(byte[] left, byte[] right) {
        return sha256(new byte[] { 1 }, left, right);
    }

    /** k: the largest power of two smaller than n, found by counting up. */
    static int split(int n) {
        int k = 1;
        while (k * 2 < n) {
            k *= 2;
        }
        return k;
    }

    /** MTH(D[n]) over leaf hashes. */
    static byte[] mth(List<byte[]> d) {
        int n = d.size();
        if (n == 0) {
            return sha256();
        }
        if (n == 1) {
            return d.get(0);
        }
        int k = split(n);
        return node(mth(d.subList(0, k)), mth(d.subList(k, n)));
    }

    /** PATH(m, D[n]). */
    static List<byte[]> path(int m, List<byte[]> d) {
        int n = d.size();
        List<byte[]> out = new ArrayList<>();
        if (n <= 1) {
            return out;
        }
        int k = split(n);
        if (m < k) {
            out.addAll(path(m, d.subList(0, k)));
            out.add(mth(d.subList(k, n)));
        }
        else {
            out.addAll(path(m - k, d.subList(k, n)));
            out.add(mth(d.subList(0, k)));
        }
        return out;
    }

    /** PROOF(m, D[n]) = SUBPROOF(m, D[n], true); empty for m == 0 or m == n. */
    static List<byte[]> proof(int m, List<byte[]> d) {
        if (m == 0 || m == d.size()) {
            return new ArrayList<>();
        }
        return subproof(m, d, true);
    }

    private static List<byte[]> subproof(int m, List<byte[]> d, boolean b) {
        int n = d.size();
        List<byte[]> out = new ArrayList<>();
        if (m == n) {
            if (!b) {
                out.add(mth(d));
            }
            return out;
        }
        int k = split(n);
        if (m <= k) {
            out.addAll(subproof(m, d.subList(0, k), b));
            out.add(mth(d.subList(k, n)));
        }
        else {
            out.addAll(subproof(m - k, d.subList(k, n), false));
            out.add(mth(d.subList(0, k)));
        }
        return out;
    }

    /** Distinct leaf hashes of the entries 0, 1, 2, ... as 4-byte big-endian numbers. */
    static List<byte[]> leafHashes(int n) {
        List<byte[]> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(leaf(new byte[] { (byte) (i >>> 24), (byte) (i >>> 16), (byte) (i >>> 8), (byte) i }));
        }
        return out;
    }

    static byte[] hex(String hex) {
        return HexFormat.of().parseHex(hex);
    }

}
