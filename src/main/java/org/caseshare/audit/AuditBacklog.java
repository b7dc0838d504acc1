package org.caseshare.audit;

import java.util.concurrent.locks.LockSupport;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Backpressure for the sequencer. Writers never wait inside their transaction, but once the entries
 * waiting for a number pass {@code max-backlog}, each writer's thread, after its commit, pauses a
 * few milliseconds at a time (at most {@code max-backlog-wait}) so that the one sequencer can catch
 * up: under overload the work slows down a little rather than leaving ever more entries outside the
 * Merkle tree, protected by their seals alone (ADR 0012). The pause is taken once per transaction and
 * only after its connection is back in the pool (see {@link AuditTrail}): a writer pausing with its
 * connection held took from the sequencer the connection it needed to end the pause (issue #15).
 */
@Component
class AuditBacklog {

    private static final long STEP_NANOS = 5_000_000L;

    private final JdbcClient jdbc;
    private final long limit;
    private final long maxWaitNanos;
    private volatile long waiting;
    /** The sequencer's own thread never waits for itself (it records an entry when a seal is broken). */
    private volatile Thread sequencer;

    AuditBacklog(JdbcClient jdbc, AuditProperties properties) {
        this.jdbc = jdbc;
        this.limit = properties.maxBacklog();
        this.maxWaitNanos = properties.maxBacklogWait().toNanos();
    }

    /** Counts the entries still waiting for a number; the sequencer's loop calls it after each batch. */
    void measure() {
        waiting = jdbc.sql("select count(*) from audit_pending").query(Long.class).single();
    }

    /** The sequencer took every waiting entry in its last batch: nothing is behind. */
    void caughtUp() {
        waiting = 0;
    }

    void sequencerRunsOn(Thread thread) {
        this.sequencer = thread;
    }

    long waiting() {
        return waiting;
    }

    /** Called after a writer's transaction, in its own thread, once it holds no lock and no connection. */
    void pauseWhileBehind() {
        if (waiting <= limit || Thread.currentThread() == sequencer) {
            return;
        }
        long deadline = System.nanoTime() + maxWaitNanos;
        while (waiting > limit && System.nanoTime() - deadline < 0) {
            LockSupport.parkNanos(STEP_NANOS);
        }
    }
}
