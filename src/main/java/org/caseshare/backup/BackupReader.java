package org.caseshare.backup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

import org.caseshare.crypto.BackupEncryption;
import org.caseshare.crypto.BackupEncryption.BackupCipher;
import org.caseshare.crypto.KeyAuthenticationException;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;

/**
 * Opens a backup folder and checks all of it before a restore writes anything: the keys open under
 * this keyset, the manifest's MAC verifies, and every file it lists is there with its size and hash.
 */
@Component
class BackupReader {

    private final BackupEncryption encryption;

    BackupReader(BackupEncryption encryption) {
        this.encryption = encryption;
    }

    record Opened(Manifest manifest, BackupCipher cipher) {
    }

    Opened open(Path dir) {
        try {
            if (!Files.isRegularFile(dir.resolve(Backups.MANIFEST))) {
                throw new IllegalArgumentException("No " + Backups.MANIFEST + " in " + dir
                        + ": not a backup folder, or a backup that did not finish");
            }
            String[] keys = Files.readString(dir.resolve(Backups.KEYS)).strip().split("\n");
            if (keys.length != 2) {
                throw new IllegalArgumentException("The backup's keys file is damaged");
            }
            BackupCipher cipher;
            try {
                cipher = encryption.openCipher(keys[0].strip(), keys[1].strip());
            } catch (KeyAuthenticationException e) {
                throw new IllegalArgumentException("The backup's keys do not open with this key-encryption keyset"
                        + " (another keyset, or altered keys)");
            }
            byte[] bytes = Files.readAllBytes(dir.resolve(Backups.MANIFEST));
            if (!cipher.verify(Files.readString(dir.resolve(Backups.MAC)), bytes)) {
                throw new IllegalArgumentException("The backup's manifest has been altered (its MAC does not verify)");
            }
            Manifest manifest = Backups.JSON.readValue(bytes, Manifest.class);
            if (manifest.formatVersion() != Manifest.FORMAT || !keys[0].strip().equals(manifest.backupId())) {
                throw new IllegalArgumentException("The manifest is of another format or another backup");
            }
            for (Manifest.Table table : manifest.tables()) {
                check(dir, table.file(), table.size(), table.sha256());
            }
            for (Manifest.Blob blob : manifest.blobs()) {
                check(dir, blob.file(), blob.size(), blob.sha256());
            }
            return new Opened(manifest, cipher);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("The backup is incomplete: " + e.getFile() + " is missing");
        } catch (JacksonException e) {
            throw new IllegalArgumentException("The backup's manifest cannot be read");
        } catch (IOException e) {
            throw new IllegalArgumentException("The backup cannot be read: " + e.getMessage());
        }
    }

    private static void check(Path dir, String file, long size, String sha256) throws IOException {
        Path path = dir.resolve(file).normalize();
        if (!path.startsWith(dir.normalize())) {
            throw new IllegalArgumentException("The manifest names a file outside the backup");
        }
        if (Files.size(path) != size || !Digests.hexOf(path).equals(sha256)) {
            throw new IllegalArgumentException("The backup file " + file + " has been altered (its size or hash does not match the manifest)");
        }
    }
}
