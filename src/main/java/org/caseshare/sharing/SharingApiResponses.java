package org.caseshare.sharing;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.media.Schema;
import org.springframework.http.ResponseEntity;

/** What the register's API answers: a record with its policy, safeguards and timeline, or a page of rows. */
final class SharingApiResponses {

    private SharingApiResponses() {
    }

    record StampResponse(UUID accountId, String name, Instant at) {
        static StampResponse of(Stamp stamp) {
            return stamp == null ? null : new StampResponse(stamp.accountId(), stamp.name(), stamp.at());
        }
    }

    record SubjectResponse(String name, LocalDate dateOfBirth, String reference, String nhsNumber) {
    }

    record RecipientResponse(UUID directoryEntryId, String organisation, String name, String jobTitle, String department,
            String telephone, String email, String address) {
    }

    @Schema(name = "RecordSafeguard", description = "A safeguard the record's policy requires, and who confirmed it")
    record SafeguardResponse(String id, boolean confirmed, StampResponse confirmedBy) {
    }

    @Schema(name = "RecordPolicy", description = "The policy version the record was decided under, and what it requires")
    record PolicyResponse(int version, String sha256, String authoriser, String summary, List<SafeguardResponse> safeguards) {
    }

    record CallBackResponse(String number, boolean verified, StampResponse by) {
    }

    record EventResponse(String action, String label, StampResponse by, String note) {
    }

    record SharingRecordResponse(UUID id, int version, String status, String statusName, String direction,
            List<SubjectResponse> subjects, String information, List<String> categories, String marking, String descriptor,
            String urgency, String purpose, SharingDetails details, String decision, String decisionReasons, String channel,
            RecipientResponse recipient, String numberGiven, String numberCheck, PolicyResponse policy, StampResponse decidedBy,
            StampResponse authorisation, String refusalReason, CallBackResponse callBack, Instant sharedAt,
            Instant receiptConfirmedAt, Instant closedAt, Instant fullRecordDue, Instant fullRecordDoneAt, Instant updatedAt,
            List<EventResponse> timeline) {
    }

    record RowResponse(UUID id, Instant createdAt, String status, String direction, String channel, String marking,
            String recipientOrganisation, String recipientName, String people, String purpose, Instant sharedAt, String decidedBy,
            Instant fullRecordDue) {
    }

    /**
     * One page of the register. {@code total} is exact when {@code totalExact}; otherwise at least
     * that many match (counting stops at 10,000). {@code recipientMatch} says how a recipient filter
     * was applied: EXACT name, or CONTAINS the text (send {@code "recipientMatch": "contains"} to force it).
     */
    record PageResponse(long total, boolean totalExact, String recipientMatch, int page, int size, List<RowResponse> items) {
    }

    static ResponseEntity<SharingRecordResponse> withVersion(ResponseEntity.BodyBuilder builder, SharingRecord record) {
        return builder.eTag("\"" + record.version() + "\"").body(response(record));
    }

    static SharingRecordResponse response(SharingRecord r) {
        SharingRecord.Content c = r.content();
        Recipient to = c.recipient();
        List<SafeguardResponse> safeguards = r.policy().requiredSafeguards().stream()
                .map(s -> new SafeguardResponse(s, r.confirmations().containsKey(s), StampResponse.of(r.confirmations().get(s))))
                .toList();
        return new SharingRecordResponse(r.id(), r.version(), r.status().name(), r.status().displayName(), c.direction().name(),
                c.subjects().stream().map(s -> new SubjectResponse(s.name(), s.dateOfBirth(), s.localReference(),
                        s.nhsNumber() == null ? null : s.nhsNumber().digits())).toList(),
                c.information(), c.categories().stream().map(Enum::name).sorted().toList(), c.marking().name(),
                c.descriptor() == null ? null : c.descriptor().name(), c.urgency().name(), c.purpose(), c.details(), c.decision().name(),
                c.decisionReasons(), c.channel().name(),
                new RecipientResponse(to.entryId(), to.organisation(), to.name(), to.jobTitle(), to.department(), to.telephone(),
                        to.email(), to.address()),
                c.numberGiven(), c.numberCheck(),
                new PolicyResponse(r.policy().version().number(), r.policy().version().sha256(),
                        r.policy().authoriser().map(Enum::name).orElse(null), r.policy().summary(), safeguards),
                StampResponse.of(r.decidedBy()), r.authorisation().map(StampResponse::of).orElse(null), r.refusalReason().orElse(null),
                r.callBack().map(b -> new CallBackResponse(b.number(), b.verified(), StampResponse.of(b.by()))).orElse(null),
                r.sharedAt().orElse(null), r.receiptConfirmedAt().orElse(null), r.closedAt().orElse(null),
                r.fullRecordDue().orElse(null), r.fullRecordDoneAt().orElse(null), r.updatedAt(),
                r.timeline().stream().map(e -> new EventResponse(e.action(), TimelineLabels.label(e.action()), StampResponse.of(e.by()),
                        e.note())).toList());
    }
}
