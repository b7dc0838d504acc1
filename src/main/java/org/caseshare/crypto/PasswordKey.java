package org.caseshare.crypto;

import java.security.GeneralSecurityException;
import java.util.Arrays;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.subtle.AesGcmJce;

/**
 * The AES-256-GCM key derived from a package password. Short-lived: use it in a try-with-resources
 * block; closing wipes the derived bytes this object holds.
 */
public final class PasswordKey implements AutoCloseable {

    private final byte[] key;
    private final Aead aead;
    private boolean closed;

    PasswordKey(byte[] key) {
        this.key = key;
        try {
            this.aead = new AesGcmJce(key);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    Aead aead() {
        if (closed) {
            throw new IllegalStateException("Password key already wiped");
        }
        return aead;
    }

    @Override
    public void close() {
        closed = true;
        Arrays.fill(key, (byte) 0);
    }
}
