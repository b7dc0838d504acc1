package org.caseshare.audit;

import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import org.caseshare.audit.AuditVerification.SuppliedCheckpoint;
import org.caseshare.support.AuditAttacker;
import org.caseshare.support.AuditTampering;
import org.caseshare.support.IntegrationTest;
import org.caseshare.support.OnPostgres;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An attacker with the PostgreSQL superuser's rights switches the append-only triggers off and
 * rewrites the trail. They cannot sign, so each change must show in verification, naming the entry
 * or the checkpoint that gives it away; the last two need a checkpoint kept outside the database.
 */
@OnPostgres
@AuditTampering
class AuditTamperOnPostgresIntegrationTests extends IntegrationTest {

    @Autowired
    AuditTrail audit;
    @Autowired
    AuditCheckpoints checkpoints;
    @Autowired
    AuditVerification verification;
    @Autowired
    DataSource dataSource;
    @TempDir
    Path exported;

    AuditAttacker attacker;
    long first;
    long second;

    @BeforeEach
    void twentyEntriesACheckpointTwentyMoreAnotherAndTheirFilesKeptElsewhere() {
        record(20);
        first = checkpoints.checkpointNow().orElseThrow().treeSize();
        record(20);
        second = checkpoints.checkpointNow().orElseThrow().treeSize();
        checkpoints.exportAll(exported);
        assertThat(verification.verify(List.of()).failures()).isEmpty();
        attacker = new AuditAttacker(dataSource);
        attacker.snapshot();
    }

    @AfterEach
    void putEverythingBack() {
        attacker.restore();
        assertThat(verification.verify(List.of()).failures()).as("restored trail").isEmpty();
    }

    @Test
    void editingAnEntryIsPinnedBetweenTheLastGoodCheckpointAndTheFirstBadOne() {
        long edited = first - 5;
        attacker.tamper("update audit_entry set target = 'account:someone-else' where seq = " + edited);

        VerificationReport report = verification.verify(List.of());

        assertThat(report.ok()).isFalse();
        String failure = report.firstFailure().orElseThrow();
        assertThat(failure).startsWith("stored checkpoint at tree size " + first + " ");
        Matcher range = Pattern.compile("between (\\d+) and (\\d+)").matcher(failure);
        assertThat(range.find()).isTrue();
        assertThat(Long.parseLong(range.group(1))).isLessThanOrEqualTo(edited);
        assertThat(Long.parseLong(range.group(2))).isEqualTo(first);
    }

    @Test
    void editingAnEntryNamesItsSequenceNumberInAFewLines() {
        long edited = first - 5;
        attacker.tamper("update audit_entry set target = 'account:someone-else' where seq = " + edited);

        VerificationReport report = verification.verify(List.of());

        assertThat(report.failures()).as(String.join("\n", report.failures())).hasSizeLessThanOrEqualTo(3)
                .contains("entry " + edited + " was changed after it was written: its seal does not match it");
    }

    @Test
    void deletingAnEntryNamesTheMissingSequenceNumber() {
        long deleted = first + 3;
        attacker.tamper("delete from audit_entry where seq = " + deleted);

        VerificationReport report = verification.verify(List.of());

        assertThat(report.firstFailure()).contains(
                "entry " + deleted + " is missing (the sequence jumps from " + (deleted - 1) + " to " + (deleted + 1) + ")");
        assertThat(report.failures()).anyMatch(f -> f.startsWith("stored checkpoint at tree size " + second + " "));
    }

    @Test
    void deletingOneEntryUnderManyCheckpointsIsReportedInAFewLinesNotOnePerCheckpoint() {
        for (int i = 0; i < 10; i++) {
            record(2);
            checkpoints.checkpointNow();
        }
        attacker.snapshot();
        long deleted = first + 3;
        attacker.tamper("delete from audit_entry where seq = " + deleted);

        VerificationReport report = verification.verify(List.of());

        assertThat(report.failures()).as(String.join("\n", report.failures())).hasSizeLessThanOrEqualTo(3);
        assertThat(report.firstFailure()).contains(
                "entry " + deleted + " is missing (the sequence jumps from " + (deleted - 1) + " to " + (deleted + 1) + ")");
        assertThat(report.failures()).anyMatch(f -> f.startsWith("stored checkpoint at tree size " + second + " "))
                .anyMatch(f -> f.contains("10 later checkpoints"));
    }

    @Test
    void swappingTwoEntriesContentsIsCaughtByTheCheckpointThatCoversThem() {
        long a = second - 2;
        long b = second - 1;
        attacker.tamper("""
                update audit_entry e set occurred_at = o.occurred_at, actor_id = o.actor_id, organisation_id = o.organisation_id,
                    action = o.action, target = o.target, outcome = o.outcome, client_address = o.client_address, details = o.details
                from audit_entry o where (e.seq = %d and o.seq = %d) or (e.seq = %d and o.seq = %d)""".formatted(a, b, b, a));

        VerificationReport report = verification.verify(List.of());

        assertThat(report.firstFailure().orElseThrow())
                .startsWith("stored checkpoint at tree size " + second + " ")
                .contains("between " + (first + 1) + " and " + second);
        assertThat(report.failures()).contains("entry " + a + " was changed after it was written: its seal does not match it",
                "entry " + b + " was changed after it was written: its seal does not match it");
    }

    @Test
    void truncatingTheTailAndItsCheckpointsIsCaughtByAnExportedCheckpoint() {
        attacker.tamper("delete from audit_entry where seq > " + first,
                "delete from audit_checkpoint where tree_size > " + first,
                "update audit_head set last_seq = " + first);
        assertThat(verification.verify(List.of()).failures())
                .as("a careful attacker leaves the database consistent with itself").isEmpty();

        Path file = exported.resolve(String.format("checkpoint-%012d.txt", second));
        VerificationReport report = verification.verify(List.of(supplied(file)));

        assertThat(report.firstFailure()).contains("checkpoint file " + file + " covers " + second
                + " entries but the database holds only " + first + ": entries after " + first + " were deleted");
    }

    @Test
    void rebuildingTheWholeTrailAndDroppingItsCheckpointsIsCaughtByAnExportedCheckpoint() {
        attacker.tamper("update audit_entry set actor_id = 'someone-else'", "delete from audit_checkpoint");
        assertThat(verification.verify(List.of()).failures())
                .as("with no checkpoint left in the database, only the seals (whose key is outside it) tell, in a few lines")
                .containsExactly("entry 1 was changed after it was written: its seal does not match it",
                        "entry 2 was changed after it was written: its seal does not match it",
                        "entry 3 was changed after it was written: its seal does not match it",
                        (second - 3) + " more entries were changed after they were written, up to entry " + second);

        Path file = exported.resolve(String.format("checkpoint-%012d.txt", second));
        VerificationReport report = verification.verify(List.of(supplied(file)));

        assertThat(report.failures()).anySatisfy(f -> assertThat(f)
                .startsWith("checkpoint file " + file + " (signed ")
                .contains("does not match the entries: an entry between 1 and " + second));
    }

    private SuppliedCheckpoint supplied(Path file) {
        try {
            return new SuppliedCheckpoint("file " + file, java.nio.file.Files.readString(file));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private void record(int count) {
        for (int i = 0; i < count; i++) {
            audit.record(AuditEvent.success("test.tamper", "tester-" + i, null, "test:" + java.util.UUID.randomUUID()));
        }
    }
}
