package org.caseshare.audit;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.annotation.PreDestroy;
import org.caseshare.system.ClusterJob;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * When checkpoints are signed: every {@code checkpoint-every} while entries arrive (a cluster job,
 * so on one node at a time), and as soon as the sequencer passes a multiple of
 * {@code checkpoint-every-entries} (on this node's background thread, after the entries' transaction
 * has committed); across nodes the checkpoint table's primary key decides (see {@link AuditCheckpoints}). Not started for
 * the command line, which checkpoints only when asked.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "caseshare.cli", havingValue = "false", matchIfMissing = true)
class CheckpointSchedule implements CheckpointTrigger {

    private static final Logger log = LoggerFactory.getLogger(CheckpointSchedule.class);

    private final AuditCheckpoints checkpoints;
    private final AuditProperties properties;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "audit-checkpoint");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicBoolean queued = new AtomicBoolean();

    CheckpointSchedule(AuditCheckpoints checkpoints, AuditProperties properties) {
        this.checkpoints = checkpoints;
        this.properties = properties;
    }

    /** The timed checkpoint, once across the cluster. */
    @Bean
    ClusterJob auditCheckpointJob() {
        return new ClusterJob("audit-checkpoint", properties.checkpointEvery(), checkpoints::checkpointNow);
    }

    /** A batch that crossed a multiple of checkpoint-every-entries asks for a checkpoint at once. */
    @Override
    public void sequenced(long from, long to) {
        if (to / properties.checkpointEveryEntries() > from / properties.checkpointEveryEntries()) {
            requestCheckpoint();
        }
    }

    /** Coalesces requests: while one is queued, more requests add nothing. */
    void requestCheckpoint() {
        if (queued.compareAndSet(false, true)) {
            worker.execute(() -> {
                queued.set(false);
                try {
                    checkpoints.checkpointNow();
                } catch (RuntimeException e) {
                    log.error("Could not sign an audit checkpoint: {}", e.getMessage(), e);
                }
            });
        }
    }

    @PreDestroy
    void stop() throws InterruptedException {
        worker.shutdown();
        worker.awaitTermination(10, TimeUnit.SECONDS);
    }
}
