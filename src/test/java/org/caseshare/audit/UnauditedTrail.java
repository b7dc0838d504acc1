package org.caseshare.audit;

import java.time.Clock;
import java.util.UUID;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * For bench/audit only: the trail with its writes taken out, so that the same change can be measured
 * with and without its audit entries (the difference is what the trail costs).
 */
public class UnauditedTrail extends AuditTrail {

    UnauditedTrail(JdbcClient jdbc, Clock clock, AuditSeals seals, PendingWatch watch, AuditSequencer sequencer, AuditBacklog backlog,
            ApplicationEventPublisher events) {
        super(jdbc, clock, seals, watch, sequencer, backlog, events);
    }

    @Override
    public UUID record(AuditEvent event) {
        return UUID.randomUUID();
    }

    /**
     * Pass this as a source of a bench's application to run a context whose changes write no audit
     * entries. Deliberately not a {@code @Configuration}: component scanning would then put it in
     * every test context.
     */
    public static class Instead {

        @Bean
        @Primary
        AuditTrail unauditedTrail(JdbcClient jdbc, Clock clock, AuditSeals seals, PendingWatch watch, AuditSequencer sequencer,
                AuditBacklog backlog, ApplicationEventPublisher events) {
            return new UnauditedTrail(jdbc, clock, seals, watch, sequencer, backlog, events);
        }
    }
}
