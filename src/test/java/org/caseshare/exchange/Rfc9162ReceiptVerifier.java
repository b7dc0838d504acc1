package org.caseshare.exchange;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

/**
 * A third party's verifier, written from RFC 9162 §2.1 and the C2SP signed-note and tlog-checkpoint
 * specifications alone, as README's "Receipts a partner can verify" tells a partner to: it uses
 * only the JDK (MessageDigest, Signature) and shares no code with org.caseshare.audit, so a mistake
 * in the service's tree or signing code cannot hide behind the same mistake here. Every method
 * throws {@link VerificationFailed} saying which check failed.
 */
final class Rfc9162ReceiptVerifier {

    /** X.509 SubjectPublicKeyInfo prefix for a raw 32-byte Ed25519 key (RFC 8410). */
    private static final byte[] ED25519_SPKI_PREFIX = HexFormat.of().parseHex("302a300506032b6570032100");

    static final class VerificationFailed extends RuntimeException {
        VerificationFailed(String message) {
            super(message);
        }
    }

    /** A C2SP verifier key: {@code <name>+<hex key id>+<base64(0x01 || 32-byte Ed25519 key)>}. */
    record VerifierKey(String name, byte[] keyId, PublicKey key) {

        static VerifierKey parse(String text) throws GeneralSecurityException {
            // split at the first two "+" only: the base64 key may itself hold "+"
            String[] parts = text.strip().split("\\+", 3);
            byte[] typed = Base64.getDecoder().decode(parts[2]);
            if (parts.length != 3 || typed.length != 33 || typed[0] != 0x01) {
                throw new GeneralSecurityException("not an Ed25519 verifier key");
            }
            byte[] raw = Arrays.copyOfRange(typed, 1, 33);
            // key id = first 4 bytes of SHA-256(name || 0x0A || 0x01 || public key)
            byte[] expectedId = Arrays.copyOf(sha256(parts[0].getBytes(StandardCharsets.UTF_8), new byte[] {'\n'}, typed), 4);
            if (!Arrays.equals(expectedId, HexFormat.of().parseHex(parts[1]))) {
                throw new GeneralSecurityException("key id does not match the key");
            }
            byte[] spki = new byte[ED25519_SPKI_PREFIX.length + 32];
            System.arraycopy(ED25519_SPKI_PREFIX, 0, spki, 0, ED25519_SPKI_PREFIX.length);
            System.arraycopy(raw, 0, spki, ED25519_SPKI_PREFIX.length, 32);
            return new VerifierKey(parts[0], expectedId, KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(spki)));
        }
    }

    /** What a verified checkpoint commits to. */
    record Checkpoint(String origin, long size, byte[] root) {
    }

    /**
     * Opens a C2SP signed note: the text up to and including the first blank line's preceding
     * newline is signed; each signature line is {@code — <name> <base64(4-byte key id || signature)>}.
     */
    static Checkpoint openCheckpoint(String signedNote, VerifierKey key) {
        int split = signedNote.indexOf("\n\n");
        if (split < 0) {
            throw new VerificationFailed("no blank line between the note text and its signatures");
        }
        String text = signedNote.substring(0, split + 1);
        boolean signed = false;
        for (String line : signedNote.substring(split + 2).split("\n")) {
            String prefix = "\u2014 " + key.name() + " ";
            if (!line.startsWith(prefix)) {
                continue;
            }
            byte[] blob = Base64.getDecoder().decode(line.substring(prefix.length()));
            if (blob.length != 68 || !Arrays.equals(Arrays.copyOf(blob, 4), key.keyId())) {
                continue;
            }
            try {
                Signature ed25519 = Signature.getInstance("Ed25519");
                ed25519.initVerify(key.key());
                ed25519.update(text.getBytes(StandardCharsets.UTF_8));
                signed = ed25519.verify(Arrays.copyOfRange(blob, 4, 68));
            } catch (GeneralSecurityException e) {
                signed = false;
            }
        }
        if (!signed) {
            throw new VerificationFailed("the checkpoint carries no valid signature by " + key.name());
        }
        // tlog-checkpoint body: origin, decimal tree size, base64 root hash, then optional extension lines
        String[] lines = text.split("\n");
        if (!lines[0].equals(key.name())) {
            throw new VerificationFailed("the checkpoint's origin is not the key's name");
        }
        return new Checkpoint(lines[0], Long.parseLong(lines[1]), Base64.getDecoder().decode(lines[2]));
    }

    static byte[] leafHash(byte[] leaf) {
        return sha256(new byte[] {0x00}, leaf);
    }

    static byte[] nodeHash(byte[] left, byte[] right) {
        return sha256(new byte[] {0x01}, left, right);
    }

    /** RFC 9162 §2.1.3.2. */
    static void verifyInclusion(byte[] leafHash, long leafIndex, long treeSize, List<byte[]> path, byte[] root) {
        if (leafIndex >= treeSize) {
            throw new VerificationFailed("leaf index beyond the tree");
        }
        long fn = leafIndex;
        long sn = treeSize - 1;
        byte[] r = leafHash;
        for (byte[] p : path) {
            if (sn == 0) {
                throw new VerificationFailed("inclusion proof is too long");
            }
            if ((fn & 1) == 1 || fn == sn) {
                r = nodeHash(p, r);
                if ((fn & 1) == 0) {
                    while ((fn & 1) == 0 && fn != 0) {
                        fn >>= 1;
                        sn >>= 1;
                    }
                }
            } else {
                r = nodeHash(r, p);
            }
            fn >>= 1;
            sn >>= 1;
        }
        if (sn != 0 || !Arrays.equals(r, root)) {
            throw new VerificationFailed("inclusion proof does not reach the signed root");
        }
    }

    /** RFC 9162 §2.1.4.2. */
    static void verifyConsistency(long first, long second, byte[] firstRoot, byte[] secondRoot, List<byte[]> proof) {
        if (first == second) {
            if (!proof.isEmpty() || !Arrays.equals(firstRoot, secondRoot)) {
                throw new VerificationFailed("same size, different roots");
            }
            return;
        }
        if (first == 0 || first > second || proof.isEmpty()) {
            throw new VerificationFailed("no consistency proof possible between " + first + " and " + second);
        }
        List<byte[]> path = new ArrayList<>(proof);
        if (Long.bitCount(first) == 1) {
            path.add(0, firstRoot);
        }
        long fn = first - 1;
        long sn = second - 1;
        while ((fn & 1) == 1) {
            fn >>= 1;
            sn >>= 1;
        }
        byte[] fr = path.get(0);
        byte[] sr = path.get(0);
        for (byte[] c : path.subList(1, path.size())) {
            if (sn == 0) {
                throw new VerificationFailed("consistency proof is too long");
            }
            if ((fn & 1) == 1 || fn == sn) {
                fr = nodeHash(c, fr);
                sr = nodeHash(c, sr);
                if ((fn & 1) == 0) {
                    while ((fn & 1) == 0 && fn != 0) {
                        fn >>= 1;
                        sn >>= 1;
                    }
                }
            } else {
                sr = nodeHash(sr, c);
            }
            fn >>= 1;
            sn >>= 1;
        }
        if (sn != 0 || !Arrays.equals(fr, firstRoot) || !Arrays.equals(sr, secondRoot)) {
            throw new VerificationFailed("consistency proof does not join the two roots");
        }
    }

    /** The leaf bytes' fixed start (README): version 0x01, then the sequence number as 8 bytes big-endian. */
    static long seqInLeaf(byte[] leaf) {
        if (leaf.length < 9 || leaf[0] != 0x01) {
            throw new VerificationFailed("unknown leaf version");
        }
        return ByteBuffer.wrap(leaf, 1, 8).getLong();
    }

    static byte[] sha256(byte[]... parts) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (byte[] part : parts) {
                digest.update(part);
            }
            return digest.digest();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<byte[]> decodeAll(List<String> base64) {
        return base64.stream().map(Base64.getDecoder()::decode).toList();
    }

    private Rfc9162ReceiptVerifier() {
    }
}
