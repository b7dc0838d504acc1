package org.caseshare.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.caseshare.directory.Organisation;
import org.caseshare.identity.Role;
import org.caseshare.support.AuditAttacker;
import org.caseshare.support.AuditTampering;
import org.caseshare.support.Fixtures;
import org.caseshare.support.IntegrationTest;
import org.caseshare.support.Visitor;
import org.caseshare.support.WelshPage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Entries are written unsequenced and sealed, and one sequencer at a time numbers them (ADR 0012).
 * In the tampering context the background sequencer is off, so each test decides when entries are
 * sequenced; an attacker with the database administrator's rights edits or deletes entries before
 * and after, and verification (or the node that committed the entry) must say so.
 */
@AuditTampering
abstract class AuditSequencerTests extends IntegrationTest {

    @Autowired
    AuditTrail audit;
    @Autowired
    AuditSequencer sequencer;
    @Autowired
    AuditVerification verification;
    @Autowired
    PendingWatch watch;
    @Autowired
    AuditCheckpoints checkpoints;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TransactionTemplate transaction;
    @Autowired
    DataSource dataSource;
    @Autowired
    MockMvc mvc;
    @Autowired
    Fixtures fixtures;

    AuditAttacker attacker;

    @BeforeEach
    void anIntactTrail() {
        sequencer.sequencePending();
        // Other tests in this context put the tables back behind the watch's back.
        watch.forgetAll();
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
    void anEntryIsSeenAtOnceAndNumberedByTheSequencerAfterTheHead() {
        UUID organisation = UUID.randomUUID();
        long head = head();
        UUID id = audit.record(AuditEvent.success("test.sequencer", "tester", organisation, "test:1"));

        assertThat(audit.latest(organisation, 10)).singleElement().satisfies(e -> {
            assertThat(e.action()).isEqualTo("test.sequencer");
            assertThat(e.seq()).as("not yet sequenced").isZero();
        });
        assertThat(head()).as("the writer touched no shared row").isEqualTo(head);
        assertThat(verification.verify(List.of()).pendingChecked()).isEqualTo(1);

        assertThat(sequencer.sequencePending()).isEqualTo(1);
        assertThat(audit.latest(organisation, 10)).singleElement().satisfies(e -> assertThat(e.seq()).isEqualTo(head + 1));
        assertThat(audit.sequenceOf(id, Duration.ofSeconds(5))).isEqualTo(head + 1);
    }

    @Test
    void anEntryWhoseTransactionRollsBackNeverAppears() {
        UUID organisation = UUID.randomUUID();
        assertThatThrownBy(() -> transaction.executeWithoutResult(status -> {
            audit.record(AuditEvent.success("test.rolled-back", "tester", organisation, "test:1"));
            throw new IllegalStateException("the change failed");
        })).hasMessage("the change failed");

        sequencer.sequencePending();
        assertThat(audit.latest(organisation, 10)).isEmpty();
        assertThat(verification.verify(List.of()).failures()).isEmpty();
    }

    @Test
    void editingAnEntryBeforeItIsSequencedIsDetectedBeforeAndAfter() {
        audit.record(AuditEvent.success("test.edited", "tester", null, "test:edited"));
        attacker.tamper("update audit_pending set actor_id = 'someone-else' where target = 'test:edited'");

        assertThat(verification.verify(List.of()).failures()).singleElement().asString()
                .contains("not yet sequenced was changed after it was written");

        sequencer.sequencePending();
        long seq = jdbc.sql("select seq from audit_entry where target = 'test:edited'").query(Long.class).single();
        assertThat(verification.verify(List.of()).failures()).containsExactly(
                "entry " + seq + " was changed after it was written: its seal does not match it",
                "entry " + seq + " was changed before it was sequenced: its seal did not match it when the sequencer took it ("
                        + audit.latestWithAction(AuditSequencer.SEAL_BROKEN, 1).get(0).occurredAt() + ")");
        // Signed into a checkpoint as it stands, the entry is still named: the sequencer recorded it.
        checkpoints.checkpointNow();
        assertThat(verification.verify(List.of()).failures()).anySatisfy(f -> assertThat(f).startsWith("entry " + seq + " was changed before"));
    }

    @Test
    void theVerifyPageSaysWhatWasChangedInWelsh() throws Exception {
        Organisation council = fixtures.organisation("Cyngor Gwirio");
        Visitor dpo = fixtures.signIn(mvc, fixtures.person(council, Role.DATA_PROTECTION_OFFICER));
        audit.record(AuditEvent.success("test.edited-cy", "tester", null, "test:edited-cy"));
        attacker.tamper("update audit_pending set actor_id = 'someone-else' where target = 'test:edited-cy'");
        WelshPage.check(dpo.get("/audit/verify?lang=cy"), "Gwirio’r trywydd archwilio", "the verify page");

        String pending = WelshPage.check(dpo.post("/audit/verify"), "Gwirio’r trywydd archwilio", "a changed entry not yet sequenced");
        assertThat(pending).contains("Mae’r trywydd wedi’i newid", "nad yw yn y dilyniant eto, ei newid ar ôl iddo gael ei ysgrifennu");

        sequencer.sequencePending();
        long seq = jdbc.sql("select seq from audit_entry where target = 'test:edited-cy'").query(Long.class).single();
        String sequenced = WelshPage.check(dpo.post("/audit/verify"), "Gwirio’r trywydd archwilio", "a changed entry sequenced");
        assertThat(sequenced).contains("cafodd cofnod " + seq + " ei newid ar ôl iddo gael ei ysgrifennu: nid yw ei sêl yn cyfateb iddo",
                "cafodd cofnod " + seq + " ei newid cyn iddo gael ei roi yn y dilyniant");
        // The command line, and the report's failures, still say it in English.
        assertThat(verification.verify(List.of()).failures())
                .contains("entry " + seq + " was changed after it was written: its seal does not match it");
    }

    @Test
    void deletingAnEntryBeforeItIsSequencedIsReportedByTheNodeThatCommittedIt() {
        UUID id = audit.record(AuditEvent.success("test.deleted", "tester", null, "test:deleted"));
        attacker.tamper("delete from audit_pending where id = '" + id + "'");

        assertThat(watch.check(Duration.ZERO)).isEqualTo(1);

        assertThat(verification.verify(List.of()).failures()).singleElement().asString()
                .contains("the entry " + id).contains("was deleted before it was sequenced");
    }

    @Test
    void aBatchLargerThanOneInsertKeepsEveryEntryWhole() {
        long head = head();
        int count = AuditSequencer.ROWS_PER_INSERT * 2 + 37;
        List<UUID> ids = transaction.execute(status -> {
            List<UUID> written = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                written.add(audit.record(AuditEvent.success("test.big-batch", "tester-" + i, null, "test:" + i).with("n", Integer.toString(i))));
            }
            return written;
        });

        assertThat(sequencer.sequencePending()).isEqualTo(count);
        assertThat(jdbc.sql("select count(*) from audit_pending").query(Long.class).single()).isZero();
        assertThat(head()).isEqualTo(head + count);
        // Each entry arrived with its own fields: its seal still matches and its actor names its index.
        for (int i : new int[] {0, AuditSequencer.ROWS_PER_INSERT - 1, AuditSequencer.ROWS_PER_INSERT, count - 1}) {
            assertThat(jdbc.sql("select actor_id from audit_entry where pending_id = ?").param(ids.get(i)).query(String.class).single())
                    .isEqualTo("tester-" + i);
        }
        assertThat(verification.verify(List.of()).failures()).isEmpty();
        assertThat(watch.check(Duration.ZERO)).isZero();
        assertThat(watch.watching()).as("every sequenced entry is forgotten").isZero();
    }

    @Test
    void entriesAreNumberedInTheOrderTheyWereWrittenAndTheWritingNodeForgetsThemOnceSequenced() {
        long head = head();
        List<UUID> ids = transaction.execute(status -> {
            List<UUID> written = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                written.add(audit.record(AuditEvent.success("test.order", "tester", null, "test:" + i)));
            }
            return written;
        });
        assertThat(ids).allSatisfy(id -> assertThat(id.version()).as("time-ordered UUIDv7").isEqualTo(7));
        assertThat(watch.watching()).isEqualTo(50);

        assertThat(sequencer.sequencePending()).isEqualTo(50);

        for (int i = 0; i < ids.size(); i++) {
            assertThat(jdbc.sql("select seq from audit_entry where pending_id = ?").param(ids.get(i)).query(Long.class).single())
                    .as("entry %d", i).isEqualTo(head + 1 + i);
        }
        // This node sequenced them itself: no need to ask the database about them later.
        assertThat(watch.watching()).isZero();
    }

    @Test
    void verificationWhileTheSequencerAppendsFindsNothingWrong() throws Exception {
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            Future<?> appending = pool.submit(() -> {
                for (int i = 0; i < 300; i++) {
                    audit.record(AuditEvent.success("test.appending", "tester", null, "test:" + i));
                    sequencer.sequencePending();
                }
            });
            while (!appending.isDone()) {
                assertThat(verification.verify(List.of()).failures()).as("entries appended during the walk are not a mismatch").isEmpty();
            }
            appending.get();
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aHeadSetBackBehindItsEntriesIsReported() {
        long head = head();
        audit.record(AuditEvent.success("test.head", "tester", null, "test:head"));
        sequencer.sequencePending();
        attacker.tamper("update audit_head set last_seq = " + head);

        assertThat(verification.verify(List.of()).failures())
                .contains("the audit head says the last entry is " + head + " but " + (head + 1) + " entries were found");
    }

    @Test
    void concurrentWritersAndSequencersGiveOneDenseSequence() throws Exception {
        long head = head();
        int writers = 8;
        int each = 50;
        ExecutorService pool = Executors.newFixedThreadPool(writers + 3);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> work = new ArrayList<>();
        for (int w = 0; w < writers; w++) {
            work.add(pool.submit(() -> {
                start.await();
                for (int i = 0; i < each; i++) {
                    audit.record(AuditEvent.success("test.concurrent-sequencers", "tester", null, "test:" + i));
                }
                return null;
            }));
        }
        // Three sequencers at once, as three nodes would run them.
        for (int s = 0; s < 3; s++) {
            work.add(pool.submit(() -> {
                start.await();
                for (int round = 0; round < 50; round++) {
                    sequencer.sequenceBatch();
                }
                return null;
            }));
        }
        start.countDown();
        for (Future<?> done : work) {
            done.get(2, TimeUnit.MINUTES);
        }
        pool.shutdown();
        sequencer.sequencePending();

        List<Long> seqs = jdbc.sql("select seq from audit_entry where seq > ? order by seq").param(head).query(Long.class).list();
        assertThat(seqs).hasSize(writers * each);
        assertThat(seqs.get(seqs.size() - 1)).isEqualTo(head + writers * each);
        assertThat(head()).isEqualTo(head + writers * each);
        assertThat(verification.verify(List.of()).failures()).isEmpty();
    }

    @Test
    void whileAnotherNodeHoldsTheSequencerRoleThisOneSkipsItsRound() throws Exception {
        audit.record(AuditEvent.success("test.elsewhere", "tester", null, "test:1"));
        try (Connection other = dataSource.getConnection()) {
            other.setAutoCommit(false);
            // Another node's sequencer in the middle of its batch.
            if (postgres()) {
                try (PreparedStatement lock = other.prepareStatement("select pg_advisory_xact_lock(?)")) {
                    lock.setLong(1, 0x6361736573686172L);
                    lock.execute();
                }
                assertThat(sequencer.sequenceBatch()).isEqualTo(AuditSequencer.Batch.ELSEWHERE);
            } else {
                other.prepareStatement("select last_seq from audit_head where id = 1 for update").execute();
                ExecutorService pool = Executors.newSingleThreadExecutor();
                Future<AuditSequencer.Batch> waiting = pool.submit(sequencer::sequenceBatch);
                Thread.sleep(300);
                assertThat(waiting).as("queued behind the other sequencer's head lock").isNotDone();
                other.rollback();
                assertThat(waiting.get(30, TimeUnit.SECONDS).sequenced()).isEqualTo(1);
                pool.shutdown();
            }
            other.rollback();
        }
        sequencer.sequencePending();
        assertThat(verification.verify(List.of()).failures()).isEmpty();
    }

    abstract boolean postgres();

    private long head() {
        return jdbc.sql("select last_seq from audit_head where id = 1").query(Long.class).single();
    }
}
