package org.caseshare.crypto;

import java.security.GeneralSecurityException;
import java.util.Objects;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.aead.AeadConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The key-encryption keyset (an AES-256-GCM Tink keyset). Everything Caseshare keeps secret at rest
 * is sealed, directly or through a per-item data key, under this keyset. It comes from configuration
 * text (environment or secret manager) or a file outside the data directory; a missing file is
 * generated on first run, with a warning that production should hold the key elsewhere.
 *
 * <p>The keyset may hold several keys (see docs/adr/0016-key-rotation.md): every ciphertext names
 * the key that made it, the primary key seals everything new, and any enabled key opens what it
 * sealed. A running node looks at the keyset file again every {@code caseshare.crypto.reload-every},
 * so a key that {@code caseshare keys} adds reaches every node before it is made primary.
 */
@Component
public class MasterKeyset implements KeyWrapping {

    private static final Logger log = LoggerFactory.getLogger(MasterKeyset.class);
    /** Tink's prefix on a ciphertext of a TINK-variant key: this byte, then the key id (4 bytes, big-endian). */
    private static final byte TINK_PREFIX = 1;

    private final KeysetStore store;
    private final long reloadEveryNanos;
    private volatile Loaded current;
    private volatile long nextCheck;

    private record Loaded(KeysetHandle handle, Aead aead, String fingerprint) {
    }

    public MasterKeyset(CryptoProperties properties) {
        try {
            AeadConfig.register();
            this.store = new KeysetStore(properties);
            this.reloadEveryNanos = properties.reloadEvery().toNanos();
            this.current = load(store.read(), store.fingerprint());
            this.nextCheck = System.nanoTime() + reloadEveryNanos;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The key-encryption keyset cannot be used: " + e.getMessage(), e);
        }
    }

    Aead aead() {
        return loaded().aead();
    }

    /** The keyset as this node uses it now. */
    KeysetHandle handle() {
        return loaded().handle();
    }

    int primaryKeyId() {
        return handle().getPrimary().getId();
    }

    KeysetStore store() {
        return store;
    }

    /** Makes {@code handle} the keyset: written to the file (unless it comes from configuration) and used at once. */
    synchronized void replace(KeysetHandle handle) throws GeneralSecurityException {
        if (!store.fromConfiguration()) {
            store.write(handle);
        }
        current = load(handle, store.fingerprint());
    }

    /** Reads the keyset file again now if it changed. */
    synchronized void reload() {
        String fingerprint = store.fingerprint();
        if (fingerprint == null || Objects.equals(fingerprint, current.fingerprint())) {
            return;
        }
        try {
            current = load(store.read(), fingerprint);
            log.info("Reloaded the key-encryption keyset: primary key {}, {} key(s)", current.handle().getPrimary().getId(),
                    current.handle().size());
        } catch (GeneralSecurityException | RuntimeException e) {
            // Keep serving with the keyset we have: a half-written or wrong file must not take the node down.
            log.error("The changed key-encryption keyset file cannot be used; still using the one loaded before: {}", e.getMessage());
        }
    }

    /** The key id a ciphertext of this keyset names, or -1 when it names none (a RAW key or damage). */
    static long keyIdOf(byte[] ciphertext) {
        if (ciphertext == null || ciphertext.length < 5 || ciphertext[0] != TINK_PREFIX) {
            return -1;
        }
        return ((ciphertext[1] & 0xffL) << 24) | ((ciphertext[2] & 0xffL) << 16) | ((ciphertext[3] & 0xffL) << 8) | (ciphertext[4] & 0xffL);
    }

    /** Wraps a data key (envelope encryption); the associated data must be given again to unwrap. */
    @Override
    public byte[] wrap(byte[] key, byte[] associatedData) {
        try {
            return aead().encrypt(key, associatedData);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot wrap a data key", e);
        }
    }

    @Override
    public byte[] unwrap(byte[] wrapped, byte[] associatedData) {
        try {
            return aead().decrypt(wrapped, associatedData);
        } catch (GeneralSecurityException e) {
            throw new KeyAuthenticationException("A wrapped data key failed authentication", e);
        }
    }

    private Loaded loaded() {
        if (System.nanoTime() - nextCheck > 0) {
            nextCheck = System.nanoTime() + reloadEveryNanos;
            reload();
        }
        return current;
    }

    private static Loaded load(KeysetHandle handle, String fingerprint) throws GeneralSecurityException {
        return new Loaded(handle, handle.getPrimitive(RegistryConfiguration.get(), Aead.class), fingerprint);
    }
}
