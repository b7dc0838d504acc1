package org.caseshare.crypto;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Base64;

import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.Mac;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.StreamingAead;
import com.google.crypto.tink.TinkProtoKeysetFormat;
import com.google.crypto.tink.mac.MacConfig;
import com.google.crypto.tink.mac.PredefinedMacParameters;
import org.springframework.stereotype.Component;

/**
 * Keys for one backup (docs/adr/0015-backup-and-restore.md): a fresh streaming-AEAD keyset that
 * encrypts every file of the backup, and a fresh MAC keyset that authenticates its manifest, both
 * wrapped by the key-encryption keyset ({@link KeyWrapping}) with the backup's id as associated
 * data. So a backup opens only with the keyset that also opens the live data, and a file cannot be
 * moved between backups or renamed within one without failing authentication.
 */
@Component
public class BackupEncryption {

    private static final String AD_PREFIX = "caseshare-backup:1:";

    private final KeyWrapping wrapping;

    public BackupEncryption(KeyWrapping wrapping) {
        this.wrapping = wrapping;
        try {
            MacConfig.register();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot register Tink's MAC", e);
        }
    }

    /** Fresh keys for a new backup. */
    public BackupCipher newCipher(String backupId) {
        try {
            KeysetHandle stream = KeysetHandle.generateNew(FileEncryption.DATA_KEY_PARAMETERS);
            KeysetHandle mac = KeysetHandle.generateNew(PredefinedMacParameters.HMAC_SHA256_256BITTAG);
            String sealed = wrap(stream, backupId, "stream") + "." + wrap(mac, backupId, "mac");
            return new BackupCipher(stream.getPrimitive(RegistryConfiguration.get(), StreamingAead.class),
                    mac.getPrimitive(RegistryConfiguration.get(), Mac.class), sealed);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot create the backup's keys", e);
        }
    }

    /**
     * The keys of an existing backup.
     *
     * @throws KeyAuthenticationException when they were altered, belong to another backup, or were
     *                                    wrapped by another key-encryption keyset
     */
    public BackupCipher openCipher(String backupId, String sealedKeys) {
        String[] parts = sealedKeys == null ? new String[0] : sealedKeys.strip().split("\\.");
        if (parts.length != 2) {
            throw new KeyAuthenticationException("The backup's keys are not in the expected form");
        }
        try {
            KeysetHandle stream = unwrap(parts[0], backupId, "stream");
            KeysetHandle mac = unwrap(parts[1], backupId, "mac");
            return new BackupCipher(stream.getPrimitive(RegistryConfiguration.get(), StreamingAead.class),
                    mac.getPrimitive(RegistryConfiguration.get(), Mac.class), sealedKeys.strip());
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new KeyAuthenticationException("The backup's keys cannot be opened", e);
        }
    }

    private String wrap(KeysetHandle handle, String backupId, String purpose) throws GeneralSecurityException {
        byte[] plain = TinkProtoKeysetFormat.serializeKeyset(handle, InsecureSecretKeyAccess.get());
        try {
            return Base64.getEncoder().encodeToString(wrapping.wrap(plain, ad(backupId, purpose)));
        } finally {
            Arrays.fill(plain, (byte) 0);
        }
    }

    private KeysetHandle unwrap(String wrapped, String backupId, String purpose) throws GeneralSecurityException {
        byte[] plain = wrapping.unwrap(Base64.getDecoder().decode(wrapped), ad(backupId, purpose));
        try {
            return TinkProtoKeysetFormat.parseKeyset(plain, InsecureSecretKeyAccess.get());
        } finally {
            Arrays.fill(plain, (byte) 0);
        }
    }

    private static byte[] ad(String backupId, String purpose) {
        return (AD_PREFIX + purpose + ":" + backupId).getBytes(StandardCharsets.UTF_8);
    }

    /** One backup's keys, ready to use. */
    public static final class BackupCipher {
        private final StreamingAead aead;
        private final Mac mac;
        private final String sealedKeys;

        private BackupCipher(StreamingAead aead, Mac mac, String sealedKeys) {
            this.aead = aead;
            this.mac = mac;
            this.sealedKeys = sealedKeys;
        }

        /** The keys, wrapped, to be stored beside the backup (useless without the key-encryption keyset). */
        public String sealedKeys() {
            return sealedKeys;
        }

        /** Encrypts what is written into {@code out}; {@code name} (the file's place in the backup) must be given again to decrypt. */
        public OutputStream encrypting(OutputStream out, String name) throws IOException {
            try {
                return aead.newEncryptingStream(out, name.getBytes(StandardCharsets.UTF_8));
            } catch (GeneralSecurityException e) {
                throw new IOException("Cannot start encrypting", e);
            }
        }

        /** Decrypts; altered, truncated or moved bytes raise a {@link ContentAuthenticationException}. */
        public InputStream decrypting(InputStream in, String name) throws IOException {
            try {
                return new AuthenticatingInput(aead.newDecryptingStream(in, name.getBytes(StandardCharsets.UTF_8)));
            } catch (GeneralSecurityException e) {
                throw new ContentAuthenticationException("Cannot start decrypting", e);
            }
        }

        /** A tag over the manifest's exact bytes, base64. */
        public String tag(byte[] data) {
            try {
                return Base64.getEncoder().encodeToString(mac.computeMac(data));
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("Cannot compute a MAC", e);
            }
        }

        public boolean verify(String tag, byte[] data) {
            try {
                mac.verifyMac(Base64.getDecoder().decode(tag.strip()), data);
                return true;
            } catch (GeneralSecurityException | IllegalArgumentException e) {
                return false;
            }
        }
    }

    /** Tink reports a failed segment as a plain IOException; callers need to tell damage from an outage. */
    private static final class AuthenticatingInput extends FilterInputStream {
        AuthenticatingInput(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            try {
                return super.read();
            } catch (ContentAuthenticationException e) {
                throw e;
            } catch (IOException e) {
                throw new ContentAuthenticationException("A backup file failed authentication", e);
            }
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            try {
                return super.read(b, off, len);
            } catch (ContentAuthenticationException e) {
                throw e;
            } catch (IOException e) {
                throw new ContentAuthenticationException("A backup file failed authentication", e);
            }
        }
    }
}
