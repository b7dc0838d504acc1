package org.caseshare.backup;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Stream;

import org.caseshare.crypto.BackupEncryption;
import org.caseshare.crypto.BackupEncryption.BackupCipher;
import org.caseshare.storage.BlobNotFoundException;
import org.caseshare.storage.BlobStore;
import org.springframework.stereotype.Component;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code backup --to DIR} and {@code restore --from DIR} (docs/adr/0015-backup-and-restore.md).
 * A backup folder holds {@code keys} (this backup's keys, wrapped by the key-encryption keyset),
 * {@code db/*} and {@code blobs/*} (each encrypted), and {@code manifest.json} with
 * {@code manifest.mac}, written last.
 */
@Component
public class Backups {

    static final String KEYS = "keys";
    static final String MANIFEST = "manifest.json";
    static final String MAC = "manifest.mac";
    static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private final DatabaseCopy database;
    private final BlobStore blobs;
    private final BackupEncryption encryption;
    private final BackupReader reader;
    private final Clock clock;

    Backups(DatabaseCopy database, BlobStore blobs, BackupEncryption encryption, BackupReader reader, Clock clock) {
        this.database = database;
        this.blobs = blobs;
        this.encryption = encryption;
        this.reader = reader;
        this.clock = clock;
    }

    /** Backs up into {@code dir}, which must be missing or empty; the service may keep running. */
    public Manifest backup(Path dir) {
        requireEmptyFolder(dir);
        String backupId = UUID.randomUUID().toString();
        BackupCipher cipher = encryption.newCipher(backupId);
        try {
            Files.createDirectories(dir.resolve("db"));
            Files.createDirectories(dir.resolve("blobs"));
            String createdAt = Instant.now(clock).toString();
            List<String> keys = new ArrayList<>();
            DatabaseCopy.Snapshot snapshot = database.dump(dir, cipher, () -> keys.addAll(blobs.keysOlderThan("", Instant.MAX)));
            List<Manifest.Blob> copied = new ArrayList<>();
            List<String> deleted = new ArrayList<>();
            int n = 0;
            for (String key : keys.stream().sorted().toList()) {
                String file = String.format(Locale.ROOT, "blobs/%06d", ++n);
                Manifest.Blob blob = copyBlob(dir, key, file, cipher);
                if (blob == null) {
                    deleted.add(key);
                } else {
                    copied.add(blob);
                }
            }
            Files.writeString(dir.resolve(KEYS), backupId + "\n" + cipher.sealedKeys() + "\n");
            Manifest manifest = new Manifest(Manifest.FORMAT, backupId, appVersion(), createdAt, snapshot.database(),
                    snapshot.schemaVersion(), snapshot.tables(), copied, deleted, snapshot.audit());
            byte[] bytes = JSON.writeValueAsBytes(manifest);
            Files.writeString(dir.resolve(MAC), cipher.tag(bytes) + "\n");
            Files.write(dir.resolve(MANIFEST), bytes);
            return manifest;
        } catch (IOException e) {
            throw new UncheckedIOException("The backup could not be written to " + dir + ": " + e.getMessage(), e);
        } catch (SQLException e) {
            throw new IllegalStateException("The database could not be read for the backup: " + e.getMessage(), e);
        }
    }

    /** A blob deleted between the listing and the copy (expired, shredded) gives null, not an error. */
    private Manifest.Blob copyBlob(Path dir, String key, String file, BackupCipher cipher) throws IOException {
        Digests.HashingFile hashing = new Digests.HashingFile(dir.resolve(file));
        try (InputStream in = blobs.get(key); OutputStream out = cipher.encrypting(hashing, file)) {
            in.transferTo(out);
        } catch (BlobNotFoundException deletedMeanwhile) {
            hashing.close();
            Files.deleteIfExists(dir.resolve(file));
            return null;
        }
        return new Manifest.Blob(key, file, hashing.size(), hashing.hex());
    }

    /**
     * Restores onto an empty database (migrated to the backup's schema version) and an empty blob
     * store. Everything is checked first (keys, manifest, every file's hash); then the blobs are
     * written and the database loaded in one transaction; on failure the blobs written are removed
     * and the transaction rolled back, so nothing is left half-written.
     */
    public Manifest restore(Path dir) {
        BackupReader.Opened opened = reader.open(dir);
        Manifest manifest = opened.manifest();
        requireEmptyTarget(manifest);
        List<String> written = new ArrayList<>();
        try {
            for (Manifest.Blob blob : manifest.blobs()) {
                try (InputStream file = Files.newInputStream(dir.resolve(blob.file()));
                        InputStream in = opened.cipher().decrypting(file, blob.file())) {
                    written.add(blob.key());
                    blobs.put(blob.key(), in);
                }
            }
            database.load(dir, manifest, opened.cipher());
            return manifest;
        } catch (IOException | SQLException | RuntimeException e) {
            for (String key : written) {
                blobs.delete(key);
            }
            throw new IllegalStateException("The restore failed and was undone: " + e.getMessage(), e);
        }
    }

    private void requireEmptyTarget(Manifest manifest) {
        try {
            DatabaseCopy.Target target = database.inspect();
            if (!target.schemaVersion().equals(manifest.schemaVersion())) {
                throw new IllegalStateException("The backup is of database schema version " + manifest.schemaVersion()
                        + " and this database is at " + target.schemaVersion()
                        + ": restore with the Caseshare version that made the backup (" + manifest.appVersion() + "), then upgrade");
            }
            if (!target.tablesWithRows().isEmpty()) {
                throw new IllegalStateException("The database is not empty (" + String.join(", ", target.tablesWithRows())
                        + " hold rows): restore only onto a new, empty database");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("The database could not be read: " + e.getMessage(), e);
        }
        if (!blobs.keysOlderThan("", Instant.MAX).isEmpty()) {
            throw new IllegalStateException("The blob store is not empty: restore only onto an empty data folder or bucket");
        }
    }

    private static void requireEmptyFolder(Path dir) {
        if (Files.isDirectory(dir)) {
            try (Stream<Path> entries = Files.list(dir)) {
                if (entries.findAny().isPresent()) {
                    throw new IllegalArgumentException("The folder " + dir + " is not empty: give each backup a new folder");
                }
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read the folder " + dir, e);
            }
        } else if (Files.exists(dir)) {
            throw new IllegalArgumentException(dir + " is not a folder");
        }
    }

    static String appVersion() {
        String version = Backups.class.getPackage().getImplementationVersion();
        return version == null ? "development" : version;
    }
}
