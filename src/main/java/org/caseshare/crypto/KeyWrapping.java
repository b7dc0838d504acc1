package org.caseshare.crypto;

/**
 * Wraps (encrypts) data keys under a key-encryption key. Today the {@link MasterKeyset}; a key
 * management service can replace it by providing another bean of this type. Implementations must
 * be authenticated: unwrapping with different associated data fails.
 */
public interface KeyWrapping {

    byte[] wrap(byte[] key, byte[] associatedData);

    /** @throws KeyAuthenticationException when the wrapped key or its associated data was altered */
    byte[] unwrap(byte[] wrapped, byte[] associatedData);
}
