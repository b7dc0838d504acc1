package org.caseshare.crypto;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;

import org.springframework.stereotype.Component;

/**
 * Seals small secrets (second-factor seeds and the like) for storage in the database. The context
 * string is bound as associated data, so a sealed value copied to another row or purpose fails to
 * open. Stored form: {@code v1:} followed by base64 of Tink's ciphertext (which names its key id).
 */
@Component
public class SecretBox {

    private static final String SCHEME = "v1:";

    private final MasterKeyset keyset;

    public SecretBox(MasterKeyset keyset) {
        this.keyset = keyset;
    }

    public String seal(String secret, String context) {
        try {
            byte[] sealed = keyset.aead().encrypt(secret.getBytes(StandardCharsets.UTF_8), ad(context));
            return SCHEME + Base64.getEncoder().encodeToString(sealed);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot seal a secret", e);
        }
    }

    public String open(String sealed, String context) {
        if (sealed == null || !sealed.startsWith(SCHEME)) {
            throw new IllegalArgumentException("Unknown sealed-secret scheme");
        }
        try {
            byte[] plain = keyset.aead().decrypt(Base64.getDecoder().decode(sealed.substring(SCHEME.length())), ad(context));
            return new String(plain, StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("A sealed secret failed authentication (wrong key or tampered)", e);
        }
    }

    /** Seals the value again under the current primary key; the context stays the same. */
    String reseal(String sealed, String context) {
        return seal(open(sealed, context), context);
    }

    /** The id of the key that sealed the value, or -1 when it names none. */
    static long keyIdOf(String sealed) {
        if (sealed == null || !sealed.startsWith(SCHEME)) {
            return -1;
        }
        try {
            return MasterKeyset.keyIdOf(Base64.getDecoder().decode(sealed.substring(SCHEME.length())));
        } catch (IllegalArgumentException notBase64) {
            return -1;
        }
    }

    private static byte[] ad(String context) {
        return ("caseshare:" + SCHEME + context).getBytes(StandardCharsets.UTF_8);
    }
}
