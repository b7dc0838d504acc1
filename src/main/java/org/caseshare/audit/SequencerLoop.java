package org.caseshare.audit;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The sequencer's thread on this node: sequences as soon as this node commits an entry, and polls
 * for other nodes' entries every {@code sequencer-poll} (the maximum integration delay is about one
 * poll while a batch keeps up). Every node runs one; on PostgreSQL only the advisory lock's holder
 * does the work in a round. Once a second it also checks this node's {@link PendingWatch}.
 */
@Component
@ConditionalOnProperty(name = "caseshare.audit.sequencer-enabled", havingValue = "true", matchIfMissing = true)
class SequencerLoop implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(SequencerLoop.class);
    private static final Duration SETTLE = Duration.ofSeconds(2);
    /** The shortest time between two batches that did not fill up (see {@link #run}). */
    static final long GATHER_NANOS = 10_000_000L;
    /** A batch smaller than this means the sequencer is keeping up; after a larger one the backlog is counted. */
    static final int KEEPING_UP = 1_000;

    private final AuditSequencer sequencer;
    private final PendingWatch watch;
    private final AuditBacklog backlog;
    private final long pollNanos;
    private volatile Thread thread;
    private volatile boolean running;
    private volatile boolean nudged;

    SequencerLoop(AuditSequencer sequencer, PendingWatch watch, AuditBacklog backlog, AuditProperties properties) {
        this.backlog = backlog;
        this.sequencer = sequencer;
        this.watch = watch;
        this.pollNanos = properties.sequencerPoll().toNanos();
    }

    @Override
    public void start() {
        running = true;
        thread = new Thread(this::run, "audit-sequencer");
        thread.setDaemon(true);
        backlog.sequencerRunsOn(thread);
        sequencer.onNudge(() -> {
            nudged = true;
            LockSupport.unpark(thread);
        });
        thread.start();
    }

    private void run() {
        long nextWatch = System.nanoTime();
        long failures = 0;
        while (running) {
            try {
                nudged = false;
                AuditSequencer.Batch batch = sequencer.sequenceBatch();
                if (batch.sequenced() >= 0 && batch.sequenced() < KEEPING_UP) {
                    backlog.caughtUp(); // a small batch took all there was: hardly anything waits, no need to count
                } else {
                    backlog.measure();
                }
                if (System.nanoTime() - nextWatch >= 0) {
                    watch.check(SETTLE);
                    nextWatch = System.nanoTime() + 1_000_000_000L;
                }
                failures = 0;
                if (batch.sequenced() < AuditSequencer.BATCH) {
                    // Under load every commit nudges: let a few milliseconds' worth of entries
                    // gather, so that one batch numbers hundreds rather than a handful.
                    pause(GATHER_NANOS);
                    if (!nudged) {
                        LockSupport.parkNanos(pollNanos);
                    }
                }
            } catch (RuntimeException e) {
                // A database that is away: wait longer each time, up to ten polls, then try again.
                failures++;
                if (failures == 1 || failures % 100 == 0) {
                    log.error("The audit sequencer could not sequence entries ({} attempts): {}", failures, e.getMessage());
                }
                LockSupport.parkNanos(pollNanos * Math.min(10, failures));
            }
        }
    }

    /** Parks for the whole time even when nudged meanwhile (the nudge is remembered in {@code nudged}). */
    private void pause(long nanos) {
        long until = System.nanoTime() + nanos;
        for (long left = nanos; left > 0 && running; left = until - System.nanoTime()) {
            LockSupport.parkNanos(left);
        }
    }

    @Override
    public void stop() {
        running = false;
        Thread current = thread;
        if (current != null) {
            LockSupport.unpark(current);
            try {
                current.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Stops after the web server (which stops late) so requests in flight still get sequenced. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 1024;
    }
}
