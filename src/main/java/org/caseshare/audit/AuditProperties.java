package org.caseshare.audit;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the audit trail's sequencer and checkpoints.
 *
 * @param checkpointEveryEntries a checkpoint is signed as soon as the sequence reaches a multiple of this
 * @param checkpointEvery        and at this interval whenever entries arrived since the last one
 * @param origin                 the log's name in checkpoints (and the key's name); blank means
 *                               {@code <host of caseshare.base-url>/audit}. Fixed once the key exists.
 * @param sequencerPoll          how often each node looks for entries that other nodes committed (its own
 *                               wake the sequencer at once); about the longest an entry waits for its place
 * @param maxBacklog             entries waiting for a number beyond which writers pause after their commit
 * @param maxBacklogWait         the longest one writer pauses for it
 */
@ConfigurationProperties("caseshare.audit")
public record AuditProperties(int checkpointEveryEntries, Duration checkpointEvery, String origin,
        Duration sequencerPoll, int maxBacklog, Duration maxBacklogWait) {

    public AuditProperties {
        if (checkpointEveryEntries <= 0) {
            checkpointEveryEntries = 1000;
        }
        if (checkpointEvery == null || checkpointEvery.isZero() || checkpointEvery.isNegative()) {
            checkpointEvery = Duration.ofMinutes(5);
        }
        if (sequencerPoll == null || sequencerPoll.isZero() || sequencerPoll.isNegative()) {
            sequencerPoll = Duration.ofMillis(200);
        }
        if (maxBacklog <= 0) {
            maxBacklog = 3_000;
        }
        if (maxBacklogWait == null || maxBacklogWait.isNegative()) {
            maxBacklogWait = Duration.ofSeconds(2);
        }
    }
}
