package org.caseshare.backup;

import java.util.List;

/**
 * What a backup holds, written last into its folder (its presence marks a complete backup) and
 * authenticated by {@code manifest.mac}. It carries identifiers, counts and hashes only: no
 * personal data, so an operator may read it.
 *
 * @param formatVersion            {@link #FORMAT} when written by this version
 * @param backupId                 binds the files and keys to this backup
 * @param appVersion               Caseshare's version that wrote it
 * @param createdAt                when the snapshot was taken (UTC, ISO-8601)
 * @param database                 the database product it came from (H2, PostgreSQL)
 * @param schemaVersion            the newest Flyway migration applied; a restore needs the same
 * @param tables                   every table copied, in an order that satisfies foreign keys
 * @param blobs                    every blob copied
 * @param blobsDeletedDuringBackup blobs listed at the snapshot but deleted (expired, shredded) before copied
 * @param audit                    the audit trail at the snapshot
 */
public record Manifest(int formatVersion, String backupId, String appVersion, String createdAt, String database,
                       String schemaVersion, List<Table> tables, List<Blob> blobs, List<String> blobsDeletedDuringBackup,
                       Audit audit) {

    public static final int FORMAT = 1;

    /** One table: its rows and the encrypted file holding them. */
    public record Table(String name, long rows, String file, long size, String sha256) {
    }

    /** One blob: its key in the store and the encrypted file holding it. */
    public record Blob(String key, String file, long size, String sha256) {
    }

    /**
     * @param entries            sequenced entries (the tree size the restored trail must verify at)
     * @param checkpointTreeSize the latest signed checkpoint's tree size, or null when none
     * @param checkpointRoot     its root hash (base64), or null
     */
    public record Audit(long entries, Long checkpointTreeSize, String checkpointRoot) {
    }

    public long rowsOf(String table) {
        return tables.stream().filter(t -> t.name().equals(table)).mapToLong(Table::rows).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No table " + table + " in the manifest"));
    }
}
