package org.caseshare.audit;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.TreeMap;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import tools.jackson.databind.json.JsonMapper;

/**
 * Appends to the audit trail. Call {@link #record} inside the transaction of the change it records:
 * the entry then commits or rolls back with it.
 */
@Service
public class AuditTrail {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;
    private final Clock clock;
    private final int checkpointEveryEntries;
    private final ObjectProvider<CheckpointTrigger> checkpoints;
    private final ObjectProvider<AuditKeys> keys;

    public AuditTrail(JdbcClient jdbc, Clock clock, AuditProperties properties, ObjectProvider<CheckpointTrigger> checkpoints,
            ObjectProvider<AuditKeys> keys) {
        this.keys = keys;
        this.jdbc = jdbc;
        this.clock = clock;
        this.checkpointEveryEntries = properties.checkpointEveryEntries();
        this.checkpoints = checkpoints;
    }

    @Transactional
    public long record(AuditEvent event) {
        // Locks the head row until this transaction ends: writers on every node queue here, so the
        // sequence has no gaps and no forks.
        jdbc.sql("update audit_head set last_seq = last_seq + 1 where id = 1").update();
        long seq = jdbc.sql("select last_seq from audit_head where id = 1").query(Long.class).single();
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        AuditEntry entry = new AuditEntry(seq, now, event.actorId(), event.organisationId(), event.action(), event.target(),
                event.outcome().name(), clientAddress(), event.details().isEmpty() ? null : JSON.writeValueAsString(new TreeMap<>(event.details())));
        jdbc.sql("""
                insert into audit_entry (seq, occurred_at, actor_id, organisation_id, action, target, outcome, client_address, details, signature)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(seq, Timestamp.from(now), entry.actorId(), entry.organisationId(), entry.action(), entry.target(),
                        entry.outcome(), entry.clientAddress(), entry.details(), keys.getObject().signEntry(entry))
                .update();
        if (seq % checkpointEveryEntries == 0) {
            checkpointAfterCommit(seq);
        }
        return seq;
    }

    /** The checkpoint must not see, or sign, an entry whose transaction might still roll back. */
    private void checkpointAfterCommit(long seq) {
        CheckpointTrigger trigger = checkpoints.getIfAvailable();
        if (trigger != null && TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    trigger.entryCommitted(seq);
                }
            });
        }
    }

    /** The latest entries of one organisation, newest first. */
    public List<AuditEntry> latest(UUID organisationId, int limit) {
        return jdbc.sql("select * from audit_entry where organisation_id = ? order by seq desc limit ?")
                .params(organisationId, limit).query(AuditEntries::map).list();
    }

    /** The latest entries with one action (for tests and the security overview). */
    public List<AuditEntry> latestWithAction(String action, int limit) {
        return jdbc.sql("select * from audit_entry where action = ? order by seq desc limit ?")
                .params(action, limit).query(AuditEntries::map).list();
    }

    private static String clientAddress() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            HttpServletRequest request = attributes.getRequest();
            return request.getRemoteAddr();
        }
        return null;
    }
}
