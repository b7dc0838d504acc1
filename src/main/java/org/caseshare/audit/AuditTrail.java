package org.caseshare.audit;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.locks.LockSupport;

import com.fasterxml.uuid.Generators;
import com.fasterxml.uuid.NoArgGenerator;
import jakarta.servlet.http.HttpServletRequest;
import org.caseshare.system.AfterConnectionRelease;
import org.caseshare.system.SignInMethod;
import org.springframework.context.ApplicationEventPublisher;
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
 * the entry then commits or rolls back with it. The entry is written sealed and unsequenced, so
 * writers on every node touch no shared row; the {@link AuditSequencer} gives it its place in the
 * tree shortly after commit (ADR 0012). Readers of this class see it at once.
 */
@Service
public class AuditTrail {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    /**
     * Entry ids are UUIDv7 (RFC 9562): a millisecond timestamp, then a part that this node increments
     * within the millisecond, then random bits. Time-ordered ids land at the right-hand end of the
     * pending table's and the trail's id indexes instead of on a random page (less I/O and WAL per
     * audited change), and ordering by id is the order entries were written in, so the sequencer
     * needs no second index on the pending table (ADR 0012). Ids are not secrets: receipts check
     * who asks.
     */
    private static final NoArgGenerator IDS = Generators.timeBasedEpochGenerator();
    private static final String VIA = "via";
    private static final String COLUMNS = "occurred_at, actor_id, organisation_id, action, target, outcome, client_address, details";

    private final JdbcClient jdbc;
    private final Clock clock;
    private final AuditSeals seals;
    private final PendingWatch watch;
    private final AuditSequencer sequencer;
    /** One instance, so a transaction that records many entries pauses once, not once for each. */
    private final Runnable pauseWhileBehind;
    private final ApplicationEventPublisher events;

    AuditTrail(JdbcClient jdbc, Clock clock, AuditSeals seals, PendingWatch watch, AuditSequencer sequencer, AuditBacklog backlog,
            ApplicationEventPublisher events) {
        this.pauseWhileBehind = backlog::pauseWhileBehind;
        this.events = events;
        this.jdbc = jdbc;
        this.clock = clock;
        this.seals = seals;
        this.watch = watch;
        this.sequencer = sequencer;
    }

    /** Writes the entry in the caller's transaction (or one of its own) and returns its id. */
    @Transactional
    public UUID record(AuditEvent event) {
        event = withVia(event);
        long started = System.nanoTime();
        PendingEntry entry = new PendingEntry(IDS.generate(), clock.instant().truncatedTo(ChronoUnit.MICROS), event.actorId(),
                event.organisationId(), event.action(), event.target(), event.outcome().name(), clientAddress(),
                event.details().isEmpty() ? null : JSON.writeValueAsString(new TreeMap<>(event.details())));
        jdbc.sql("insert into audit_pending (id, " + COLUMNS + ", seal) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(entry.id(), Timestamp.from(entry.occurredAt()), entry.actorId(), entry.organisationId(), entry.action(),
                        entry.target(), entry.outcome(), entry.clientAddress(), entry.details(), seals.seal(entry))
                .update();
        afterCommit(entry.id(), new AuditRecorded(event.action(), event.outcome(), event.details(), System.nanoTime() - started));
        return entry.id();
    }

    /**
     * Only a committed entry is watched for, worth waking the sequencer for, and counted. The pause
     * for a sequencer that is behind waits until the writer's connection is back in the pool: here,
     * after commit, the connection is still taken, and the sequencer needs one to catch up.
     */
    private void afterCommit(UUID id, AuditRecorded recorded) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    events.publishEvent(recorded);
                    watch.committed(id);
                    sequencer.nudge();
                    AfterConnectionRelease.run(pauseWhileBehind);
                }
            });
        }
    }

    /**
     * The sequence number of a committed entry, sequencing what is pending first if this node may;
     * waits up to {@code limit} while another node's sequencer gives it its place. For commands and
     * tests that must name an entry's place in the tree.
     */
    public long sequenceOf(UUID id, Duration limit) {
        long deadline = System.nanoTime() + limit.toNanos();
        while (true) {
            sequencer.sequencePending();
            Optional<Long> seq = jdbc.sql("select seq from audit_entry where pending_id = ?").param(id).query(Long.class).optional();
            if (seq.isPresent()) {
                return seq.get();
            }
            if (System.nanoTime() - deadline > 0) {
                throw new IllegalStateException("audit entry " + id + " has no sequence number after " + limit);
            }
            LockSupport.parkNanos(10_000_000L);
        }
    }

    /** The latest entries of one organisation, newest first, sequenced or not yet. */
    public List<AuditEntry> latest(UUID organisationId, int limit) {
        return jdbc.sql(AuditEntries.BOTH.formatted("organisation_id = ?", "organisation_id = ?") + " limit ?")
                .params(organisationId, organisationId, limit).query(AuditEntries::map).list();
    }

    /** The latest entries with one action (for tests and the security overview), sequenced or not yet. */
    public List<AuditEntry> latestWithAction(String action, int limit) {
        return jdbc.sql(AuditEntries.BOTH.formatted("action = ?", "action = ?") + " limit ?")
                .params(action, action, limit).query(AuditEntries::map).list();
    }

    /**
     * Every entry a request makes says how the person came in (identity marks it: see
     * {@link SignInMethod}); an event that names its own {@code via} keeps it.
     */
    private static AuditEvent withVia(AuditEvent event) {
        if (event.details().containsKey(VIA)
                || !(RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes)) {
            return event;
        }
        return SignInMethod.of(attributes.getRequest()).map(method -> event.with(VIA, method.via())).orElse(event);
    }

    private static String clientAddress() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            HttpServletRequest request = attributes.getRequest();
            return request.getRemoteAddr();
        }
        return null;
    }
}
