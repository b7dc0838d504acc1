package org.caseshare.cli;

import java.nio.file.Path;

import org.caseshare.backup.Backups;
import org.caseshare.backup.Manifest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code backup --to DIR} and {@code restore --from DIR} (docs/adr/0015-backup-and-restore.md). */
final class BackupCommands {

    private BackupCommands() {
    }

    @Command(name = "backup", mixinStandardHelpOptions = true,
            description = "Write a consistent, encrypted backup of the database and the blob store while the service runs."
                    + " It opens only with the key-encryption keyset: keep that apart from the backups.")
    static class Backup extends AdminCommands.Step {
        private final Backups backups;
        @Option(names = "--to", required = true, description = "A new or empty folder for this backup.")
        Path to;

        Backup(Backups backups) {
            this.backups = backups;
        }

        @Override
        void run() {
            Manifest manifest = backups.backup(to);
            out("Backed up " + manifest.tables().size() + " tables (" + manifest.tables().stream().mapToLong(Manifest.Table::rows).sum()
                    + " rows) and " + manifest.blobs().size() + " blobs to " + to.toAbsolutePath());
            if (!manifest.blobsDeletedDuringBackup().isEmpty()) {
                out(manifest.blobsDeletedDuringBackup().size() + " blob(s) were deleted (expired or shredded) while the backup ran;"
                        + " the manifest lists them");
            }
            out("Audit trail: " + manifest.audit().entries() + " entries. Backup " + manifest.backupId());
        }
    }

    @Command(name = "restore", mixinStandardHelpOptions = true,
            description = "Restore a backup onto a new, empty database and an empty data folder or bucket."
                    + " Every file is checked before anything is written; a failure leaves nothing behind.")
    static class Restore extends AdminCommands.Step {
        private final Backups backups;
        @Option(names = "--from", required = true, description = "The backup's folder.")
        Path from;

        Restore(Backups backups) {
            this.backups = backups;
        }

        @Override
        void run() {
            Manifest manifest = backups.restore(from);
            out("Restored backup " + manifest.backupId() + " of " + manifest.createdAt() + ": "
                    + manifest.tables().stream().mapToLong(Manifest.Table::rows).sum() + " rows, " + manifest.blobs().size() + " blobs");
            out("Next: start Caseshare, then run 'audit verify'.");
        }
    }
}
