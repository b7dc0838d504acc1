package org.caseshare.crypto;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.util.Set;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads and writes the key-encryption keyset: from configuration text or a file, in clear or, with
 * a KMS configured, as a Tink encrypted keyset whose keyset-encryption key stays in the KMS.
 */
final class KeysetStore {

    private static final Logger log = LoggerFactory.getLogger(KeysetStore.class);
    /** Binds an encrypted keyset to its purpose, so another Tink keyset sealed under the same KMS key will not open as this one. */
    private static final byte[] KMS_ASSOCIATED_DATA = "caseshare key-encryption keyset".getBytes(StandardCharsets.US_ASCII);

    private final CryptoProperties properties;
    private final Aead kms;

    KeysetStore(CryptoProperties properties) {
        this.properties = properties;
        this.kms = properties.kms().enabled() ? new VaultTransitAead(properties.kms()) : null;
    }

    /** Whether the keyset comes from configuration text, which this process cannot change. */
    boolean fromConfiguration() {
        return properties.keyset() != null && !properties.keyset().isBlank();
    }

    KeysetHandle read() throws GeneralSecurityException {
        if (fromConfiguration()) {
            if (kms != null && isCleartext(properties.keyset())) {
                throw new GeneralSecurityException("caseshare.crypto.keyset holds a keyset in clear while caseshare.crypto.kms.address"
                        + " is set: put it in the file caseshare.crypto.keyset-file names instead and start once with the KMS settings"
                        + " (the file is then encrypted in place), then store that file's content in caseshare.crypto.keyset");
            }
            return parse(properties.keyset());
        }
        Path file = file();
        try {
            if (Files.exists(file)) {
                String json = Files.readString(file);
                return kms != null && isCleartext(json) ? protect(file, json) : parse(json);
            }
            KeysetHandle handle = KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM);
            write(handle);
            log.warn("Generated a new key-encryption keyset at {}. Keep it OUTSIDE the data directory and back it up:"
                    + " without it nothing Caseshare encrypted can be read. In production supply it through"
                    + " CASESHARE_CRYPTO_KEYSET or a key management service instead.", file.toAbsolutePath());
            return handle;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or write the keyset file " + file, e);
        }
    }

    /**
     * A digest of what the file holds now, or null when the keyset is not a file. Not its mtime: two
     * writes within one tick of the file system's clock share an mtime, and the second would be missed.
     */
    String fingerprint() {
        if (fromConfiguration()) {
            return null;
        }
        try {
            return Files.exists(file()) ? HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file())))
                    : null;
        } catch (IOException | NoSuchAlgorithmException e) {
            return null;
        }
    }

    /** Writes the keyset to its file (never to configuration text: the caller prints it for the operator then). */
    void write(KeysetHandle handle) throws GeneralSecurityException {
        if (fromConfiguration()) {
            throw new IllegalStateException("The keyset comes from caseshare.crypto.keyset; it cannot be written");
        }
        try {
            writeAtomically(file(), serialize(handle));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the keyset file " + file(), e);
        }
    }

    /** The keyset as it is stored: encrypted under the KMS key when there is one, else cleartext JSON. */
    String serialize(KeysetHandle handle) throws GeneralSecurityException {
        return kms == null ? TinkJsonProtoKeysetFormat.serializeKeyset(handle, InsecureSecretKeyAccess.get())
                : TinkJsonProtoKeysetFormat.serializeEncryptedKeyset(handle, kms, KMS_ASSOCIATED_DATA);
    }

    /**
     * A keyset file written before a KMS was configured: encrypted under the KMS key now, in place,
     * after checking that it opens again, so turning the KMS on needs no extra step.
     */
    private KeysetHandle protect(Path file, String cleartext) throws GeneralSecurityException, IOException {
        KeysetHandle handle = TinkJsonProtoKeysetFormat.parseKeyset(cleartext, InsecureSecretKeyAccess.get());
        String encrypted = serialize(handle);
        KeysetHandle reopened = parse(encrypted);
        if (reopened.size() != handle.size() || reopened.getPrimary().getId() != handle.getPrimary().getId()) {
            throw new GeneralSecurityException("the keyset did not open again after encrypting it under the KMS key");
        }
        writeAtomically(file, encrypted);
        log.warn("Encrypted the key-encryption keyset file {} under the KMS key (caseshare.crypto.kms.key-name). Destroy any"
                + " cleartext copy of it, backups included, once you have checked that every node starts.", file.toAbsolutePath());
        return handle;
    }

    private static boolean isCleartext(String json) {
        return !json.contains("\"encryptedKeyset\"") && json.contains("\"primaryKeyId\"");
    }

    private KeysetHandle parse(String json) throws GeneralSecurityException {
        if (kms == null) {
            return TinkJsonProtoKeysetFormat.parseKeyset(json, InsecureSecretKeyAccess.get());
        }
        return TinkJsonProtoKeysetFormat.parseEncryptedKeyset(json, kms, KMS_ASSOCIATED_DATA);
    }

    private Path file() {
        Path file = properties.keysetFile();
        if (file == null) {
            throw new IllegalStateException("Set caseshare.crypto.keyset-file or caseshare.crypto.keyset");
        }
        return file;
    }

    private static void writeAtomically(Path file, String text) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, ".keyset", ".tmp");
        try {
            trySetOwnerOnly(tmp);
            Files.writeString(tmp, text);
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static void trySetOwnerOnly(Path path) throws IOException {
        try {
            Set<PosixFilePermission> ownerOnly = PosixFilePermissions.fromString("rw-------");
            Files.setPosixFilePermissions(path, ownerOnly);
        } catch (UnsupportedOperationException notPosix) {
            // Windows: the folder's ACL is the protection.
        }
    }
}
