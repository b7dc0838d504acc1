package org.caseshare.backup;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import org.caseshare.CaseshareApplication;
import org.caseshare.cli.CaseshareCommandLine;
import org.caseshare.crypto.BackupEncryption;
import org.caseshare.directory.Directory;
import org.caseshare.directory.DirectoryEntry;
import org.caseshare.identity.Account;
import org.caseshare.storage.BlobStore;
import org.caseshare.support.EmbeddedPostgresInitializer;
import org.caseshare.support.Fixtures;
import org.caseshare.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * The restore drill: fill a running service, back it up while it runs, restore onto an empty data
 * folder and a new database, start Caseshare on them, and check that the counts match the manifest,
 * every file downloads byte-identical and the audit trail verifies. Then the refusals: altered
 * backups and non-empty targets.
 */
abstract class RestoreDrillTests extends IntegrationTest {

    private static final Set<String> AUDIT_TABLES = Set.of("audit_entry", "audit_pending");

    @LocalServerPort
    int port;
    @Autowired
    Fixtures fixtures;
    @Autowired
    Directory directory;
    @Autowired
    ConfigurableApplicationContext context;
    @Autowired
    Environment environment;
    @Autowired
    DataSource dataSource;
    @Autowired
    BlobStore blobs;
    @TempDir
    Path temp;

    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    final ObjectMapper json = JsonMapper.builder().build();
    final SecureRandom random = new SecureRandom();

    Account practitioner;
    Account partner;
    String practitionerToken;
    String partnerToken;
    DirectoryEntry schoolEntry;

    record Run(int status, String out, String err) {
    }

    @BeforeEach
    void people() {
        Fixtures.HubParties parties = fixtures.hubParties();
        practitioner = parties.practitioner();
        partner = parties.partner();
        practitionerToken = parties.practitionerToken();
        partnerToken = parties.partnerToken();
        schoolEntry = parties.schoolEntry();
    }

    @Test
    void aBackupTakenWhileRunningRestoresOntoAnEmptyHostWithEveryFileAndAVerifiedTrail() throws Exception {
        String packageId = sentPackage();
        Map<String, String> files = new LinkedHashMap<>();
        for (int size : new int[] {3 * 1024 * 1024 + 17, 1, 70_000}) {
            byte[] content = bytes(size);
            files.put(upload(packageId, "file-" + size + ".pdf", content), sha256(content));
        }
        assertThat(send("POST", "/api/v1/packages/" + packageId + "/send", practitionerToken, "{}").statusCode()).isEqualTo(200);
        assertThat(cli(context, "audit", "checkpoint").status()).isZero();

        Path backup = temp.resolve("backup");
        // The service keeps working while the backup runs: organisations are created, each one audited.
        AtomicBoolean backingUp = new AtomicBoolean(true);
        AtomicInteger createdMeanwhile = new AtomicInteger();
        Thread writer = new Thread(() -> {
            while (backingUp.get()) {
                fixtures.organisation("During backup");
                createdMeanwhile.incrementAndGet();
            }
        });
        writer.start();
        Run backedUp;
        try {
            backedUp = cli(context, "backup", "--to", backup.toString());
        } finally {
            backingUp.set(false);
            writer.join();
        }
        assertThat(backedUp.status()).as(backedUp.err()).isZero();
        assertThat(createdMeanwhile.get()).as("writes went on during the backup").isPositive();
        assertThat(backedUp.out()).contains("Backed up ").contains(" blobs to ");
        Manifest manifest = Backups.JSON.readValue(Files.readAllBytes(backup.resolve("manifest.json")), Manifest.class);
        assertThat(manifest.rowsOf("hub_file")).isGreaterThanOrEqualTo(3);
        assertThat(manifest.audit().checkpointTreeSize()).isNotNull();
        // Nothing personal is in the clear: a share's recorded subject name is not in any file.
        assertThat(containsAnywhere(backup, "Robin Pupil")).isFalse();

        Target target = emptyTarget();
        try (ConfigurableApplicationContext restoring = start(target, true)) {
            Run restored = cli(restoring, "restore", "--from", backup.toString());
            assertThat(restored.status()).as(restored.out() + restored.err()).isZero();
            JdbcClient jdbc = restoring.getBean(JdbcClient.class);
            for (Manifest.Table table : manifest.tables()) {
                if (AUDIT_TABLES.contains(table.name())) {
                    continue;
                }
                assertThat(jdbc.sql("select count(*) from " + table.name()).query(Long.class).single())
                        .as(table.name()).isEqualTo(table.rows());
            }
            // Entries written during the backup may still await their sequence number in audit_pending;
            // the restored node's sequencer moves them into audit_entry, so the two count together.
            assertThat(jdbc.sql("select (select count(*) from audit_entry) + (select count(*) from audit_pending)").query(Long.class).single())
                    .as("audit entries, sequenced or pending").isEqualTo(manifest.tables().stream()
                            .filter(table -> AUDIT_TABLES.contains(table.name())).mapToLong(Manifest.Table::rows).sum());
            Run verify = cli(restoring, "audit", "verify");
            assertThat(verify.status()).as(verify.out() + verify.err()).isZero();
            assertThat(verify.out()).contains("OK: the audit trail matches every checkpoint.");
        }
        try (ConfigurableApplicationContext service = start(target, false)) {
            int restoredPort = Integer.parseInt(service.getEnvironment().getProperty("local.server.port"));
            assertThat(send(restoredPort, "POST", "/api/v1/packages/" + packageId + "/acknowledge", partnerToken, "").statusCode())
                    .isEqualTo(204);
            for (Map.Entry<String, String> file : files.entrySet()) {
                HttpResponse<byte[]> download = http.send(request(restoredPort, "/api/v1/packages/" + packageId + "/files/" + file.getKey(),
                        partnerToken).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
                assertThat(download.statusCode()).isEqualTo(200);
                assertThat(sha256(download.body())).as("file " + file.getKey()).isEqualTo(file.getValue());
            }
            Run verify = cli(service, "audit", "verify");
            assertThat(verify.status()).as(verify.out() + verify.err()).isZero();
        }
    }

    @Test
    void anAlteredBackupFileIsRefusedBeforeAnythingIsWritten() throws Exception {
        sentPackage();
        Path backup = temp.resolve("backup");
        assertThat(cli(context, "backup", "--to", backup.toString()).status()).isZero();
        Path dump = Files.list(backup.resolve("db")).sorted().findFirst().orElseThrow();
        byte[] bytes = Files.readAllBytes(dump);
        bytes[bytes.length / 2] ^= 1;
        Files.write(dump, bytes);

        Target target = emptyTarget();
        try (ConfigurableApplicationContext restoring = start(target, true)) {
            Run restored = cli(restoring, "restore", "--from", backup.toString());
            assertThat(restored.status()).isEqualTo(1);
            assertThat(restored.err()).contains("Error: The backup file db/").contains("has been altered");
            assertNothingRestored(restoring);
        }
    }

    @Test
    void aRestoreThatFailsPartWayLeavesNothingBehind() throws Exception {
        sentPackage();
        Path backup = temp.resolve("backup");
        assertThat(cli(context, "backup", "--to", backup.toString()).status()).isZero();
        // An attacker holding the keyset re-signs the manifest over a damaged file, so every check
        // before writing passes and the damage shows only while the last table loads.
        Manifest manifest = Backups.JSON.readValue(Files.readAllBytes(backup.resolve("manifest.json")), Manifest.class);
        String[] keys = Files.readString(backup.resolve("keys")).strip().split("\n");
        BackupEncryption.BackupCipher cipher = context.getBean(BackupEncryption.class).openCipher(keys[0], keys[1]);
        Manifest.Table last = manifest.tables().stream().filter(t -> t.rows() > 0).reduce((a, b) -> b).orElseThrow();
        Path file = backup.resolve(last.file());
        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length - 20] ^= 1;
        Files.write(file, bytes);
        String damagedHash = sha256(bytes);
        List<Manifest.Table> tables = manifest.tables().stream()
                .map(t -> t == last ? new Manifest.Table(t.name(), t.rows(), t.file(), bytes.length, damagedHash) : t).toList();
        byte[] resigned = Backups.JSON.writeValueAsBytes(new Manifest(manifest.formatVersion(), manifest.backupId(), manifest.appVersion(),
                manifest.createdAt(), manifest.database(), manifest.schemaVersion(), tables, manifest.blobs(),
                manifest.blobsDeletedDuringBackup(), manifest.audit()));
        Files.write(backup.resolve("manifest.json"), resigned);
        Files.writeString(backup.resolve("manifest.mac"), cipher.tag(resigned));
        assertThat(manifest.blobs()).as("blobs are written before the tables").isNotEmpty();

        Target target = emptyTarget();
        try (ConfigurableApplicationContext restoring = start(target, true)) {
            Run restored = cli(restoring, "restore", "--from", backup.toString());
            assertThat(restored.status()).isEqualTo(1);
            assertThat(restored.err()).contains("Error: The restore failed and was undone");
            assertNothingRestored(restoring);
        }
    }

    @Test
    void anAlteredManifestIsRefused() throws Exception {
        sentPackage();
        Path backup = temp.resolve("backup");
        assertThat(cli(context, "backup", "--to", backup.toString()).status()).isZero();
        Path manifest = backup.resolve("manifest.json");
        Files.writeString(manifest, Files.readString(manifest).replaceFirst("\"rows\" : (\\d+)", "\"rows\" : 9$1"));

        Target target = emptyTarget();
        try (ConfigurableApplicationContext restoring = start(target, true)) {
            Run restored = cli(restoring, "restore", "--from", backup.toString());
            assertThat(restored.status()).isEqualTo(1);
            assertThat(restored.err()).contains("Error: The backup's manifest has been altered");
            assertNothingRestored(restoring);
        }
    }

    @Test
    void aRestoreOntoANonEmptyDatabaseOrABackupIntoAUsedFolderIsRefused() throws Exception {
        Path backup = temp.resolve("backup");
        assertThat(cli(context, "backup", "--to", backup.toString()).status()).isZero();

        Run restored = cli(context, "restore", "--from", backup.toString());
        assertThat(restored.status()).isEqualTo(1);
        assertThat(restored.err()).contains("The database is not empty").contains("restore only onto a new, empty database");

        Run again = cli(context, "backup", "--to", backup.toString());
        assertThat(again.status()).isEqualTo(1);
        assertThat(again.err()).contains("is not empty: give each backup a new folder");
    }

    private void assertNothingRestored(ConfigurableApplicationContext restoring) {
        JdbcClient jdbc = restoring.getBean(JdbcClient.class);
        for (String table : List.of("organisation", "account", "audit_entry", "hub_file")) {
            assertThat(jdbc.sql("select count(*) from " + table).query(Long.class).single()).as(table).isZero();
        }
        assertThat(restoring.getBean(BlobStore.class).keysOlderThan("", java.time.Instant.MAX)).isEmpty();
    }

    /** An empty data folder and a new, empty database of the same kind as the test's. */
    record Target(Path dataDir, String url, String user, String password) {
    }

    Target emptyTarget() throws Exception {
        Path dataDir = Files.createDirectories(temp.resolve("restored-" + UUID.randomUUID()));
        if (!isPostgres()) {
            return new Target(dataDir, "jdbc:h2:file:" + dataDir.toAbsolutePath() + "/db/caseshare;WRITE_DELAY=0", "sa", "");
        }
        EmbeddedPostgresInitializer.Server server = EmbeddedPostgresInitializer.server();
        String database = "caseshare_restored_" + UUID.randomUUID().toString().replace("-", "");
        try (Connection connection = DriverManager.getConnection(server.url(), server.user(), server.password());
                Statement statement = connection.createStatement()) {
            statement.execute("create database " + database);
        }
        return new Target(dataDir, server.url().replaceFirst("/[^/?]*(\\?.*)?$", "/" + database), server.user(), server.password());
    }

    /** Caseshare on the target: as the command line runs it, or as the service (web server on a free port). */
    ConfigurableApplicationContext start(Target target, boolean commandLine) {
        // Given as arguments: they must win over application-test.yml, which default properties would not.
        return new SpringApplicationBuilder(CaseshareApplication.class)
                .web(commandLine ? WebApplicationType.NONE : WebApplicationType.SERVLET)
                .profiles("test")
                .run("--caseshare.cli=" + commandLine, "--server.port=0", "--spring.main.banner-mode=off",
                        "--caseshare.data-dir=" + target.dataDir().toAbsolutePath(),
                        "--caseshare.audit.checkpoint-dir=" + target.dataDir().resolve("audit-checkpoints").toAbsolutePath(),
                        "--caseshare.crypto.keyset-file=" + Path.of(environment.getProperty("caseshare.crypto.keyset-file")).toAbsolutePath(),
                        "--spring.datasource.url=" + target.url(), "--spring.datasource.username=" + target.user(),
                        "--spring.datasource.password=" + target.password(), "--spring.session.jdbc.cleanup-cron=-");
    }

    boolean isPostgres() throws Exception {
        try (Connection connection = dataSource.getConnection()) {
            return connection.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres");
        }
    }

    static Run cli(ConfigurableApplicationContext context, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = CaseshareCommandLine.execute(context, new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Run(status, out.toString(), err.toString());
    }

    String sentPackage() throws Exception {
        HttpResponse<String> created = send("POST", "/api/v1/packages", practitionerToken, """
                {"sharingRecordId":"%s","recipients":["%s"],
                 "furtherHandling":"Delete after the review meeting","expiresInDays":7,"downloadLimit":3}"""
                .formatted(fixtures.hubShare(practitioner, schoolEntry, partner.email()), partner.email()));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return json.readTree(created.body()).get("id").asString();
    }

    String upload(String packageId, String name, byte[] content) throws Exception {
        HttpResponse<String> uploaded = http.send(request(port, "/api/v1/packages/" + packageId + "/files?name="
                + URLEncoder.encode(name, StandardCharsets.UTF_8), practitionerToken)
                .PUT(HttpRequest.BodyPublishers.ofByteArray(content)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(201);
        return json.readTree(uploaded.body()).get("id").asString();
    }

    HttpRequest.Builder request(int port, String path, String token) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + token);
    }

    HttpResponse<String> send(String method, String path, String token, String body) throws Exception {
        return send(port, method, path, token, body);
    }

    HttpResponse<String> send(int port, String method, String path, String token, String body) throws Exception {
        HttpRequest.Builder r = request(port, path, token).header("Content-Type", "application/json");
        r.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return http.send(r.build(), HttpResponse.BodyHandlers.ofString());
    }

    byte[] bytes(int n) {
        byte[] b = new byte[n];
        random.nextBytes(b);
        return b;
    }

    static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    static boolean containsAnywhere(Path dir, String text) throws Exception {
        byte[] needle = text.getBytes(StandardCharsets.UTF_8);
        List<Path> paths = new ArrayList<>();
        try (var walk = Files.walk(dir)) {
            walk.filter(Files::isRegularFile).forEach(paths::add);
        }
        for (Path path : paths) {
            if (indexOf(Files.readAllBytes(path), needle) >= 0) {
                return true;
            }
        }
        return false;
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
