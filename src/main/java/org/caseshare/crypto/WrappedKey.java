package org.caseshare.crypto;

import java.util.Base64;
import java.util.Objects;

/**
 * A file's data key as stored: wrapped under the key-encryption key and, when the package has a
 * password, first under the password's key as well. Text, so it fits any database column.
 * Destroying every copy of this value destroys the file (crypto-shredding).
 *
 * <p>Forms: {@code dk1:<base64>} (key-encryption key only) and {@code dk1p:<base64>} (password,
 * then key-encryption key). The prefix names the scheme version.
 */
public record WrappedKey(String encoded) {

    static final String PLAIN = "dk1:";
    static final String PASSWORD = "dk1p:";

    public WrappedKey {
        Objects.requireNonNull(encoded, "encoded");
        if (!encoded.startsWith(PLAIN) && !encoded.startsWith(PASSWORD)) {
            throw new IllegalArgumentException("Unknown wrapped-key scheme");
        }
    }

    public boolean passwordLocked() {
        return encoded.startsWith(PASSWORD);
    }

    static WrappedKey of(boolean password, byte[] bytes) {
        return new WrappedKey((password ? PASSWORD : PLAIN) + Base64.getEncoder().encodeToString(bytes));
    }

    byte[] bytes() {
        return Base64.getDecoder().decode(encoded.substring(passwordLocked() ? PASSWORD.length() : PLAIN.length()));
    }

    @Override
    public String toString() {
        return "WrappedKey[" + (passwordLocked() ? "password" : "plain") + "]";
    }
}
