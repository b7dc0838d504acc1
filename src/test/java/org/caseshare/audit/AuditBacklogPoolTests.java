package org.caseshare.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.caseshare.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Issue #15: writers pausing for the sequencer must not hold the connections the sequencer needs to
 * catch up. A pool of three, twice as many writers, all committing while the backlog is over its limit:
 * each pauses after its commit until the sequencer has caught up. When a paused writer still held its
 * connection, the sequencer found none free, so every writer waited out its whole maximum pause (here
 * a minute) and the rest queued behind them for the pool. The background loop is off, so this test
 * plays the sequencer itself, and starts it only once every writer has committed.
 */
@TestPropertySource(properties = {"spring.datasource.hikari.maximum-pool-size=3", "caseshare.audit.sequencer-enabled=false",
        "caseshare.audit.max-backlog=10", "caseshare.audit.max-backlog-wait=60s",
        "caseshare.audit.checkpoint-every-entries=1000000000"})
abstract class AuditBacklogPoolTests extends IntegrationTest {

    private static final int POOL = 3;
    private static final int WRITERS = 2 * POOL;

    @Autowired
    AuditTrail audit;
    @Autowired
    AuditSequencer sequencer;
    @Autowired
    AuditBacklog backlog;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TransactionTemplate transaction;

    @Test
    // A hang guard only: before the fix this took minutes; now it takes well under a second.
    @Timeout(value = 2, unit = TimeUnit.MINUTES)
    void writersPausedForTheSequencerLeaveItAConnection() throws Exception {
        UUID organisation = UUID.randomUUID();
        transaction.executeWithoutResult(status -> {
            for (int i = 0; i < 20; i++) {
                audit.record(AuditEvent.success("test.backlog", "tester", organisation, "backlog:" + i));
            }
        });
        backlog.measure();
        assertThat(backlog.waiting()).as("behind before the writers start").isGreaterThan(10);

        CountDownLatch committed = new CountDownLatch(WRITERS);
        ExecutorService writers = Executors.newFixedThreadPool(WRITERS);
        try {
            List<Future<UUID>> written = new ArrayList<>();
            for (int w = 0; w < WRITERS; w++) {
                String target = "writer:" + w;
                written.add(writers.submit(() -> transaction.execute(status -> {
                    // Registered before the entries' own callbacks, so it runs before any pause.
                    TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                        @Override
                        public void afterCommit() {
                            committed.countDown();
                        }
                    });
                    audit.record(AuditEvent.success("test.backlog", "tester", organisation, target + ":a"));
                    return audit.record(AuditEvent.success("test.backlog", "tester", organisation, target + ":b"));
                })));
            }
            committed.await();
            // The sequencer's part: number what waits and count again, as its loop does.
            sequencer.sequencePending();
            backlog.measure();
            List<Long> numbers = new ArrayList<>();
            for (Future<UUID> f : written) {
                numbers.add(audit.sequenceOf(f.get(), Duration.ofSeconds(30)));
            }
            assertThat(numbers).doesNotHaveDuplicates().hasSize(WRITERS);
            assertThat(jdbc.sql("select count(*) from audit_pending where organisation_id = ?").param(organisation)
                    .query(Long.class).single()).isZero();
        } finally {
            writers.shutdownNow();
        }
    }
}
