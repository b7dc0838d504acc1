package org.caseshare.sharing;

import java.time.Clock;
import java.time.Instant;
import java.time.Year;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

import org.caseshare.audit.AuditEvent;
import org.caseshare.audit.AuditTrail;
import org.caseshare.directory.TelephoneNumber;
import org.caseshare.identity.Role;
import org.caseshare.system.Actor;
import org.caseshare.system.Catalogue;
import org.caseshare.system.Dates;
import org.caseshare.system.NotFoundException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The sharing module's API: records decisions and moves them through their lifecycle, each change
 * and its audit entry in one transaction. Another organisation's records are ‘not found’.
 */
@Service
public class SharingRegister {

    /** A form submitted: the record it made (or had already made), or what is wrong with it. */
    public record Created(UUID id, Map<String, String> errors, boolean alreadyRecorded) {
        public boolean valid() {
            return errors.isEmpty();
        }
    }

    private final SharingRecords records;
    private final ShareFormReader reader;
    private final AuditTrail audit;
    private final Clock clock;
    private final TransactionTemplate transaction;
    private final References references;
    private final LifecycleEvents lifecycle;

    SharingRegister(SharingRecords records, References references, ShareFormReader reader, AuditTrail audit, Clock clock,
            PlatformTransactionManager transactions, LifecycleEvents lifecycle) {
        this.records = records;
        this.lifecycle = lifecycle;
        this.references = references;
        this.reader = reader;
        this.audit = audit;
        this.clock = clock;
        this.transaction = new TransactionTemplate(transactions);
    }

    /** Records a decision from the form. The form's one-time token makes a second submission find the first record. */
    public Created record(ShareForm form, Actor actor) {
        String token = ShareFormReader.blank(form.formToken()) ? UUID.randomUUID().toString() : form.formToken().strip();
        if (token.length() > 64) {
            return new Created(null, Map.of("formToken", Catalogue.text("sharing.error.form-token")), false);
        }
        var existing = records.findByFormToken(actor.organisationId(), token);
        if (existing.isPresent()) {
            return new Created(existing.get(), Map.of(), true);
        }
        ShareFormReader.Read read = reader.read(form, actor.organisationId());
        if (!read.valid()) {
            return new Created(null, read.errors(), false);
        }
        int year = Year.from(now().atZone(Dates.UK)).getValue();
        references.prepare(actor.organisationId(), year);
        try {
            return transaction.execute(status -> {
                Instant now = now();
                SharingRecord record = SharingRecord.record(UUID.randomUUID(), token, read.content(), read.answer(), actor, now,
                        read.inForce().policy().fullRecordDueAfterEmergency());
                records.insert(record, now);
                audit.record(event("sharing.record-created", actor, record)
                        .with("direction", record.content().direction().name())
                        .with("decision", record.content().decision().name())
                        .with("channel", record.content().channel().name())
                        .with("marking", record.content().marking().name())
                        .with("policyVersion", Integer.toString(record.policy().version().number())));
                if (record.status() == Status.SHARED) {
                    audit.record(event("sharing.shared", actor, record).with("emergency", "true"));
                } else if (record.status() == Status.DECLINED) {
                    audit.record(event("sharing.declined", actor, record));
                }
                lifecycle.recorded(record, references.assign(actor.organisationId(), record.id(), year), now);
                return new Created(record.id(), Map.of(), false);
            });
        } catch (DuplicateKeyException e) {
            return new Created(records.findByFormToken(actor.organisationId(), token).orElseThrow(), Map.of(), true);
        }
    }

    /** Reads the form without saving: the errors and the policy's assessment, for the page beside the channel choice. */
    ShareFormReader.Read check(ShareForm form, UUID organisationId) {
        return reader.read(form, organisationId);
    }

    java.util.Optional<org.caseshare.policy.Assessment> assessment(ShareForm form, UUID organisationId) {
        return reader.assessment(form, organisationId);
    }

    /** The record's checklist in words, in the policy's order, for any page that shows it. */
    public List<org.caseshare.policy.Safeguard> checklist(SharingRecord record) {
        return reader.checklist(record);
    }

    public SharingRecord get(UUID organisationId, UUID id) {
        return records.find(organisationId, id).orElseThrow(() -> new NotFoundException("Sharing record"));
    }

    /**
     * The organisation's latest records by one channel in the given statuses, most recently changed
     * first, at most {@code limit}: for a page that offers them to choose from (the secure hub's
     * "which record is this package for?").
     */
    public List<SharingRecord> latest(UUID organisationId, org.caseshare.policy.Channel channel, java.util.Set<Status> statuses, int limit) {
        return records.latest(organisationId, channel, statuses, limit);
    }

    /** Changes the decision before sharing, or completes the full record of an emergency share. */
    public Map<String, String> revise(UUID id, ShareForm form, Actor actor) {
        SharingRecord current = get(actor.organisationId(), id);
        Integer expected = parseVersion(form.version());
        if (expected != null && expected != current.version()) {
            throw new StaleRecordException();
        }
        ShareFormReader.Read read = reader.read(form, actor.organisationId());
        if (!read.valid()) {
            return read.errors();
        }
        change(actor, id, expected, "sharing.changed", record -> record.revise(read.content(), read.answer(), actor, now()), Map.of());
        return Map.of();
    }

    public SharingRecord authorise(Actor actor, UUID id, Integer version) {
        return change(actor, id, version, "sharing.authorised", r -> r.authorise(actor, now()), Map.of());
    }

    public SharingRecord refuse(Actor actor, UUID id, Integer version, String reason) {
        return change(actor, id, version, "sharing.refused", r -> r.refuse(actor, reason, now()), Map.of());
    }

    public SharingRecord confirmSafeguard(Actor actor, UUID id, Integer version, String safeguardId) {
        return change(actor, id, version, "sharing.safeguard-confirmed", r -> r.confirmSafeguard(safeguardId, actor, now()),
                Map.of("safeguard", safeguardId));
    }

    public SharingRecord recordCallBack(Actor actor, UUID id, Integer version, String number, boolean verified, String note) {
        return change(actor, id, version, verified ? "sharing.caller-verified" : "sharing.caller-not-verified",
                r -> r.recordCallBack(number, verified, note, actor, now()), Map.of());
    }

    public SharingRecord share(Actor actor, UUID id, Integer version) {
        return change(actor, id, version, "sharing.shared", r -> r.share(actor, now()), Map.of());
    }

    /**
     * The checklist page in one step: the call-back (for a request received), every safeguard ticked,
     * and, if asked, sharing — all or nothing, so a refused share leaves the record as it was.
     */
    public SharingRecord completeChecklist(Actor actor, UUID id, Integer version, CallBackInput callBack, List<String> safeguards,
            boolean shareNow) {
        return completeChecklist(actor, id, version, callBack, safeguards, shareNow, false);
    }

    /**
     * As {@link #completeChecklist(Actor, UUID, Integer, CallBackInput, List, boolean)}; with {@code onlyWhenReady}
     * a share that cannot go yet (an authoriser must agree first) is left ready for its checklist page
     * instead of refused, as "Record a share" does when its checklist was ticked on the form.
     */
    public SharingRecord completeChecklist(Actor actor, UUID id, Integer version, CallBackInput callBack, List<String> safeguards,
            boolean shareNow, boolean onlyWhenReady) {
        return transaction.execute(status -> {
            SharingRecord record = load(actor, id, version);
            Status before = record.status();
            Instant now = now();
            if (callBack != null) {
                record.recordCallBack(dialable(callBack.number()), callBack.verified(), callBack.note(), actor, now);
                audit.record(event(callBack.verified() ? "sharing.caller-verified" : "sharing.caller-not-verified", actor, record));
                if (!callBack.verified()) {
                    audit.record(event("sharing.declined", actor, record).with("reason", "caller-not-verified"));
                }
            }
            if (record.status().beforeSharing()) {
                for (String safeguard : safeguards) {
                    if (record.confirmSafeguard(safeguard, actor, now)) {
                        audit.record(event("sharing.safeguard-confirmed", actor, record).with("safeguard", safeguard));
                    }
                }
            }
            if (shareNow && (callBack == null || callBack.verified()) && (!onlyWhenReady || record.readyToShare())) {
                record.share(actor, now);
                audit.record(event("sharing.shared", actor, record));
            }
            records.update(record, now);
            lifecycle.changed(record, before, now);
            return record;
        });
    }

    /**
     * The call-back number as a number in its usual spacing, without a label copied beside it (such as
     * the directory's "(Reception)"), so the record can be searched and dialled. Text that is no
     * telephone number is kept as typed: the record must say what the practitioner wrote.
     */
    static String dialable(String number) {
        if (number == null) {
            return null;
        }
        String bare = number.replaceAll("\\s*\\([^)]*\\)\\s*$", "").strip();
        try {
            return TelephoneNumber.parse(bare).display();
        } catch (IllegalArgumentException e) {
            return number.strip();
        }
    }

    /** What the checklist page says about calling the requester back. */
    public record CallBackInput(String number, boolean verified, String note) {
    }

    public SharingRecord confirmReceipt(Actor actor, UUID id, Integer version) {
        return change(actor, id, version, "sharing.receipt-confirmed", r -> r.confirmReceipt(actor, now()), Map.of());
    }

    /**
     * Receipt confirmed by the recipient's first download of a secure-hub package sent under this
     * record. The recipient works for another organisation, so the record is found by the sender's
     * organisation; only a shared record moves (a record already confirmed or closed is left alone,
     * so a second package under the same record changes nothing). Returns whether it moved.
     */
    boolean confirmReceiptBySecureHub(UUID organisationId, UUID id, UUID recipientAccountId, String recipientName, UUID packageId) {
        Actor recipient = new Actor(recipientAccountId, organisationId, recipientName, Set.of(Role.PARTNER.name()));
        return confirmWhenShared(organisationId, id, record -> true, record -> record.confirmReceipt(recipient, now()),
                record -> event("sharing.receipt-confirmed", recipient, record).with("status", record.status().name())
                        .with("through", "secure-hub").with("package", packageId.toString())).moved();
    }

    /**
     * The information asked for under a "request made" record arrived: the requester's first download
     * of the secure-hub package that answered their request for files. Asking through the hub was the
     * record's share (the request went out), so a shared record moves to receipt confirmed with the
     * requester as actor and a timeline note saying how; anything else (already confirmed, closed, or
     * not a request made) is left alone. Returns whether it moved.
     */
    boolean confirmRequestedFilesReceived(Actor requester, UUID id, UUID fileRequestId, UUID packageId) {
        return confirmWhenShared(requester.organisationId(), id, record -> record.content().direction() == Direction.REQUEST_MADE,
                record -> record.confirmReceipt(requester, now(), "The files asked for were received through the secure hub"),
                record -> event("sharing.receipt-confirmed", requester, record).with("status", record.status().name())
                        .with("through", "secure-hub-request").with("request", fileRequestId.toString()).with("package", packageId.toString()))
                .moved();
    }

    /**
     * The recipient confirmed receipt themselves, by a single-use link sent to them (the channels
     * module checks the link). They have no account, so the record names them by role, and the audit
     * entry's actor is {@value #RECIPIENT_ACTOR}. Already confirmed is left as it is.
     */
    SharingRecord confirmReceiptByRecipient(UUID organisationId, UUID id) {
        Actor recipient = new Actor(new UUID(0, 0), organisationId, "The recipient, by confirmation link", java.util.Set.of());
        return confirmWhenShared(organisationId, id, record -> true, record -> record.confirmReceipt(recipient, now()),
                record -> AuditEvent.success("sharing.receipt-confirmed", RECIPIENT_ACTOR, organisationId, "sharing-record:" + id)
                        .with("status", record.status().name()).with("by", "recipient-link")).record();
    }

    /** A record after an attempt to confirm its receipt, and whether it moved. */
    private record Confirmation(SharingRecord record, boolean moved) {
    }

    /**
     * The one way receipt is confirmed from outside the record's page (secure-hub download, answered
     * request for files, recipient's link): in one transaction, a record that is shared and {@code applies}
     * is confirmed, stored and audited; anything else is left as it is.
     */
    private Confirmation confirmWhenShared(UUID organisationId, UUID id, java.util.function.Predicate<SharingRecord> applies,
            java.util.function.Consumer<SharingRecord> confirm, java.util.function.Function<SharingRecord, AuditEvent> entry) {
        return transaction.execute(status -> {
            SharingRecord record = get(organisationId, id);
            if (record.status() != Status.SHARED || !applies.test(record)) {
                return new Confirmation(record, false);
            }
            confirm.accept(record);
            records.update(record, now());
            audit.record(entry.apply(record));
            lifecycle.changed(record, Status.SHARED, now());
            return new Confirmation(record, true);
        });
    }

    /** The audit actor for what a recipient does through a link, without an account. */
    public static final String RECIPIENT_ACTOR = "recipient-link";

    public SharingRecord close(Actor actor, UUID id, Integer version) {
        return change(actor, id, version, "sharing.closed", r -> r.close(actor, now()), Map.of());
    }

    public SharingRecord decline(Actor actor, UUID id, Integer version, String reasons) {
        return change(actor, id, version, "sharing.declined", r -> r.decline(actor, reasons, now()), Map.of());
    }

    public SharingRecord cancel(Actor actor, UUID id, Integer version, String reason) {
        return change(actor, id, version, "sharing.cancelled", r -> r.cancel(actor, reason, now()), Map.of());
    }

    private SharingRecord change(Actor actor, UUID id, Integer version, String action, Consumer<SharingRecord> verb, Map<String, String> details) {
        return transaction.execute(status -> {
            SharingRecord record = load(actor, id, version);
            Status before = record.status();
            verb.accept(record);
            records.update(record, now());
            lifecycle.changed(record, before, now());
            AuditEvent entry = event(action, actor, record).with("status", record.status().name());
            for (var detail : details.entrySet()) {
                entry = entry.with(detail.getKey(), detail.getValue());
            }
            audit.record(entry);
            return record;
        });
    }

    private SharingRecord load(Actor actor, UUID id, Integer version) {
        SharingRecord record = get(actor.organisationId(), id);
        if (version != null && version != record.version()) {
            throw new StaleRecordException();
        }
        return record;
    }

    static Integer parseVersion(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(text.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static AuditEvent event(String action, Actor actor, SharingRecord record) {
        return AuditEvent.success(action, actor.accountId().toString(), actor.organisationId(), "sharing-record:" + record.id());
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
