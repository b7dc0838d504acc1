package org.caseshare.retention;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.caseshare.audit.AuditEvent;
import org.caseshare.audit.AuditTrail;
import org.caseshare.decision.PolicyVersions;
import org.caseshare.directory.Directory;
import org.caseshare.directory.Organisation;
import org.caseshare.identity.Role;
import org.caseshare.policy.RetentionKind;
import org.caseshare.policy.RetentionRule;
import org.caseshare.policy.RetentionSchedule;
import org.caseshare.sharing.SharingErasure;
import org.caseshare.system.Actor;
import org.caseshare.system.NotFoundException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The retention module's API: lists what is due under each organisation's policy, deletes it once
 * a data protection officer approves (or at once, where the policy says automatic), keeps legal
 * holds, and erases one person's records on request. Only a DPO of the organisation acts; another
 * organisation's records are ‘not found’.
 */
@Service
public class Retention {

    /** The register's kinds this module deletes today; incidents, custody and hub packages follow. */
    static final List<RetentionKind> KINDS = List.of(RetentionKind.SHARE, RetentionKind.DECISION_NOT_TO_SHARE, RetentionKind.REQUEST_RECEIVED);
    private static final String SYSTEM = "system";

    /** The outcome of an erasure request: the certificate, or the holds that refused it (record id → reason). */
    public record Erasure(Optional<UUID> certificateId, int deleted, Map<UUID, String> refusedByHolds) {
        public boolean refused() {
            return !refusedByHolds.isEmpty();
        }
    }

    private final RetentionStore store;
    private final Deletions deletions;
    private final SharingErasure erasure;
    private final PolicyVersions policies;
    private final Directory directory;
    private final AuditTrail audit;
    private final Clock clock;
    private final RetentionProperties properties;
    private final TransactionTemplate transaction;

    Retention(RetentionStore store, Deletions deletions, SharingErasure erasure, PolicyVersions policies, Directory directory,
            AuditTrail audit, Clock clock, RetentionProperties properties, PlatformTransactionManager transactions) {
        this.store = store;
        this.deletions = deletions;
        this.erasure = erasure;
        this.policies = policies;
        this.directory = directory;
        this.audit = audit;
        this.clock = clock;
        this.properties = properties;
        this.transaction = new TransactionTemplate(transactions);
    }

    /** The daily job: for every organisation, lists what is due; deletes it where the policy says automatic. */
    public void runDaily() {
        for (Organisation organisation : directory.organisations()) {
            if (organisation.tenant()) {
                listDue(organisation.id());
            }
        }
    }

    /** Lists one organisation's due records; returns how many were newly listed. */
    public int listDue(UUID organisationId) {
        RetentionSchedule schedule = policies.current(organisationId).policy().retention();
        Instant now = clock.instant();
        int listed = 0;
        List<UUID> automatic = new ArrayList<>();
        for (RetentionKind kind : KINDS) {
            RetentionRule rule = schedule.rule(kind);
            SharingErasure.Closed after = null;
            while (true) {
                List<SharingErasure.Closed> page = erasure.closedBy(organisationId, kind, rule.closedOnOrBefore(now), after, properties.batchSize());
                if (page.isEmpty()) {
                    break;
                }
                Integer added = transaction.execute(status -> {
                    int n = 0;
                    for (SharingErasure.Closed closed : page) {
                        n += store.listDue(organisationId, closed, rule.dueAt(closed.closedAt()), now) ? 1 : 0;
                    }
                    return n;
                });
                listed += added == null ? 0 : added;
                if (rule.automatic()) {
                    page.forEach(closed -> automatic.add(closed.id()));
                }
                after = page.get(page.size() - 1);
            }
        }
        if (listed > 0) {
            audit.record(AuditEvent.success("retention.listed", SYSTEM, organisationId, "retention-due").with("records", Integer.toString(listed)));
        }
        if (!automatic.isEmpty()) {
            UUID certificate = deletions.certificate(organisationId, Deletions.SCHEDULE, null, SYSTEM);
            deletions.delete(organisationId, automatic, certificate, Deletions.SCHEDULE, SYSTEM);
        }
        return listed;
    }

    /** The review list, oldest due first, with holds. */
    public List<RetentionStore.Due> due(Actor dpo, int limit) {
        requireDpo(dpo);
        return store.due(dpo.organisationId(), limit);
    }

    List<RetentionStore.Certificate> certificates(Actor dpo) {
        requireDpo(dpo);
        return store.certificates(dpo.organisationId(), 20);
    }

    /**
     * Deletes the chosen listed records (all listed, unheld, if {@code recordIds} is empty and
     * {@code all}); returns the certificate. A record not on the list is not deleted.
     */
    public UUID approve(Actor dpo, List<UUID> recordIds, boolean all) {
        requireDpo(dpo);
        UUID org = dpo.organisationId();
        List<UUID> chosen = all ? store.dueUnheld(org, Integer.MAX_VALUE) : recordIds.stream().filter(id -> store.isDue(org, id)).toList();
        UUID certificate = deletions.certificate(org, Deletions.SCHEDULE, dpo.accountId(), dpo.actorId());
        deletions.delete(org, chosen, certificate, Deletions.SCHEDULE, dpo.actorId());
        return certificate;
    }

    /** Puts a legal hold on a record, with the DPO's reason. */
    public void hold(Actor dpo, UUID recordId, String reason) {
        requireDpo(dpo);
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("Enter why the record is on hold.");
        }
        if (reason.strip().length() > 1000) {
            throw new IllegalArgumentException("The reason must be 1000 characters or fewer.");
        }
        RetentionKind kind = erasure.kindOf(dpo.organisationId(), recordId).orElseThrow(() -> new NotFoundException("No such record."));
        transaction.executeWithoutResult(status -> {
            boolean added = store.hold(dpo.organisationId(), recordId, kind, reason.strip(), dpo.accountId(), clock.instant());
            audit.record(AuditEvent.success("retention.hold-set", dpo.actorId(), dpo.organisationId(), "sharing-record:" + recordId)
                    .with("kind", kind.name()).with("replaced", Boolean.toString(!added)));
        });
    }

    /** Lifts a legal hold. */
    public void release(Actor dpo, UUID recordId) {
        requireDpo(dpo);
        transaction.executeWithoutResult(status -> {
            if (!store.release(dpo.organisationId(), recordId)) {
                throw new NotFoundException("That record has no hold.");
            }
            audit.record(AuditEvent.success("retention.hold-released", dpo.actorId(), dpo.organisationId(), "sharing-record:" + recordId));
        });
    }

    /** The hold on a record, if any. */
    public Optional<String> holdOn(Actor dpo, UUID recordId) {
        requireDpo(dpo);
        return store.holdReason(dpo.organisationId(), recordId);
    }

    /**
     * Erases every register record about one person (found as the register's subject search finds
     * them: exact case reference, else exact name). Refused as a whole, with each hold's reason, if
     * any of them is held.
     */
    public Erasure erase(Actor dpo, String reference, String name) {
        requireDpo(dpo);
        UUID org = dpo.organisationId();
        List<UUID> records = erasure.about(org, reference, name);
        Map<UUID, String> holds = new LinkedHashMap<>(store.holds(org, records));
        if (!holds.isEmpty()) {
            audit.record(new AuditEvent("retention.erasure-refused", dpo.actorId(), org, "retention-erasure", AuditEvent.Outcome.DENIED, Map.of())
                    .with("records", Integer.toString(records.size())).with("held", Integer.toString(holds.size())));
            return new Erasure(Optional.empty(), 0, holds);
        }
        UUID certificate = deletions.certificate(org, Deletions.ERASURE, dpo.accountId(), dpo.actorId());
        int deleted = deletions.delete(org, records, certificate, Deletions.ERASURE, dpo.actorId());
        return new Erasure(Optional.of(certificate), deleted, Map.of());
    }

    /** The certificate as text: what was deleted (ids, kinds, counts, dates), never the personal data. */
    public String certificateText(Actor dpo, UUID id) {
        requireDpo(dpo);
        RetentionStore.Certificate certificate = store.certificate(dpo.organisationId(), id)
                .orElseThrow(() -> new NotFoundException("No such certificate."));
        String text = CertificateText.render(directory.organisation(dpo.organisationId()).map(Organisation::name).orElse(""), certificate,
                store.tombstones(dpo.organisationId(), id));
        audit.record(AuditEvent.success("retention.certificate-downloaded", dpo.actorId(), dpo.organisationId(), "retention-certificate:" + id));
        return text;
    }

    private static void requireDpo(Actor actor) {
        if (!Role.DATA_PROTECTION_OFFICER.heldBy(actor)) {
            throw new AccessDeniedException("Only a data protection officer manages retention.");
        }
    }
}
