package org.caseshare.audit;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.caseshare.crypto.AuditSigningKey;
import org.caseshare.crypto.AuditVerifyingKey;

/**
 * Every entry's own Ed25519 signature over its leaf data, made with the audit key as it is written.
 * Checkpoints can only say that some entry in a range changed; the signatures say which one, and
 * someone who can rewrite the table still cannot sign. A context line keeps an entry's signature
 * from ever passing for a checkpoint's, or the reverse.
 */
final class EntrySignatures {

    private static final byte[] CONTEXT = "caseshare audit entry signature v1\n".getBytes(StandardCharsets.US_ASCII);

    private EntrySignatures() {
    }

    static String sign(AuditSigningKey key, AuditEntry entry) {
        return Base64.getEncoder().encodeToString(key.sign(message(entry)));
    }

    static boolean verify(AuditVerifyingKey key, AuditEntry entry, String signature) {
        try {
            return key.verify(message(entry), Base64.getDecoder().decode(signature));
        } catch (IllegalArgumentException notBase64) {
            return false;
        }
    }

    private static byte[] message(AuditEntry entry) {
        ByteArrayOutputStream message = new ByteArrayOutputStream(300);
        message.writeBytes(CONTEXT);
        message.writeBytes(AuditLeaf.encode(entry));
        return message.toByteArray();
    }
}
