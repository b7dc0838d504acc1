package org.caseshare.sharing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.caseshare.identity.Role;
import org.caseshare.policy.Authoriser;
import org.caseshare.policy.Channel;
import org.caseshare.policy.InformationCategory;
import org.caseshare.policy.Marking;
import org.caseshare.policy.OrganisationType;
import org.caseshare.policy.PolicyVersion;
import org.caseshare.policy.Urgency;
import org.caseshare.system.Actor;
import org.caseshare.system.Text;

/**
 * One case-by-case share, request or decision not to share: the register's aggregate. Its verbs are
 * the only way its state changes, and each refuses what the guide and the policy do not allow — most
 * of all, nothing is marked shared until every safeguard the policy required for the channel is
 * confirmed, the authoriser has agreed, and a caller asking for information has been verified.
 */
public final class SharingRecord {

    /**
     * What was decided when the record was made; fixed unless the decision is edited before sharing.
     * {@code recipientType} is the kind of organisation the policy assessed (null only on records made
     * before it was kept, whose recipient was typed rather than picked from the directory).
     */
    public record Content(Direction direction, List<Subject> subjects, String information,
            Set<InformationCategory> categories, Marking marking, Marking.Descriptor descriptor, Urgency urgency,
            String purpose, SharingDetails details, Decision decision, String decisionReasons, Channel channel,
            Recipient recipient, String numberGiven, String numberCheck, OrganisationType recipientType) {

        public Content {
            Objects.requireNonNull(direction);
            subjects = List.copyOf(subjects);
            if (subjects.isEmpty()) {
                throw new IllegalArgumentException("a record is about at least one person");
            }
            categories = Set.copyOf(categories);
            Objects.requireNonNull(marking);
            Objects.requireNonNull(urgency);
            Objects.requireNonNull(details);
            Objects.requireNonNull(decision);
            Objects.requireNonNull(channel);
            Objects.requireNonNull(recipient);
        }
    }

    /** What the policy said about the chosen channel, stored with the record. */
    public record PolicyAnswer(PolicyVersion version, List<String> requiredSafeguards, Optional<Authoriser> authoriser,
            String summary, boolean minimalRecordFirst) {

        public PolicyAnswer {
            Objects.requireNonNull(version);
            requiredSafeguards = List.copyOf(requiredSafeguards);
            Objects.requireNonNull(authoriser);
        }
    }

    private final UUID id;
    private final UUID organisationId;
    private final String formToken;
    private int version;
    private Content content;
    private PolicyAnswer policy;
    private Status status;
    private final Stamp decidedBy;
    private Stamp authorisation;
    private String refusalReason;
    private CallBack callBack;
    private Instant sharedAt;
    private Instant receiptConfirmedAt;
    private Instant closedAt;
    private Instant fullRecordDue;
    private Instant fullRecordDoneAt;
    private Instant updatedAt;
    private String reference;
    private final Map<String, Stamp> confirmations = new LinkedHashMap<>();
    private final List<TimelineEvent> timeline = new ArrayList<>();
    // What the repository has not written yet.
    private int storedEvents;
    private final Set<String> storedConfirmations = new java.util.HashSet<>();
    private boolean contentChanged;

    private SharingRecord(UUID id, UUID organisationId, String formToken, int version, Content content, PolicyAnswer policy,
            Status status, Stamp decidedBy) {
        this.id = id;
        this.organisationId = organisationId;
        this.formToken = formToken;
        this.version = version;
        this.content = content;
        this.policy = policy;
        this.status = status;
        this.decidedBy = decidedBy;
        this.updatedAt = decidedBy.at();
    }

    /**
     * Records a decision. A decision not to share is complete at once (declined, with its reasons); an
     * emergency share the policy lets go first is shared at once with the full record due later; any
     * other share waits for its authoriser if the policy names one, otherwise it is ready to share.
     */
    public static SharingRecord record(UUID id, String formToken, Content content, PolicyAnswer policy, Actor actor, Instant now,
            java.time.Duration fullRecordDueAfterEmergency) {
        Stamp by = Stamp.of(actor, now);
        Status status = policy.authoriser().isPresent() ? Status.AWAITING_AUTHORISATION : Status.READY;
        SharingRecord record = new SharingRecord(id, actor.organisationId(), formToken, 0, content, policy, status, by);
        record.event("created", by, content.decision().displayName());
        if (!content.decision().shares()) {
            if (content.decision() == Decision.DO_NOT_SHARE) {
                record.status = Status.DECLINED;
                record.event("declined", by, null);
            }
        } else if (content.urgency() == Urgency.EMERGENCY && policy.minimalRecordFirst()) {
            record.status = Status.SHARED;
            record.sharedAt = now;
            record.fullRecordDue = now.plus(fullRecordDueAfterEmergency);
            record.event("shared", by, "Emergency: shared first with a minimal record");
        }
        record.contentChanged = true;
        return record;
    }

    static SharingRecord restore(UUID id, UUID organisationId, String formToken, int version, Content content, PolicyAnswer policy,
            Status status, Stamp decidedBy, Stamp authorisation, String refusalReason, CallBack callBack, Instant sharedAt,
            Instant receiptConfirmedAt, Instant closedAt, Instant fullRecordDue, Instant fullRecordDoneAt, Instant updatedAt,
            Map<String, Stamp> confirmations, List<TimelineEvent> timeline) {
        SharingRecord record = new SharingRecord(id, organisationId, formToken, version, content, policy, status, decidedBy);
        record.authorisation = authorisation;
        record.refusalReason = refusalReason;
        record.callBack = callBack;
        record.sharedAt = sharedAt;
        record.receiptConfirmedAt = receiptConfirmedAt;
        record.closedAt = closedAt;
        record.fullRecordDue = fullRecordDue;
        record.fullRecordDoneAt = fullRecordDoneAt;
        record.updatedAt = updatedAt;
        record.confirmations.putAll(confirmations);
        record.storedConfirmations.addAll(confirmations.keySet());
        record.timeline.addAll(timeline);
        record.storedEvents = timeline.size();
        return record;
    }

    // ---- verbs ----------------------------------------------------------------------------------

    /** The policy's authoriser agrees. A manager authorises a manager's share; a DPO may stand in for the ISO. */
    public void authorise(Actor actor, Instant now) {
        require(status == Status.AWAITING_AUTHORISATION, Text.of("sharing.refused.not-awaiting"));
        requireAuthoriser(actor);
        authorisation = Stamp.of(actor, now);
        status = Status.AUTHORISED;
        event("authorised", authorisation, null);
    }

    /** The authoriser says no, with a reason; nothing is shared. */
    public void refuse(Actor actor, String reason, Instant now) {
        require(status == Status.AWAITING_AUTHORISATION, Text.of("sharing.refused.not-awaiting"));
        requireAuthoriser(actor);
        require(reason != null && !reason.isBlank(), Text.of("sharing.refused.refuse-reason"));
        authorisation = Stamp.of(actor, now);
        refusalReason = reason.strip();
        status = Status.REFUSED;
        event("refused", authorisation, refusalReason);
    }

    /** One item of the checklist is done: stamped with who and when. Confirming twice changes nothing. */
    public boolean confirmSafeguard(String safeguardId, Actor actor, Instant now) {
        require(policy.requiredSafeguards().contains(safeguardId), Text.of("sharing.refused.unknown-safeguard"));
        require(status.beforeSharing(), Text.of("sharing.refused.checklist-after-sharing"));
        if (confirmations.containsKey(safeguardId)) {
            return false;
        }
        Stamp by = Stamp.of(actor, now);
        confirmations.put(safeguardId, by);
        event("safeguard-confirmed", by, safeguardId);
        return true;
    }

    /**
     * For a request received: the result of calling the requester back on their organisation's
     * switchboard. A caller who cannot be verified is declined, and that is recorded.
     */
    public void recordCallBack(String number, boolean verified, String note, Actor actor, Instant now) {
        require(content.direction() == Direction.REQUEST_RECEIVED, Text.of("sharing.refused.call-back-not-request"));
        require(status.beforeSharing(), Text.of("sharing.refused.call-back-after-sharing"));
        require(number != null && !number.isBlank(), Text.of("sharing.refused.call-back-number"));
        Stamp by = Stamp.of(actor, now);
        callBack = new CallBack(number.strip(), verified, by);
        event(verified ? "caller-verified" : "caller-not-verified", by, null);
        if (!verified) {
            status = Status.DECLINED;
            refusalReason = note == null || note.isBlank() ? "The caller's identity could not be verified by calling back." : note.strip();
            event("declined", by, refusalReason);
        }
    }

    /** The information went. Refused unless authorised (if needed), verified (if asked for) and every safeguard confirmed. */
    public void share(Actor actor, Instant now) {
        require(content.decision().shares(), Text.of("sharing.refused.decision-not-to-share"));
        require(status == Status.READY || status == Status.AUTHORISED, switch (status) {
            case AWAITING_AUTHORISATION -> Text.of("sharing.refused.must-be-authorised." + policy.authoriser().map(Authoriser::name).orElse("ANY"));
            default -> Text.of("sharing.refused.cannot-share." + status.name());
        });
        if (content.direction() == Direction.REQUEST_RECEIVED) {
            require(callBack != null && callBack.verified(), Text.of("sharing.refused.call-back-first"));
        }
        List<String> missing = unconfirmedSafeguards();
        require(missing.isEmpty(), Text.of("sharing.refused.unconfirmed", String.join(", ", missing)));
        Stamp by = Stamp.of(actor, now);
        sharedAt = now;
        status = Status.SHARED;
        event("shared", by, null);
    }

    public void confirmReceipt(Actor actor, Instant now) {
        confirmReceipt(actor, now, null);
    }

    /** Receipt confirmed, with a note on the timeline saying how (for example, through the secure hub). */
    public void confirmReceipt(Actor actor, Instant now, String note) {
        require(status == Status.SHARED, Text.of("sharing.refused.receipt-before-sharing"));
        receiptConfirmedAt = now;
        status = Status.RECEIPT_CONFIRMED;
        event("receipt-confirmed", Stamp.of(actor, now), note);
    }

    public void close(Actor actor, Instant now) {
        require(status == Status.RECEIPT_CONFIRMED || status == Status.SHARED, Text.of("sharing.refused.close-unshared"));
        require(fullRecordDue == null || fullRecordDoneAt != null, Text.of("sharing.refused.close-full-record"));
        closedAt = now;
        status = Status.CLOSED;
        event("closed", Stamp.of(actor, now), null);
    }

    /** A decision not to share, taken before anything went: recorded with its reasons. */
    public void decline(Actor actor, String reasons, Instant now) {
        require(status.beforeSharing(), Text.of("sharing.refused.decline-shared"));
        require(reasons != null && !reasons.isBlank(), Text.of("sharing.refused.decline-reason"));
        refusalReason = reasons.strip();
        status = Status.DECLINED;
        event("declined", Stamp.of(actor, now), refusalReason);
    }

    public void cancel(Actor actor, String reason, Instant now) {
        require(status.beforeSharing(), Text.of("sharing.refused.cancel-shared"));
        status = Status.CANCELLED;
        event("cancelled", Stamp.of(actor, now), reason == null || reason.isBlank() ? null : reason.strip());
    }

    /**
     * Replaces the decision's content (the same form as recording it). Before sharing, a new policy
     * answer may send the record back for authorisation; after an emergency share it completes the
     * full record.
     */
    public void revise(Content revised, PolicyAnswer answer, Actor actor, Instant now) {
        boolean completingEmergency = fullRecordDue != null && fullRecordDoneAt == null;
        require(status.beforeSharing() || completingEmergency, Text.of("sharing.refused.no-change"));
        Stamp by = Stamp.of(actor, now);
        if (completingEmergency) {
            require(revised.channel() == content.channel(), Text.of("sharing.refused.emergency-channel"));
            content = revised;
            fullRecordDoneAt = now;
            event("full-record-completed", by, null);
        } else {
            content = revised;
            boolean needsAuthorisation = answer.authoriser().isPresent();
            boolean newAuthoriser = !answer.authoriser().equals(policy.authoriser());
            policy = answer;
            confirmations.keySet().retainAll(answer.requiredSafeguards());
            if (needsAuthorisation && (status == Status.READY || newAuthoriser)) {
                status = Status.AWAITING_AUTHORISATION;
                authorisation = null;
            } else if (!needsAuthorisation) {
                status = Status.READY;
                authorisation = null;
            }
            event("changed", by, null);
        }
        contentChanged = true;
    }

    // ---- reading --------------------------------------------------------------------------------

    public List<String> unconfirmedSafeguards() {
        return policy.requiredSafeguards().stream().filter(s -> !confirmations.containsKey(s)).toList();
    }

    public boolean fullRecordOverdue(Instant now) {
        return fullRecordDue != null && fullRecordDoneAt == null && now.isAfter(fullRecordDue);
    }

    /** Whether {@link #share} would succeed now: a decision to share, authorised if needed, caller verified, checklist done. */
    public boolean readyToShare() {
        return content.decision().shares() && (status == Status.READY || status == Status.AUTHORISED) && !needsCallBack()
                && unconfirmedSafeguards().isEmpty();
    }

    public boolean needsCallBack() {
        return content.direction() == Direction.REQUEST_RECEIVED && (callBack == null || !callBack.verified());
    }

    public UUID id() { return id; }
    public UUID organisationId() { return organisationId; }
    public String formToken() { return formToken; }
    public int version() { return version; }
    public Content content() { return content; }
    public PolicyAnswer policy() { return policy; }
    public Status status() { return status; }
    public Stamp decidedBy() { return decidedBy; }
    public Optional<Stamp> authorisation() { return Optional.ofNullable(authorisation); }
    public Optional<String> refusalReason() { return Optional.ofNullable(refusalReason); }
    public Optional<CallBack> callBack() { return Optional.ofNullable(callBack); }
    public Optional<Instant> sharedAt() { return Optional.ofNullable(sharedAt); }
    public Optional<Instant> receiptConfirmedAt() { return Optional.ofNullable(receiptConfirmedAt); }
    public Optional<Instant> closedAt() { return Optional.ofNullable(closedAt); }
    public Optional<Instant> fullRecordDue() { return Optional.ofNullable(fullRecordDue); }
    public Optional<Instant> fullRecordDoneAt() { return Optional.ofNullable(fullRecordDoneAt); }
    public Instant updatedAt() { return updatedAt; }
    /** The readable reference, {@code CS-2026-00123}; null only on a record not yet saved. */
    public String reference() { return reference; }

    void reference(String reference) {
        this.reference = reference;
    }
    public Map<String, Stamp> confirmations() { return Collections.unmodifiableMap(confirmations); }
    public List<TimelineEvent> timeline() { return List.copyOf(timeline); }

    // ---- for the repository ---------------------------------------------------------------------

    List<TimelineEvent> unsavedEvents() {
        return timeline.subList(storedEvents, timeline.size());
    }

    int storedEventCount() {
        return storedEvents;
    }

    Map<String, Stamp> unsavedConfirmations() {
        Map<String, Stamp> unsaved = new LinkedHashMap<>(confirmations);
        unsaved.keySet().removeAll(storedConfirmations);
        return unsaved;
    }

    Set<String> droppedConfirmations() {
        Set<String> dropped = new java.util.HashSet<>(storedConfirmations);
        dropped.removeAll(confirmations.keySet());
        return dropped;
    }

    boolean contentChanged() {
        return contentChanged;
    }

    void saved(int newVersion, Instant at) {
        version = newVersion;
        updatedAt = at;
        storedEvents = timeline.size();
        storedConfirmations.clear();
        storedConfirmations.addAll(confirmations.keySet());
        contentChanged = false;
    }

    // ---- rules ----------------------------------------------------------------------------------

    private void requireAuthoriser(Actor actor) {
        Authoriser needed = policy.authoriser().orElseThrow(() -> new SharingRefusedException(Text.of("sharing.refused.no-authorisation")));
        Set<Role> may = needed == Authoriser.MANAGER ? EnumSet.of(Role.MANAGER)
                : EnumSet.of(Role.DATA_PROTECTION_OFFICER);
        require(may.stream().anyMatch(role -> role.heldBy(actor)), Text.of("sharing.refused.only-authoriser." + needed.name()));
        require(!actor.accountId().equals(decidedBy.accountId()), Text.of("sharing.refused.not-yourself." + needed.name()));
    }

    private void event(String action, Stamp by, String note) {
        timeline.add(new TimelineEvent(action, by, note));
    }

    private static void require(boolean condition, Text message) {
        if (!condition) {
            throw new SharingRefusedException(message);
        }
    }
}
