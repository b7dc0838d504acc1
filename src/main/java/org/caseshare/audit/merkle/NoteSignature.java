package org.caseshare.audit.merkle;

import java.util.Arrays;

/** One signature line of a signed note: key name, 4-byte key id and the raw signature. */
public final class NoteSignature {

    private final String keyName;

    private final int keyId;

    private final byte[] signature;

    public NoteSignature(String keyName, int keyId, byte[] signature) {
        this.keyName = requireKeyName(keyName);
        this.keyId = keyId;
        if (signature == null || signature.length == 0) {
            throw new MalformedCheckpointException("signature by " + keyName + " is empty");
        }
        this.signature = signature.clone();
    }

    public String keyName() {
        return keyName;
    }

    public int keyId() {
        return keyId;
    }

    public byte[] signature() {
        return signature.clone();
    }

    /** The key id as C2SP writes it: eight lowercase hex digits. */
    public String keyIdHex() {
        return String.format("%08x", keyId);
    }

    boolean isBy(CheckpointVerifier verifier) {
        return keyName.equals(verifier.keyName()) && keyId == verifier.keyId();
    }

    /** The bytes after the name in the signature line: key id (big-endian) then signature. */
    byte[] keyIdAndSignature() {
        byte[] out = new byte[4 + signature.length];
        out[0] = (byte) (keyId >>> 24);
        out[1] = (byte) (keyId >>> 16);
        out[2] = (byte) (keyId >>> 8);
        out[3] = (byte) keyId;
        System.arraycopy(signature, 0, out, 4, signature.length);
        return out;
    }

    static NoteSignature fromKeyIdAndSignature(String keyName, byte[] blob) {
        if (blob.length < 5) {
            throw new MalformedCheckpointException(
                    "signature by " + keyName + " is " + blob.length + " bytes; it needs a 4-byte key id and a signature");
        }
        int keyId = ((blob[0] & 0xff) << 24) | ((blob[1] & 0xff) << 16) | ((blob[2] & 0xff) << 8) | (blob[3] & 0xff);
        return new NoteSignature(keyName, keyId, Arrays.copyOfRange(blob, 4, blob.length));
    }

    /** C2SP signed-note key names: not empty, no whitespace, no '+' (it separates verifier key parts). */
    static String requireKeyName(String keyName) {
        if (keyName == null || keyName.isEmpty()) {
            throw new MalformedCheckpointException("key name must not be empty");
        }
        for (int i = 0; i < keyName.length(); i++) {
            char c = keyName.charAt(i);
            if (Character.isWhitespace(c) || Character.isISOControl(c) || Character.isSpaceChar(c) || c == '+') {
                throw new MalformedCheckpointException(
                        "key name '" + keyName + "' must not contain spaces, control characters or '+'");
            }
        }
        return keyName;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof NoteSignature that && keyName.equals(that.keyName) && keyId == that.keyId
                && Arrays.equals(signature, that.signature);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * keyName.hashCode() + keyId) + Arrays.hashCode(signature);
    }

    @Override
    public String toString() {
        return "NoteSignature[" + keyName + "+" + keyIdHex() + "]";
    }

}
