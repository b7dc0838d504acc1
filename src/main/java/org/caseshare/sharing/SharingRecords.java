package org.caseshare.sharing;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.caseshare.policy.Authoriser;
import org.caseshare.policy.Channel;
import org.caseshare.policy.InformationCategory;
import org.caseshare.policy.Marking;
import org.caseshare.policy.OrganisationType;
import org.caseshare.policy.PolicyVersion;
import org.caseshare.policy.Urgency;
import org.caseshare.system.Folding;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * The sharing_record table and its people, confirmations and timeline. Every query names the
 * organisation, so one tenant's records can never be read or changed through another's.
 */
@Repository
class SharingRecords {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;
    private final RegisterTotals totals;

    SharingRecords(JdbcClient jdbc, RegisterTotals totals) {
        this.jdbc = jdbc;
        this.totals = totals;
    }

    /**
     * Reads run in a read-only transaction: mapping a row reads its subjects, safeguards and timeline
     * while the row's result is open, and without a transaction each of those queries took a second
     * pooled connection while the first was held — as many concurrent readers as the pool has
     * connections then waited on each other until the pool timed out (issue #15, seen in a thread dump).
     */
    @Transactional(readOnly = true)
    Optional<SharingRecord> find(UUID organisationId, UUID id) {
        List<SharingRecord> found = jdbc.sql("select * from sharing_record where organisation_id = ? and id = ?")
                .params(organisationId, id).query((rs, row) -> map(rs)).list();
        return found.stream().findFirst();
    }

    /** The organisation's records by one channel in the given statuses, most recently changed first. */
    @Transactional(readOnly = true)
    List<SharingRecord> latest(UUID organisationId, Channel channel, Set<Status> statuses, int limit) {
        if (statuses.isEmpty()) {
            return List.of();
        }
        List<Object> params = new ArrayList<>(List.of(organisationId, channel.name()));
        statuses.forEach(s -> params.add(s.name()));
        params.add(limit);
        return jdbc.sql("select * from sharing_record where organisation_id = ? and channel = ? and status in ("
                        + String.join(", ", java.util.Collections.nCopies(statuses.size(), "?")) + ") order by updated_at desc, id limit ?")
                .params(params).query((rs, row) -> map(rs)).list();
    }

    /** Where the register holds information that went out of the organisation: shared, and not a request we made. */
    private static final String DISCLOSED = "organisation_id = ? and shared_at is not null and direction <> 'REQUEST_MADE'"
            + " and shared_at >= ? and shared_at < ?";

    /** The organisation's disclosures shared in [from, before), oldest first, a page at a time. */
    @Transactional(readOnly = true)
    List<SharingRecord> disclosed(UUID organisationId, Instant from, Instant before, int offset, int limit) {
        return jdbc.sql("select * from sharing_record where " + DISCLOSED + " order by shared_at, id limit ? offset ?")
                .params(organisationId, ts(from), ts(before), limit, offset).query((rs, row) -> map(rs)).list();
    }

    long countDisclosed(UUID organisationId, Instant from, Instant before) {
        return jdbc.sql("select count(*) from sharing_record where " + DISCLOSED)
                .params(organisationId, ts(from), ts(before)).query(Long.class).single();
    }

    Optional<UUID> findByFormToken(UUID organisationId, String token) {
        return jdbc.sql("select id from sharing_record where organisation_id = ? and form_token = ?")
                .params(organisationId, token).query(UUID.class).optional();
    }

    void insert(SharingRecord record, Instant at) {
        SharingRecord.Content c = record.content();
        jdbc.sql("insert into sharing_record (id, organisation_id, version, form_token, direction, status, urgency, marking,"
                        + " descriptor, categories, channel, decision, information, purpose, decision_reasons, details,"
                        + " recipient_entry_id, recipient_organisation, recipient_org_key, recipient_name, recipient_job_title,"
                        + " recipient_department, recipient_telephone, recipient_email, recipient_address, number_given, number_check,"
                        + " required_safeguards, authoriser_required, decided_by, decided_by_name, policy_version, policy_sha256,"
                        + " assessment_summary, created_by, created_at, updated_at)"
                        + " values (?, ?, 0, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(record.id(), record.organisationId(), record.formToken(), c.direction().name(), record.status().name(),
                        c.urgency().name(), c.marking().name(), c.descriptor() == null ? null : c.descriptor().name(),
                        categories(c.categories()), c.channel().name(), c.decision().name(), c.information(), c.purpose(),
                        c.decisionReasons(), JSON.writeValueAsString(c.details()), c.recipient().entryId(), c.recipient().organisation(),
                        c.recipient().organisation().strip().toLowerCase(Locale.ROOT), c.recipient().name(), c.recipient().jobTitle(),
                        c.recipient().department(), c.recipient().telephone(), c.recipient().email(), c.recipient().address(),
                        c.numberGiven(), c.numberCheck(), String.join(",", record.policy().requiredSafeguards()),
                        record.policy().authoriser().map(Enum::name).orElse(null), record.decidedBy().accountId(),
                        record.decidedBy().name(), record.policy().version().number(), record.policy().version().sha256(),
                        record.policy().summary(), record.decidedBy().accountId(), ts(record.decidedBy().at()), ts(at))
                .update();
        update(record, at, true);
    }

    /** Writes the record's state if nobody changed it since it was read; otherwise {@link StaleRecordException}. */
    void update(SharingRecord record, Instant at) {
        update(record, at, false);
    }

    private void update(SharingRecord record, Instant at, boolean inserted) {
        SharingRecord.Content c = record.content();
        int expected = inserted ? 0 : record.version();
        // What the totals counted the record as until now (null when it is new); none at this version: changed since it was read.
        CountedValues before = inserted ? null : jdbc.sql("select created_at, status, channel, marking, direction, recipient_org_key,"
                        + " recipient_organisation, recipient_type, lawful_basis, call_back_outcome from sharing_record"
                        + " where organisation_id = ? and id = ? and version = ?")
                .params(record.organisationId(), record.id(), expected).query((rs, n) -> CountedValues.of(rs)).optional()
                .orElseThrow(StaleRecordException::new);
        int changed = jdbc.sql("update sharing_record set version = ?, status = ?, urgency = ?, marking = ?, descriptor = ?, categories = ?,"
                        + " channel = ?, decision = ?, information = ?, purpose = ?, decision_reasons = ?, details = ?,"
                        + " recipient_entry_id = ?, recipient_organisation = ?, recipient_org_key = ?, recipient_name = ?,"
                        + " recipient_job_title = ?, recipient_department = ?, recipient_telephone = ?, recipient_email = ?,"
                        + " recipient_address = ?, number_given = ?, number_check = ?, required_safeguards = ?, authoriser_required = ?,"
                        + " policy_version = ?, policy_sha256 = ?, assessment_summary = ?,"
                        + " call_back_number = ?, call_back_by = ?, call_back_by_name = ?, call_back_at = ?, call_back_outcome = ?,"
                        + " authorised_by = ?, authorised_by_name = ?, authorised_at = ?, refusal_reason = ?, shared_at = ?,"
                        + " receipt_confirmed_at = ?, closed_at = ?, full_record_due = ?, full_record_done_at = ?, updated_at = ?,"
                        + " recipient_type = ?, lawful_basis = ?"
                        + " where organisation_id = ? and id = ? and version = ?")
                .params(expected + 1, record.status().name(), c.urgency().name(), c.marking().name(),
                        c.descriptor() == null ? null : c.descriptor().name(), categories(c.categories()), c.channel().name(),
                        c.decision().name(), c.information(), c.purpose(), c.decisionReasons(), JSON.writeValueAsString(c.details()),
                        c.recipient().entryId(), c.recipient().organisation(), c.recipient().organisation().strip().toLowerCase(Locale.ROOT),
                        c.recipient().name(), c.recipient().jobTitle(), c.recipient().department(), c.recipient().telephone(),
                        c.recipient().email(), c.recipient().address(), c.numberGiven(), c.numberCheck(),
                        String.join(",", record.policy().requiredSafeguards()), record.policy().authoriser().map(Enum::name).orElse(null),
                        record.policy().version().number(), record.policy().version().sha256(), record.policy().summary(),
                        record.callBack().map(CallBack::number).orElse(null), record.callBack().map(b -> b.by().accountId()).orElse(null),
                        record.callBack().map(b -> b.by().name()).orElse(null), record.callBack().map(b -> ts(b.by().at())).orElse(null),
                        record.callBack().map(b -> b.verified() ? "VERIFIED" : "NOT_VERIFIED").orElse(null),
                        record.authorisation().map(Stamp::accountId).orElse(null), record.authorisation().map(Stamp::name).orElse(null),
                        record.authorisation().map(s -> ts(s.at())).orElse(null), record.refusalReason().orElse(null),
                        record.sharedAt().map(SharingRecords::ts).orElse(null), record.receiptConfirmedAt().map(SharingRecords::ts).orElse(null),
                        record.closedAt().map(SharingRecords::ts).orElse(null), record.fullRecordDue().map(SharingRecords::ts).orElse(null),
                        record.fullRecordDoneAt().map(SharingRecords::ts).orElse(null), ts(at),
                        // copied out of the content so the figures can count and the register filter by them
                        c.recipientType() == null ? null : c.recipientType().name(),
                        c.details().lawfulBasis() == null ? null : c.details().lawfulBasis().name(),
                        record.organisationId(), record.id(), expected)
                .update();
        if (changed != 1) {
            throw new StaleRecordException();
        }
        if (inserted) {
            totals.made(record.organisationId(), record.id(), CountedValues.of(record, CountedValues.day(record.decidedBy().at())));
        } else {
            totals.changed(record.organisationId(), record.id(), before, CountedValues.of(record, before.day()));
        }
        if (record.contentChanged()) {
            jdbc.sql("delete from sharing_subject where record_id = ?").param(record.id()).update();
            int position = 0;
            for (Subject subject : c.subjects()) {
                jdbc.sql("insert into sharing_subject (record_id, organisation_id, position, name, name_key, name_folded, date_of_birth,"
                                + " local_reference, reference_key, nhs_number) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                        .params(record.id(), record.organisationId(), position++, subject.name(), Subject.key(subject.name()),
                                Folding.fold(subject.name()),
                                subject.dateOfBirth(), subject.localReference(), Subject.key(subject.localReference()),
                                subject.nhsNumber() == null ? null : subject.nhsNumber().digits())
                        .update();
            }
        }
        for (String dropped : record.droppedConfirmations()) {
            jdbc.sql("delete from sharing_safeguard where record_id = ? and safeguard_id = ?").params(record.id(), dropped).update();
        }
        record.unsavedConfirmations().forEach((safeguard, by) -> jdbc.sql("insert into sharing_safeguard"
                        + " (record_id, safeguard_id, confirmed_by, confirmed_by_name, confirmed_at) values (?, ?, ?, ?, ?)")
                .params(record.id(), safeguard, by.accountId(), by.name(), ts(by.at())).update());
        int seq = record.storedEventCount();
        for (TimelineEvent event : record.unsavedEvents()) {
            jdbc.sql("insert into sharing_event (record_id, seq, action, actor_id, actor_name, occurred_at, note) values (?, ?, ?, ?, ?, ?, ?)")
                    .params(record.id(), ++seq, event.action(), event.by().accountId(), event.by().name(), ts(event.by().at()), event.note())
                    .update();
        }
        record.saved(expected + 1, at);
    }

    private static OrganisationType recipientType(String stored) {
        return stored == null ? null : OrganisationType.valueOf(stored);
    }

    private SharingRecord map(ResultSet rs) throws SQLException {
        UUID id = rs.getObject("id", UUID.class);
        SharingDetails details = JSON.readValue(rs.getString("details"), SharingDetails.class);
        Recipient recipient = new Recipient(rs.getObject("recipient_entry_id", UUID.class), rs.getString("recipient_organisation"),
                rs.getString("recipient_name"), rs.getString("recipient_job_title"), rs.getString("recipient_department"),
                rs.getString("recipient_telephone"), rs.getString("recipient_email"), rs.getString("recipient_address"));
        String descriptor = rs.getString("descriptor");
        SharingRecord.Content content = new SharingRecord.Content(Direction.valueOf(rs.getString("direction")), subjects(id),
                rs.getString("information"), parseCategories(rs.getString("categories")), Marking.valueOf(rs.getString("marking")),
                descriptor == null ? null : Marking.Descriptor.valueOf(descriptor), Urgency.valueOf(rs.getString("urgency")),
                rs.getString("purpose"), details, Decision.valueOf(rs.getString("decision")), rs.getString("decision_reasons"),
                Channel.valueOf(rs.getString("channel")), recipient, rs.getString("number_given"), rs.getString("number_check"),
                recipientType(rs.getString("recipient_type")));
        String required = rs.getString("required_safeguards");
        String authoriser = rs.getString("authoriser_required");
        SharingRecord.PolicyAnswer policy = new SharingRecord.PolicyAnswer(
                new PolicyVersion(rs.getInt("policy_version"), rs.getString("policy_sha256")),
                required == null || required.isBlank() ? List.of() : Arrays.asList(required.split(",")),
                Optional.ofNullable(authoriser).map(Authoriser::valueOf), rs.getString("assessment_summary"), false);
        Stamp decided = new Stamp(rs.getObject("decided_by", UUID.class), rs.getString("decided_by_name"), instant(rs, "created_at"));
        Stamp authorised = rs.getObject("authorised_by", UUID.class) == null ? null
                : new Stamp(rs.getObject("authorised_by", UUID.class), rs.getString("authorised_by_name"), instant(rs, "authorised_at"));
        CallBack callBack = rs.getString("call_back_number") == null ? null : new CallBack(rs.getString("call_back_number"),
                "VERIFIED".equals(rs.getString("call_back_outcome")),
                new Stamp(rs.getObject("call_back_by", UUID.class), rs.getString("call_back_by_name"), instant(rs, "call_back_at")));
        Map<String, Stamp> confirmations = new LinkedHashMap<>();
        jdbc.sql("select * from sharing_safeguard where record_id = ? order by confirmed_at").param(id)
                .query((r, n) -> confirmations.put(r.getString("safeguard_id"),
                        new Stamp(r.getObject("confirmed_by", UUID.class), r.getString("confirmed_by_name"), instant(r, "confirmed_at"))))
                .list();
        List<TimelineEvent> timeline = jdbc.sql("select * from sharing_event where record_id = ? order by seq").param(id)
                .query((r, n) -> new TimelineEvent(r.getString("action"),
                        new Stamp(r.getObject("actor_id", UUID.class), r.getString("actor_name"), instant(r, "occurred_at")), r.getString("note")))
                .list();
        SharingRecord record = SharingRecord.restore(id, rs.getObject("organisation_id", UUID.class), rs.getString("form_token"), rs.getInt("version"),
                content, policy, Status.valueOf(rs.getString("status")), decided, authorised, rs.getString("refusal_reason"), callBack,
                instant(rs, "shared_at"), instant(rs, "receipt_confirmed_at"), instant(rs, "closed_at"), instant(rs, "full_record_due"),
                instant(rs, "full_record_done_at"), instant(rs, "updated_at"), confirmations, timeline);
        record.reference(rs.getString("reference"));
        return record;
    }

    List<Subject> subjects(UUID recordId) {
        return jdbc.sql("select * from sharing_subject where record_id = ? order by position").param(recordId)
                .query((rs, row) -> new Subject(rs.getString("name"), rs.getObject("date_of_birth", LocalDate.class), rs.getString("local_reference"),
                        rs.getString("nhs_number") == null ? null : new NhsNumber(rs.getString("nhs_number"))))
                .list();
    }

    static String categories(Set<InformationCategory> categories) {
        return categories.stream().sorted().map(Enum::name).collect(Collectors.joining(","));
    }

    static Set<InformationCategory> parseCategories(String text) {
        Set<InformationCategory> all = EnumSet.noneOf(InformationCategory.class);
        for (String name : text.split(",")) {
            if (!name.isBlank()) {
                all.add(InformationCategory.valueOf(name));
            }
        }
        return all;
    }

    static Timestamp ts(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }

    static List<String> list(String text) {
        return text == null || text.isBlank() ? List.of() : new ArrayList<>(Arrays.asList(text.split(",")));
    }
}
