package org.caseshare.audit;

import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.locks.ReentrantLock;

import javax.sql.DataSource;

import org.caseshare.system.Databases;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Gives committed entries their place in the trail: one batch at a time, in one transaction, it
 * takes the oldest unsequenced entries, numbers them densely after the head, appends them to
 * {@code audit_entry} (whose leaves are the Merkle tree's), removes them from {@code audit_pending}
 * and moves the head. Only one sequencer works at a time across the cluster: on PostgreSQL the
 * node holding a transaction-scoped advisory lock (the others skip the round instead of queueing),
 * and everywhere the head row is locked for the batch, so two sequencers can never hand out the same
 * number (ADR 0012). The business transactions never touch the head.
 */
@Component
class AuditSequencer {

    /** Large enough to keep up with thousands of entries a second, small enough for a short transaction. */
    static final int BATCH = 5_000;
    /** Recorded when an entry's seal did not match it as the sequencer took it (changed while it waited). */
    static final String SEAL_BROKEN = "audit.entry-seal-broken";
    /** "caseshar" as a number: the advisory lock's key, the same on every node. */
    private static final long LOCK_KEY = 0x6361736573686172L;
    /** Eleven parameters a row: 500 rows stay far below PostgreSQL's 65,535 bind parameters. */
    static final int ROWS_PER_INSERT = 500;
    private static final String INSERT = """
            insert into audit_entry (seq, occurred_at, actor_id, organisation_id, action, target, outcome, client_address,
                details, pending_id, seal) values """;
    private static final String ROW = "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final TransactionTemplate transaction;
    private final ObjectProvider<CheckpointTrigger> checkpoints;
    private final AuditSeals seals;
    private final ObjectProvider<AuditTrail> trail;
    private final PendingWatch watch;
    private final boolean postgres;
    private final ReentrantLock inProcess = new ReentrantLock();
    private volatile Runnable wakeUp = () -> { };

    AuditSequencer(JdbcClient jdbc, JdbcTemplate template, PlatformTransactionManager transactions, DataSource dataSource,
            ObjectProvider<CheckpointTrigger> checkpoints, AuditSeals seals, ObjectProvider<AuditTrail> trail, PendingWatch watch) {
        this.seals = seals;
        this.watch = watch;
        this.trail = trail;
        this.jdbc = jdbc;
        this.template = template;
        this.transaction = new TransactionTemplate(transactions);
        this.checkpoints = checkpoints;
        this.postgres = Databases.isPostgres(dataSource);
    }

    /** What a batch did: how many entries it numbered and the head after it; -1 when another node sequences. */
    record Batch(int sequenced, long head, List<UUID> ids) {
        static final Batch ELSEWHERE = new Batch(-1, -1, List.of());
    }

    /** Sequences everything committed so far; returns how many entries this node numbered. */
    int sequencePending() {
        int total = 0;
        Batch batch;
        do {
            batch = sequenceBatch();
            total += Math.max(0, batch.sequenced());
        } while (batch.sequenced() == BATCH);
        return total;
    }

    Batch sequenceBatch() {
        // H2 is one process (a single node): a lock here plays the advisory lock's part, so two
        // threads never queue on the head row (H2 would time the second out after a few seconds).
        if (!postgres && !inProcess.tryLock()) {
            return Batch.ELSEWHERE;
        }
        try {
            return sequenceBatchAlone();
        } finally {
            if (!postgres) {
                inProcess.unlock();
            }
        }
    }

    private Batch sequenceBatchAlone() {
        Batch batch = transaction.execute(status -> {
            if (postgres && !Boolean.TRUE.equals(jdbc.sql("select pg_try_advisory_xact_lock(?)").param(LOCK_KEY).query(Boolean.class).single())) {
                return Batch.ELSEWHERE;
            }
            long head = jdbc.sql("select last_seq from audit_head where id = 1 for update").query(Long.class).single();
            List<Sealed> pending = jdbc.sql("select * from audit_pending order by id limit ?").param(BATCH)
                    .query((rs, n) -> new Sealed(AuditEntries.mapPending(rs), rs.getString("seal"))).list();
            if (pending.isEmpty()) {
                return new Batch(0, head, List.of());
            }
            append(head, pending);
            long last = head + pending.size();
            removePending(head, last, pending);
            jdbc.sql("update audit_head set last_seq = ? where id = 1").param(last).update();
            // Once in the tree and under a checkpoint, a changed entry would be signed as it stands:
            // its seal is checked now, and a mismatch recorded for good.
            for (int i = 0; i < pending.size(); i++) {
                if (!seals.matches(pending.get(i).entry(), pending.get(i).seal())) {
                    trail.getObject().record(AuditEvent.failure(SEAL_BROKEN, "system", null, "audit-entry:" + (head + 1 + i)));
                }
            }
            return new Batch(pending.size(), last, pending.stream().map(sealed -> sealed.entry().id()).toList());
        });
        if (batch.sequenced() > 0) {
            // Committed: the entries this node wrote are in the trail, and its watch need not ask.
            watch.seenInTrail(batch.ids());
            CheckpointTrigger trigger = checkpoints.getIfAvailable();
            if (trigger != null) {
                trigger.sequenced(batch.head() - batch.sequenced(), batch.head());
            }
        }
        return batch;
    }

    /**
     * Writes the batch as multi-row inserts of {@link #ROWS_PER_INSERT} rows: one statement to parse
     * and plan per chunk instead of one per entry, which on a busy two-core database is most of the
     * sequencer's cost (bench/audit). Row values are bound, never spliced into the SQL.
     */
    private void append(long head, List<Sealed> pending) {
        for (int from = 0; from < pending.size(); from += ROWS_PER_INSERT) {
            List<Sealed> chunk = pending.subList(from, Math.min(pending.size(), from + ROWS_PER_INSERT));
            long first = head + 1 + from;
            template.update(connection -> {
                PreparedStatement ps = connection.prepareStatement(INSERT + String.join(", ", Collections.nCopies(chunk.size(), ROW)));
                int p = 1;
                for (int i = 0; i < chunk.size(); i++) {
                    PendingEntry e = chunk.get(i).entry();
                    ps.setLong(p++, first + i);
                    ps.setTimestamp(p++, Timestamp.from(e.occurredAt()));
                    ps.setString(p++, e.actorId());
                    ps.setObject(p++, e.organisationId());
                    ps.setString(p++, e.action());
                    ps.setString(p++, e.target());
                    ps.setString(p++, e.outcome());
                    ps.setString(p++, e.clientAddress());
                    ps.setString(p++, e.details());
                    ps.setObject(p++, e.id());
                    ps.setString(p++, chunk.get(i).seal());
                }
                return ps;
            });
        }
    }

    /**
     * Removes the entries just numbered from {@code audit_pending}. On PostgreSQL one statement finds
     * exactly them by their numbers (a semi-join). H2 runs that subquery again for every waiting row,
     * so a batch of 5,000 took minutes there and held the sequencer, and a connection, all that time
     * while writers piled up behind it (issue #15); it deletes them by id, 500 to a statement.
     */
    private void removePending(long head, long last, List<Sealed> pending) {
        if (postgres) {
            jdbc.sql("delete from audit_pending where id in (select pending_id from audit_entry where seq > ? and seq <= ?)")
                    .params(head, last).update();
            return;
        }
        for (int from = 0; from < pending.size(); from += ROWS_PER_INSERT) {
            List<Object> ids = pending.subList(from, Math.min(pending.size(), from + ROWS_PER_INSERT)).stream()
                    .<Object>map(sealed -> sealed.entry().id()).toList();
            jdbc.sql("delete from audit_pending where id in (" + String.join(", ", Collections.nCopies(ids.size(), "?")) + ")")
                    .params(ids).update();
        }
    }

    /** Asks the running loop, if any, to look for new entries now rather than at its next poll. */
    void nudge() {
        wakeUp.run();
    }

    void onNudge(Runnable wakeUp) {
        this.wakeUp = wakeUp;
    }

    private record Sealed(PendingEntry entry, String seal) {
    }
}
