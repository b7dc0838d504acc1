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

    /** Every kind of record: the register's three, incidents, custody items and hub packages. */
    static final List<RetentionKind> KINDS = List.of(RetentionKind.values());
    private static final String SYSTEM = "system";

    /** The outcome of an erasure request: the certificate, or the holds that refused it (record id → reason). */
    public record Erasure(Optional<UUID> certificateId, int deleted, Map<UUID, String> refusedByHolds) {
        public boolean refused() {
            return !refusedByHolds.isEmpty();
        }
    }

    private final RetentionStore store;
    private final Deletions deletions;
    private final RecordKinds kinds;
    private final PersonHolds personHolds;
    private final PolicyVersions policies;
    private final Directory directory;
    private final AuditTrail audit;
    private final Clock clock;
    private final RetentionProperties properties;
    private final TransactionTemplate transaction;

    Retention(RetentionStore store, Deletions deletions, RecordKinds kinds, PersonHolds personHolds, PolicyVersions policies,
            Directory directory, AuditTrail audit, Clock clock, RetentionProperties properties, PlatformTransactionManager transactions) {
        this.store = store;
        this.deletions = deletions;
        this.kinds = kinds;
        this.personHolds = personHolds;
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

    /**
     * Lists one organisation's due records of every kind; returns how many were newly listed. A
     * record a hold on a person covers is not listed at all.
     */
    public int listDue(UUID organisationId) {
        RetentionSchedule schedule = policies.current(organisationId).policy().retention();
        Instant now = clock.instant();
        Map<UUID, String> heldPeople = personHolds.covered(organisationId);
        int[] listed = {0};
        List<Target> automatic = new ArrayList<>();
        for (RetentionKind kind : KINDS) {
            RetentionRule rule = schedule.rule(kind);
            kinds.closedBy(organisationId, kind, rule.closedOnOrBefore(now), properties.batchSize(), page -> {
                List<RecordKinds.Listed> free = page.stream().filter(closed -> !heldPeople.containsKey(closed.id())).toList();
                Integer added = transaction.execute(status -> {
                    int n = 0;
                    for (RecordKinds.Listed closed : free) {
                        n += store.listDue(organisationId, closed, rule.dueAt(closed.closedAt()), now) ? 1 : 0;
                    }
                    return n;
                });
                listed[0] += added == null ? 0 : added;
                if (rule.automatic()) {
                    free.forEach(closed -> automatic.add(closed.target()));
                }
            });
        }
        if (listed[0] > 0) {
            audit.record(AuditEvent.success("retention.listed", SYSTEM, organisationId, "retention-due").with("records", Integer.toString(listed[0])));
        }
        if (!automatic.isEmpty()) {
            UUID certificate = deletions.certificate(organisationId, Deletions.SCHEDULE, null, SYSTEM);
            deletions.delete(organisationId, automatic, certificate, Deletions.SCHEDULE, SYSTEM);
        }
        return listed[0];
    }

    /** The review list, oldest due first, with holds. */
    public List<RetentionStore.Due> due(Actor dpo, int limit) {
        requireDpo(dpo);
        Map<UUID, String> heldPeople = personHolds.covered(dpo.organisationId());
        return store.due(dpo.organisationId(), limit).stream()
                .map(d -> d.held() || !heldPeople.containsKey(d.recordId()) ? d : d.heldBy(heldPeople.get(d.recordId()))).toList();
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
        List<Target> chosen = all ? store.dueUnheld(org, Integer.MAX_VALUE)
                : recordIds.stream().map(id -> store.listed(org, id)).flatMap(Optional::stream).toList();
        UUID certificate = deletions.certificate(org, Deletions.SCHEDULE, dpo.accountId(), dpo.actorId());
        deletions.delete(org, chosen, certificate, Deletions.SCHEDULE, dpo.actorId());
        return certificate;
    }

    /** Puts a legal hold on a record, with the DPO's reason. */
    public void hold(Actor dpo, UUID recordId, String reason) {
        requireDpo(dpo);
        String why = checkedReason(reason);
        RetentionKind kind = kinds.kindOf(dpo.organisationId(), recordId).orElseThrow(() -> new NotFoundException("No such record."));
        transaction.executeWithoutResult(status -> {
            boolean added = store.hold(dpo.organisationId(), recordId, kind, why, dpo.accountId(), clock.instant());
            audit.record(AuditEvent.success("retention.hold-set", dpo.actorId(), dpo.organisationId(), new Target(recordId, kind).auditTarget())
                    .with("kind", kind.name()).with("replaced", Boolean.toString(!added)));
        });
    }

    /** Lifts a legal hold. */
    public void release(Actor dpo, UUID recordId) {
        requireDpo(dpo);
        RetentionKind kind = kinds.kindOf(dpo.organisationId(), recordId).orElse(RetentionKind.SHARE);
        transaction.executeWithoutResult(status -> {
            if (!store.release(dpo.organisationId(), recordId)) {
                throw new NotFoundException("That record has no hold.");
            }
            audit.record(AuditEvent.success("retention.hold-released", dpo.actorId(), dpo.organisationId(), new Target(recordId, kind).auditTarget()));
        });
    }

    /**
     * Puts a legal hold on a person, found as the erasure search finds them (exact case reference,
     * else exact name): it covers all their records, including ones made later. Returns the hold's
     * id; the audit entry names the hold by that id, never the person.
     */
    public UUID holdPerson(Actor dpo, String reference, String name, String reason) {
        requireDpo(dpo);
        String ref = reference == null ? "" : reference.strip();
        String who = name == null ? "" : name.strip();
        if (ref.isEmpty() && who.isEmpty()) {
            throw new RetentionInputException("retention.error.person.full-stop");
        }
        if (ref.length() > 100 || who.length() > 200) {
            throw new RetentionInputException("retention.error.person.too-long");
        }
        String why = checkedReason(reason);
        UUID id = UUID.randomUUID();
        transaction.executeWithoutResult(status -> {
            personHolds.place(id, dpo.organisationId(), ref.isEmpty() ? null : ref, ref.isEmpty() ? who : null, why, dpo.accountId(),
                    clock.instant());
            audit.record(AuditEvent.success("retention.person-hold-set", dpo.actorId(), dpo.organisationId(), "retention-person-hold:" + id)
                    .with("by", ref.isEmpty() ? "name" : "reference"));
        });
        return id;
    }

    /** Lifts a hold on a person; the name it held goes with it. */
    public void releasePerson(Actor dpo, UUID holdId) {
        requireDpo(dpo);
        transaction.executeWithoutResult(status -> {
            if (!personHolds.release(dpo.organisationId(), holdId)) {
                throw new NotFoundException("No such hold.");
            }
            audit.record(AuditEvent.success("retention.person-hold-released", dpo.actorId(), dpo.organisationId(),
                    "retention-person-hold:" + holdId));
        });
    }

    List<PersonHolds.PersonHold> personHolds(Actor dpo) {
        requireDpo(dpo);
        return personHolds.list(dpo.organisationId());
    }

    /** The hold on a record, if any. */
    public Optional<String> holdOn(Actor dpo, UUID recordId) {
        requireDpo(dpo);
        return store.holdReason(dpo.organisationId(), recordId);
    }

    /**
     * Erases every record about one person: the register's (found as its subject search finds them:
     * exact case reference, else exact name) and the incidents, custody items and hub packages
     * linked to them. Refused as a whole, with each hold's reason, if any of them is held, on its
     * own or through a hold on a person.
     */
    public Erasure erase(Actor dpo, String reference, String name) {
        requireDpo(dpo);
        UUID org = dpo.organisationId();
        List<Target> records = kinds.about(org, reference, name);
        List<UUID> ids = records.stream().map(Target::id).toList();
        Map<UUID, String> holds = new LinkedHashMap<>(store.holds(org, ids));
        Map<UUID, String> heldPeople = personHolds.covered(org);
        ids.stream().filter(heldPeople::containsKey).forEach(id -> holds.putIfAbsent(id, heldPeople.get(id)));
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

    private static String checkedReason(String reason) {
        if (reason == null || reason.isBlank()) {
            throw new RetentionInputException("retention.error.reason");
        }
        if (reason.strip().length() > 1000) {
            throw new RetentionInputException("retention.error.reason.too-long");
        }
        return reason.strip();
    }

    private static void requireDpo(Actor actor) {
        if (!Role.DATA_PROTECTION_OFFICER.heldBy(actor)) {
            throw new AccessDeniedException("Only a data protection officer manages retention.");
        }
    }
}
