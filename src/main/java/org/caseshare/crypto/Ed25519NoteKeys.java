package org.caseshare.crypto;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.nio.charset.StandardCharsets;

import com.google.crypto.tink.signature.SignatureConfig;

/**
 * What the Ed25519 signing and verifying keys share: Tink registration and the C2SP signed-note
 * key id, SHA-256(key name || 0x0A || 0x01 || public key)[0:4], where 0x01 names Ed25519.
 */
final class Ed25519NoteKeys {

    static final byte ALGORITHM_ED25519 = 0x01;

    static final int PUBLIC_KEY_LENGTH = 32;

    private Ed25519NoteKeys() {
    }

    static void registerTink() {
        try {
            SignatureConfig.register();
        }
        catch (GeneralSecurityException ex) {
            throw new IllegalStateException("Tink signature primitives could not be registered", ex);
        }
    }

    static int keyId(String keyName, byte[] publicKey) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update(keyName.getBytes(StandardCharsets.UTF_8));
            sha256.update((byte) '\n');
            sha256.update(ALGORITHM_ED25519);
            byte[] hash = sha256.digest(publicKey);
            return ((hash[0] & 0xff) << 24) | ((hash[1] & 0xff) << 16) | ((hash[2] & 0xff) << 8) | (hash[3] & 0xff);
        }
        catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", ex);
        }
    }

    /** Same rules as signed-note key names: not empty, no whitespace, no '+'. */
    static String requireKeyName(String keyName) {
        if (keyName == null || keyName.isEmpty()
                || keyName.chars().anyMatch(c -> Character.isWhitespace(c) || Character.isSpaceChar(c)
                        || Character.isISOControl(c) || c == '+')) {
            throw new IllegalArgumentException(
                    "key name '" + keyName + "' must be non-empty, without spaces, control characters or '+'");
        }
        return keyName;
    }

}
