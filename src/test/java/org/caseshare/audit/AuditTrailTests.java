package org.caseshare.audit;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.caseshare.crypto.AuditVerifyingKey;
import org.caseshare.audit.merkle.Checkpoint;
import org.caseshare.audit.merkle.CheckpointVerifier;
import org.caseshare.storage.BlobStore;
import org.caseshare.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The trail under load and against the application's own attempts to rewrite it. */
abstract class AuditTrailTests extends IntegrationTest {

    @Autowired
    AuditTrail audit;
    @Autowired
    AuditVerification verification;
    @Autowired
    AuditCheckpoints checkpoints;
    @Autowired
    AuditKeys keys;
    @Autowired
    AuditProperties properties;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    BlobStore blobs;
    @Autowired
    PlatformTransactionManager transactionManager;

    @Test
    void aHundredConcurrentWritersGetADenseSequenceACheckpointAndATrailThatVerifies() throws Exception {
        long before = lastSeq();
        int writers = 100;
        int each = 10;
        TransactionTemplate transaction = new TransactionTemplate(transactionManager);
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<List<UUID>>> results = new ArrayList<>();
        for (int w = 0; w < writers; w++) {
            String actor = "writer-" + w;
            results.add(pool.submit(() -> {
                start.await();
                List<UUID> mine = new ArrayList<>();
                for (int i = 0; i < each; i++) {
                    mine.add(transaction.execute(status -> audit.record(
                            AuditEvent.success("test.concurrent", actor, null, "test:" + UUID.randomUUID()))));
                }
                return mine;
            }));
        }
        start.countDown();
        List<UUID> ids = new ArrayList<>();
        for (Future<List<UUID>> result : results) {
            ids.addAll(result.get(2, TimeUnit.MINUTES));
        }
        pool.shutdown();
        List<Long> seqs = new ArrayList<>();
        for (UUID id : ids) {
            seqs.add(audit.sequenceOf(id, Duration.ofSeconds(30)));
        }

        Collections.sort(seqs);
        assertThat(seqs).doesNotHaveDuplicates().hasSize(writers * each);
        assertThat(seqs.get(0)).isEqualTo(before + 1);
        assertThat(seqs.get(seqs.size() - 1)).isEqualTo(before + writers * each);
        assertThat(jdbc.sql("select count(*) from audit_entry").query(Long.class).single()).isEqualTo(lastSeq());

        // A thousand entries cross a multiple of checkpoint-every-entries: a checkpoint follows on its own.
        long multiple = (before + writers * each) / properties.checkpointEveryEntries() * properties.checkpointEveryEntries();
        awaitCheckpointOfAtLeast(multiple);

        VerificationReport report = verification.verify(List.of());
        assertThat(report.failures()).isEmpty();
        assertThat(report.entriesChecked()).isEqualTo(lastSeq());
        assertThat(report.checkpointsChecked()).isPositive();
    }

    @Test
    void aCheckpointIsSignedWithThePublishedKeyAndPutInTheBlobStore() throws Exception {
        audit.sequenceOf(audit.record(AuditEvent.success("test.checkpoint", "tester", null, "test:1")), Duration.ofSeconds(30));
        AuditCheckpoint checkpoint = checkpoints.checkpointNow().orElseThrow();

        assertThat(checkpoint.treeSize()).isEqualTo(lastSeq());
        AuditVerifyingKey key = AuditVerifyingKey.parse(keys.verifyingKey().verifierKey());
        Checkpoint opened = Checkpoint.open(checkpoint.signedNote(), CheckpointVerifier.of(key.keyName(), key.keyId(), key::verify));
        assertThat(opened.size()).isEqualTo(checkpoint.treeSize());
        assertThat(opened.rootHash()).isEqualTo(checkpoint.rootHash());
        try (InputStream stored = blobs.get("audit/checkpoints/" + checkpoint.fileName().replace(".txt", ""))) {
            assertThat(new String(stored.readAllBytes(), StandardCharsets.UTF_8)).as("in the blob store, for every node and auditor")
                    .isEqualTo(checkpoint.signedNote());
        }
        assertThat(checkpoints.checkpointNow()).as("nothing new to sign").isEmpty();
    }

    @Test
    void theApplicationsOwnConnectionCannotUpdateOrDeleteAuditRows() {
        long seq = audit.sequenceOf(audit.record(AuditEvent.success("test.append-only", "tester", null, "test:1")), Duration.ofSeconds(30));
        long size = checkpoints.checkpointNow().orElseThrow().treeSize();

        assertThatThrownBy(() -> jdbc.sql("update audit_entry set target = 'test:2' where seq = ?").param(seq).update())
                .isInstanceOf(DataAccessException.class).rootCause().hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("delete from audit_entry where seq = ?").param(seq).update())
                .isInstanceOf(DataAccessException.class).rootCause().hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("update audit_checkpoint set root_hash = 'x' where tree_size = ?").param(size).update())
                .isInstanceOf(DataAccessException.class).rootCause().hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("delete from audit_checkpoint").update())
                .isInstanceOf(DataAccessException.class).rootCause().hasMessageContaining("append-only");
        if (postgres()) {
            assertThatThrownBy(() -> jdbc.sql("truncate audit_entry").update())
                    .isInstanceOf(DataAccessException.class).rootCause().hasMessageContaining("append-only");
            assertThatThrownBy(() -> jdbc.sql("truncate audit_checkpoint").update())
                    .isInstanceOf(DataAccessException.class).rootCause().hasMessageContaining("append-only");
        }
        assertThat(jdbc.sql("select target from audit_entry where seq = ?").param(seq).query(String.class).single()).isEqualTo("test:1");
    }

    private void awaitCheckpointOfAtLeast(long size) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (checkpoints.latest().map(AuditCheckpoint::treeSize).orElse(0L) < size) {
            assertThat(System.nanoTime()).as("a checkpoint of at least " + size + " entries within 30 s").isLessThan(deadline);
            Thread.sleep(50);
        }
    }

    private long lastSeq() {
        return jdbc.sql("select last_seq from audit_head where id = 1").query(Long.class).single();
    }

    /** TRUNCATE is refused on PostgreSQL only: H2 fires no trigger for it (see V3 for H2). */
    abstract boolean postgres();
}
