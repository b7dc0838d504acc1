package org.caseshare.crypto;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.util.Set;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The key-encryption keyset (an AES-256-GCM Tink keyset). Everything Caseshare keeps secret at rest
 * is sealed, directly or through a per-item data key, under this keyset. It comes from configuration
 * text (environment or secret manager) or a file outside the data directory; a missing file is
 * generated on first run, with a warning that production should hold the key elsewhere.
 */
@Component
public class MasterKeyset implements KeyWrapping {

    private static final Logger log = LoggerFactory.getLogger(MasterKeyset.class);

    private final Aead aead;

    public MasterKeyset(CryptoProperties properties) {
        try {
            AeadConfig.register();
            KeysetHandle handle = load(properties);
            this.aead = handle.getPrimitive(RegistryConfiguration.get(), Aead.class);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The key-encryption keyset cannot be used: " + e.getMessage(), e);
        }
    }

    Aead aead() {
        return aead;
    }

    /** Wraps a data key (envelope encryption); the associated data must be given again to unwrap. */
    @Override
    public byte[] wrap(byte[] key, byte[] associatedData) {
        try {
            return aead.encrypt(key, associatedData);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot wrap a data key", e);
        }
    }

    @Override
    public byte[] unwrap(byte[] wrapped, byte[] associatedData) {
        try {
            return aead.decrypt(wrapped, associatedData);
        } catch (GeneralSecurityException e) {
            throw new KeyAuthenticationException("A wrapped data key failed authentication", e);
        }
    }

    private static KeysetHandle load(CryptoProperties properties) throws GeneralSecurityException {
        if (properties.keyset() != null && !properties.keyset().isBlank()) {
            return TinkJsonProtoKeysetFormat.parseKeyset(properties.keyset(), InsecureSecretKeyAccess.get());
        }
        Path file = properties.keysetFile();
        if (file == null) {
            throw new IllegalStateException("Set caseshare.crypto.keyset-file or caseshare.crypto.keyset");
        }
        try {
            if (Files.exists(file)) {
                return TinkJsonProtoKeysetFormat.parseKeyset(Files.readString(file), InsecureSecretKeyAccess.get());
            }
            KeysetHandle handle = KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM);
            writeAtomically(file, TinkJsonProtoKeysetFormat.serializeKeyset(handle, InsecureSecretKeyAccess.get()));
            log.warn("Generated a new key-encryption keyset at {}. Keep it OUTSIDE the data directory and back it up:"
                    + " without it nothing Caseshare encrypted can be read. In production supply it through"
                    + " CASESHARE_CRYPTO_KEYSET or a key management service instead.", file.toAbsolutePath());
            return handle;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or write the keyset file " + file, e);
        }
    }

    private static void writeAtomically(Path file, String text) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, ".keyset", ".tmp");
        try {
            trySetOwnerOnly(tmp);
            Files.writeString(tmp, text);
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static void trySetOwnerOnly(Path path) throws IOException {
        try {
            Files.setPosixFilePermissions(path, Set.of(PosixFilePermissions.fromString("rw-------").toArray(new java.nio.file.attribute.PosixFilePermission[0])));
        } catch (UnsupportedOperationException notPosix) {
            // Windows: the folder's ACL is the protection.
        }
    }
}
