package org.caseshare.cli;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.caseshare.audit.AuditCheckpoints;
import org.caseshare.audit.AuditEntry;
import org.caseshare.audit.AuditEvent;
import org.caseshare.audit.AuditKeyRotation;
import org.caseshare.audit.AuditKeys;
import org.caseshare.audit.AuditTrail;
import org.caseshare.crypto.AuditVerifyingKey;
import org.caseshare.crypto.KeyRotation;
import org.caseshare.crypto.KeysetHealthIndicator;
import org.caseshare.crypto.SecretBox;
import org.caseshare.directory.Directory;
import org.caseshare.directory.DirectoryEntry;
import org.caseshare.directory.Organisation;
import org.caseshare.directory.OrganisationKind;
import org.caseshare.exchange.Download;
import org.caseshare.exchange.NewPackage;
import org.caseshare.exchange.PackageDownloads;
import org.caseshare.exchange.PackageUploads;
import org.caseshare.exchange.Packages;
import org.caseshare.identity.Account;
import org.caseshare.identity.Role;
import org.caseshare.mail.MailQueued;
import org.caseshare.support.Fixtures;
import org.caseshare.support.IntegrationTest;
import org.caseshare.system.Actor;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Status;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code keys rotate} on a service with files, sealed secrets and a signed audit trail: afterwards no
 * sealed value names the old key, the old key is disabled, every file downloads byte-identical, and
 * {@code audit verify} passes across the audit signing key's rotation. A context of its own, with
 * its own keyset file, so that no other test's data sees the keyset change.
 */
@TestPropertySource(properties = "caseshare.crypto.keyset-file=target/test-data/keys/rotation-${random.uuid}.json")
abstract class KeyRotationTests extends IntegrationTest {

    @Autowired
    private KeysetHealthIndicator keysetHealth;
    @Autowired
    ConfigurableApplicationContext context;
    @Autowired
    KeyRotation rotation;
    @Autowired
    AuditKeys auditKeys;
    @Autowired
    AuditTrail audit;
    @Autowired
    AuditCheckpoints checkpoints;
    @Autowired
    SecretBox secrets;
    @Autowired
    Fixtures fixtures;
    @Autowired
    Directory directory;
    @Autowired
    Packages packages;
    @Autowired
    PackageUploads uploads;
    @Autowired
    PackageDownloads downloads;
    @Autowired
    JdbcClient jdbc;

    record Run(int status, String out, String err) {
    }

    record Shared(Actor partner, UUID packageId, UUID fileId, byte[] content, String password) {
    }

    @Test
    void rotationResealsEverythingRetiresTheOldKeyAndKeepsFilesAndTheTrailIntact() throws Exception {
        Shared plain = share(false);
        Shared locked = share(true);
        Account someone = fixtures.person(fixtures.organisation("Totp"), Role.PRACTITIONER);
        jdbc.sql("update account set totp_secret = ? where id = ?").params(secrets.seal("JBSWY3DPEHPK3PXP", "totp:" + someone.id()), someone.id())
                .update();
        record(3);
        assertThat(keysetHealth.health().getStatus()).isEqualTo(Status.UP); // seals the readiness canary
        Instant canaryBefore = keysetHealth.sealedAt().orElseThrow();
        long before = checkpoints.checkpointNow().orElseThrow().treeSize();
        long oldKey = rotation.primaryKeyId();
        AuditVerifyingKey oldAuditKey = auditKeys.verifyingKey();
        assertThat(rotation.status().usesOf(oldKey)).isGreaterThanOrEqualTo(4);

        Run rotate = run("keys", "rotate", "--wait", "PT0S", "--batch-size", "2");

        assertThat(rotate.status()).as(rotate.out() + rotate.err()).isZero();
        assertThat(rotate.out()).contains("is now primary").contains("hub file data keys: ").contains("Disabled key " + hex(oldKey))
                .contains("Done: key ");
        long newKey = rotation.primaryKeyId();
        assertThat(newKey).isNotEqualTo(oldKey);
        KeyRotation.Status status = rotation.status();
        assertThat(status.usesOf(oldKey)).isZero();
        for (Map.Entry<String, Map<Long, Long>> kind : status.uses().entrySet()) {
            assertThat(kind.getValue().keySet()).as(kind.getKey()).allMatch(id -> id == newKey);
        }
        assertThat(status.keys()).contains(new KeyRotation.Key(oldKey, false, false), new KeyRotation.Key(newKey, true, true));
        assertThat(status.uses()).containsKey("readiness canary");
        assertThat(keysetHealth.health().getStatus()).as("still ready with the old key disabled").isEqualTo(Status.UP);
        assertThat(keysetHealth.sealedAt().orElseThrow()).as("the keyset's age counts from the promotion").isAfter(canaryBefore);
        assertThat(downloaded(plain)).isEqualTo(plain.content());
        assertThat(downloaded(locked)).isEqualTo(locked.content());
        assertThat(secrets.open(jdbc.sql("select totp_secret from account where id = ?").param(someone.id()).query(String.class).single(),
                "totp:" + someone.id())).isEqualTo("JBSWY3DPEHPK3PXP");

        // The audit signing key rotated too: old checkpoints verify with the old key, new ones with the new.
        assertThat(auditKeys.verifyingKey()).isNotEqualTo(oldAuditKey);
        assertThat(auditKeys.verifyingKeys()).containsExactly(auditKeys.verifyingKey(), oldAuditKey);
        record(2);
        long after = checkpoints.checkpointNow().orElseThrow().treeSize();
        assertThat(after).isGreaterThan(before);
        List<AuditEntry> rotations = audit.latestWithAction(AuditKeyRotation.ROTATED, 5);
        assertThat(rotations).singleElement().satisfies(entry -> {
            assertThat(entry.target()).isEqualTo("audit-signing-key:" + String.format("%08x", auditKeys.verifyingKey().keyId()));
            assertThat(entry.details()).contains("previousKeyId").contains(String.format("%08x", oldAuditKey.keyId()));
        });
        assertThat(audit.latestWithAction("crypto.key-disabled", 5)).extracting(AuditEntry::target)
                .contains("key-encryption-key:" + hex(oldKey));
        Run verify = run("audit", "verify");
        assertThat(verify.status()).as(verify.out() + verify.err()).isZero();
        assertThat(run("keys", "status").out()).contains(hex(newKey) + "  enabled   primary").contains(hex(oldKey) + "  disabled");
    }

    @Test
    void aRotationInterruptedAfterPromotionCarriesOnWithoutAddingAnotherKey() throws Exception {
        Shared plain = share(false);
        rotation.addKey();
        rotation.promote();
        long promoted = rotation.primaryKeyId();
        int keys = rotation.keys().size();

        Run again = run("keys", "rotate", "--wait", "PT0S");

        assertThat(again.status()).as(again.out() + again.err()).isZero();
        assertThat(again.out()).contains("already under way");
        assertThat(rotation.primaryKeyId()).isEqualTo(promoted);
        assertThat(rotation.keys()).hasSize(keys);
        assertThat(rotation.status().uses().values()).allSatisfy(byKey -> assertThat(byKey.keySet()).isSubsetOf(promoted));
        assertThat(downloaded(plain)).isEqualTo(plain.content());
        Run twice = run("keys", "rewrap");
        assertThat(twice.out()).contains("Re-sealed 0 of ");
    }

    @Test
    void queuedMailKeepsTheOldKeyEnabledUntilTheQueueHasEmptied() throws Exception {
        UUID queued = UUID.randomUUID();
        // An email still waiting to go out: its sealed recipient and body live inside the queued event.
        jdbc.sql("insert into event_publication (id, event_type, listener_id, publication_date, serialized_event, status)"
                + " values (?, ?, 'mail.delivery', ?, '{}', 'PUBLISHED')").params(queued, MailQueued.class.getName(),
                        Timestamp.from(Instant.now())).update();
        try {
            long oldKey = rotation.primaryKeyId();
            Run rotate = run("keys", "rotate", "--wait", "PT0S");
            assertThat(rotate.status()).as(rotate.out() + rotate.err()).isZero();
            assertThat(rotate.out()).contains("Old keys stay enabled for now: 1 email(s) are still queued");
            assertThat(rotation.keys()).contains(new KeyRotation.Key(oldKey, true, false));

            jdbc.sql("update event_publication set completion_date = ?, status = 'COMPLETED' where id = ?")
                    .params(Timestamp.from(Instant.now()), queued).update();
            Run retire = run("keys", "retire");
            assertThat(retire.out()).contains("Disabled key " + hex(oldKey));
            assertThat(rotation.keys()).contains(new KeyRotation.Key(oldKey, false, false));
        } finally {
            jdbc.sql("delete from event_publication where id = ?").param(queued).update();
        }
    }

    private Shared share(boolean withPassword) throws Exception {
        Organisation council = fixtures.organisation("Council");
        Organisation school = fixtures.organisation("School");
        Account admin = fixtures.person(council, Role.ORGANISATION_ADMIN);
        DirectoryEntry entry = directory.addEntry(new Actor(admin.id(), council.id(), admin.displayName(), Set.of(Actor.ORGANISATION_ADMIN)),
                school.name(), OrganisationKind.SCHOOL);
        Account practitioner = fixtures.person(council, Role.PRACTITIONER);
        Account partner = fixtures.person(school, Role.PARTNER);
        Actor sender = new Actor(practitioner.id(), council.id(), practitioner.displayName(), Set.of(Role.PRACTITIONER.name()));
        UUID packageId = packages.create(sender, new NewPackage(null, List.of(partner.email()), null, null, "None", 7, 3,
                fixtures.hubShare(practitioner, entry, partner.email())));
        byte[] content = ("report " + UUID.randomUUID()).repeat(5000).getBytes();
        UUID fileId = uploads.addFile(sender, packageId, "report.txt", new ByteArrayInputStream(content), content.length);
        String password = packages.send(sender, packageId, withPassword).orElse(null);
        Actor recipient = new Actor(partner.id(), school.id(), partner.displayName(), Set.of(Role.PARTNER.name()));
        downloads.acknowledge(recipient, packageId);
        return new Shared(recipient, packageId, fileId, content, password);
    }

    private byte[] downloaded(Shared shared) throws Exception {
        char[] password = shared.password() == null ? null : shared.password().toCharArray();
        try (Download download = downloads.startDownload(shared.partner(), shared.packageId(), shared.fileId(), password, "127.0.0.1");
             InputStream in = download.open()) {
            return in.readAllBytes();
        }
    }

    private void record(int count) {
        for (int i = 0; i < count; i++) {
            audit.sequenceOf(audit.record(AuditEvent.success("test.keys", "tester", null, "test:" + i)), Duration.ofSeconds(30));
        }
    }

    private Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = CaseshareCommandLine.execute(context, new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Run(status, out.toString(), err.toString());
    }

    private static String hex(long id) {
        return String.format("%08x", id);
    }
}
