package org.caseshare.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;

import org.caseshare.crypto.BackupEncryption.BackupCipher;
import org.junit.jupiter.api.Test;

/** A backup's keys and files open only with the same keyset, the same backup id and the same file name. */
class BackupEncryptionTests {

    final MasterKeyset keyset = FileEncryptionTests.newMasterKeyset();
    final BackupEncryption encryption = new BackupEncryption(keyset);
    final SecureRandom random = new SecureRandom();

    @Test
    void filesRoundTripUnderTheReopenedKeys() throws IOException {
        BackupCipher cipher = encryption.newCipher("backup-1");
        byte[] plain = new byte[200_000];
        random.nextBytes(plain);
        byte[] sealed = encrypt(cipher, "db/001-organisation", plain);

        BackupCipher reopened = encryption.openCipher("backup-1", cipher.sealedKeys());

        assertThat(decrypt(reopened, "db/001-organisation", sealed)).isEqualTo(plain);
        assertThat(indexOf(sealed, "Robin".getBytes(StandardCharsets.UTF_8))).isFalse();
    }

    @Test
    void anAlteredOrMovedFileFailsAuthentication() throws IOException {
        BackupCipher cipher = encryption.newCipher("backup-1");
        byte[] sealed = encrypt(cipher, "blobs/000001", new byte[100_000]);
        byte[] altered = sealed.clone();
        altered[altered.length - 100] ^= 1;

        assertThatThrownBy(() -> decrypt(cipher, "blobs/000001", altered)).isInstanceOf(ContentAuthenticationException.class);
        assertThatThrownBy(() -> decrypt(cipher, "blobs/000002", sealed)).isInstanceOf(ContentAuthenticationException.class);
    }

    @Test
    void theKeysOpenOnlyForTheirBackupAndKeyset() {
        String sealed = encryption.newCipher("backup-1").sealedKeys();

        assertThatThrownBy(() -> encryption.openCipher("backup-2", sealed)).isInstanceOf(KeyAuthenticationException.class);
        assertThatThrownBy(() -> new BackupEncryption(FileEncryptionTests.newMasterKeyset()).openCipher("backup-1", sealed))
                .isInstanceOf(KeyAuthenticationException.class);
        assertThatThrownBy(() -> encryption.openCipher("backup-1", "not.keys")).isInstanceOf(KeyAuthenticationException.class);
    }

    @Test
    void theManifestTagDetectsAnyChange() {
        BackupCipher cipher = encryption.newCipher("backup-1");
        byte[] manifest = "{\"rows\" : 12}".getBytes(StandardCharsets.UTF_8);
        String tag = cipher.tag(manifest);

        assertThat(encryption.openCipher("backup-1", cipher.sealedKeys()).verify(tag, manifest)).isTrue();
        assertThat(cipher.verify(tag, "{\"rows\" : 13}".getBytes(StandardCharsets.UTF_8))).isFalse();
        assertThat(encryption.newCipher("backup-1").verify(tag, manifest)).as("another backup's key").isFalse();
        assertThat(cipher.verify("not base64!", manifest)).isFalse();
    }

    static byte[] encrypt(BackupCipher cipher, String name, byte[] plain) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (OutputStream encrypting = cipher.encrypting(out, name)) {
            encrypting.write(plain);
        }
        return out.toByteArray();
    }

    static byte[] decrypt(BackupCipher cipher, String name, byte[] sealed) throws IOException {
        try (InputStream in = cipher.decrypting(new ByteArrayInputStream(sealed), name)) {
            return in.readAllBytes();
        }
    }

    static boolean indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
