package org.caseshare.audit;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The entries committed and still waiting for their sequence number, across every node: how many, and
 * how long the oldest has waited (the sequencer's integration delay). Monitoring alerts on a delay that
 * grows: the sequencer has stalled and new entries are protected by their seals alone (ADR 0012).
 */
@Component
public class AuditQueue {

    private final JdbcClient jdbc;
    private final Clock clock;

    AuditQueue(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public long waiting() {
        return jdbc.sql("select count(*) from audit_pending").query(Long.class).single();
    }

    /** How long the oldest waiting entry has waited; zero when none waits. */
    public Duration oldestWait() {
        return jdbc.sql("select min(occurred_at) from audit_pending").query(Timestamp.class).optional()
                .map(oldest -> Duration.between(oldest.toInstant(), clock.instant()))
                .filter(wait -> !wait.isNegative()).orElse(Duration.ZERO);
    }
}
