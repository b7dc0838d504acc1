package org.caseshare.backup;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import org.caseshare.support.JarHome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Backup and restore as an operator runs them: {@code java -jar target/caseshare.jar backup|restore}
 * with 256 MB of heap, an H2 data folder, and the keyset file copied (not the backup) to the new host.
 */
class BackupJarIntegrationTests {

    @TempDir
    Path temp;

    @Test
    void theJarBacksUpOneHostAndRestoresItOntoAnother() throws Exception {
        assertThat(JarHome.JAR).as("the build packages target/caseshare.jar before the integration tests").exists();
        JarHome old = new JarHome(Files.createDirectories(temp.resolve("old")));
        old.cli("admin", "org", "create", "--name", "Jarrow Council");
        old.cli("admin", "user", "create", "--org", "Jarrow Council", "--email", "dpo@jarrow.example.org", "--role", "dpo");
        old.cli("audit", "checkpoint");
        Path backup = temp.resolve("backups/1");

        String backedUp = old.cli("backup", "--to", backup.toString());

        assertThat(backedUp).contains("Backed up ").contains("Audit trail: ");
        assertThat(backup.resolve("manifest.json")).exists();
        assertThat(backup.resolve("keys")).exists();
        assertThat(Files.list(backup).map(p -> p.getFileName().toString())).doesNotContain("keyset.json");

        JarHome fresh = new JarHome(Files.createDirectories(temp.resolve("new")));
        JarHome.Outcome withoutKeyset = fresh.attempt("restore", "--from", backup.toString());
        assertThat(withoutKeyset.exitCode()).as("a new keyset cannot open the backup").isEqualTo(1);
        assertThat(withoutKeyset.output()).contains("do not open with this key-encryption keyset");

        Files.copy(old.path().resolve("keys/keyset.json"), fresh.path().resolve("keys/keyset.json"),
                StandardCopyOption.REPLACE_EXISTING);
        assertThat(fresh.cli("restore", "--from", backup.toString())).contains("Restored backup ");

        assertThat(fresh.cli("audit", "verify")).contains("OK: the audit trail matches every checkpoint.");
        JarHome.Outcome again = fresh.attempt("admin", "org", "create", "--name", "Jarrow Council");
        assertThat(again.exitCode()).isEqualTo(1);
        assertThat(again.output()).contains("already exists");
    }
}
