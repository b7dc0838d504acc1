package org.caseshare.sharing;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.caseshare.system.Folding;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Finding records in the register: always within one organisation. */
@Repository
class RegisterSearch {

    /** One line of the register, as the list, the subject view and the CSV show it. */
    record Row(UUID id, Instant createdAt, Status status, Direction direction, String channel, String marking,
            String recipientOrganisation, String recipientName, String information, String purpose, Instant sharedAt,
            String decidedBy, String people, Instant fullRecordDue, String reference) {

        /** The channel as people say it ("Secure hub"), not as it is stored (SECURE_HUB). */
        public String channelName() {
            try {
                return org.caseshare.policy.Channel.valueOf(channel).displayName();
            } catch (IllegalArgumentException | NullPointerException e) {
                return channel;
            }
        }
    }

    /**
     * The filters of the register page; blank means any. The recipient organisation matches a name
     * exactly (ignoring case) when the register holds that name, else any name containing the text;
     * {@code recipientContains} asks for "containing" even when an exact name exists.
     */
    record Filter(String person, String recipientOrganisation, boolean recipientContains, String channel, String marking,
            String status, LocalDate from, LocalDate to, String sort, boolean ascending, String direction, String recipientType,
            String lawfulBasis) {

        /** The filters without a recipient type or lawful basis. */
        Filter(String person, String recipientOrganisation, boolean recipientContains, String channel, String marking,
                String status, LocalDate from, LocalDate to, String sort, boolean ascending, String direction) {
            this(person, recipientOrganisation, recipientContains, channel, marking, status, from, to, sort, ascending, direction, null,
                    null);
        }

        /** The filters without a direction (the register page's own form has none). */
        Filter(String person, String recipientOrganisation, boolean recipientContains, String channel, String marking,
                String status, LocalDate from, LocalDate to, String sort, boolean ascending) {
            this(person, recipientOrganisation, recipientContains, channel, marking, status, from, to, sort, ascending, null);
        }
    }

    /**
     * The filter value that asks for records with no recipient type or lawful basis recorded (older
     * records, emergency minimal records), so that a figure of those links to them too.
     */
    static final String NOT_RECORDED = "NONE";

    /** How a recipient organisation filter was applied, so the page can say so and offer the other. */
    enum RecipientMatch {
        NONE, EXACT, CONTAINS
    }

    /**
     * How many records match, counted no further than {@link #COUNT_LIMIT}: counting a million rows
     * costs more than the page itself (bench/sharing/RESULTS.md), and nobody pages through 400 pages.
     */
    record Count(long value, boolean exact) {
    }

    static final int PAGE_SIZE = 25;
    static final int COUNT_LIMIT = 10_000;

    private final JdbcClient jdbc;
    /** {@link #COUNT_LIMIT}; a test lowers it to see the page say "more than". */
    int countLimit = COUNT_LIMIT;

    RegisterSearch(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Row> search(UUID organisationId, Filter filter, int page, int size) {
        List<Object> params = new ArrayList<>();
        String where = where(organisationId, filter, params);
        String order = switch (filter.sort() == null ? "" : filter.sort()) {
            case "recipient" -> "r.recipient_org_key";
            case "status" -> "r.status";
            case "channel" -> "r.channel";
            default -> "r.created_at";
        } + (filter.ascending() ? " asc" : " desc") + ", r.id";
        params.add(size);
        params.add((long) page * size);
        return rows("select r.* from sharing_record r" + where + " order by " + order + " limit ? offset ?", params);
    }

    Count count(UUID organisationId, Filter filter) {
        List<Object> params = new ArrayList<>();
        String where = where(organisationId, filter, params);
        int limit = countLimit;
        params.add(limit + 1);
        long counted = jdbc.sql("select count(*) from (select 1 from sharing_record r" + where + " limit ?) c").params(params)
                .query(Long.class).single();
        return counted > limit ? new Count(limit, false) : new Count(counted, true);
    }

    /** How many records match, uncounted by any limit: for the oversight figures, which count on an index. */
    long total(UUID organisationId, Filter filter) {
        List<Object> params = new ArrayList<>();
        String where = where(organisationId, filter, params);
        return jdbc.sql("select count(*) from sharing_record r" + where).params(params).query(Long.class).single();
    }

    /** One value of a grouping column and how many matching records hold it. */
    record Group(String value, String label, long count) {
    }

    /**
     * How many matching records hold each value of a column (one of the register's own columns, chosen
     * by the caller from a fixed list, never from input). Recipient organisations group by their
     * case-blind key, as the register's exact-name filter matches them, and are named as first written.
     */
    List<Group> groups(UUID organisationId, Filter filter, String column) {
        List<Object> params = new ArrayList<>();
        String where = where(organisationId, filter, params);
        String label = column.equals("r.recipient_org_key") ? "min(r.recipient_organisation)" : column;
        return jdbc.sql("select " + column + " as v, " + label + " as l, count(*) as n from sharing_record r" + where
                + " group by " + column + " order by n desc, v").params(params)
                .query((rs, n) -> new Group(rs.getString("v"), rs.getString("l"), rs.getLong("n"))).list();
    }

    /**
     * Exact when some record names the recipient organisation exactly (an index lookup); "contains"
     * otherwise, or when asked for. An exact name is what a practitioner usually types or picks, and
     * is fast on any number of records; "contains" reads every record whose name shares the text.
     */
    RecipientMatch recipientMatch(UUID organisationId, Filter filter) {
        if (blank(filter.recipientOrganisation())) {
            return RecipientMatch.NONE;
        }
        if (filter.recipientContains()) {
            return RecipientMatch.CONTAINS;
        }
        boolean named = !jdbc.sql("select 1 from sharing_record where organisation_id = ? and recipient_org_key = ? limit 1")
                .params(organisationId, recipientKey(filter)).query(Integer.class).list().isEmpty();
        return named ? RecipientMatch.EXACT : RecipientMatch.CONTAINS;
    }

    private static String recipientKey(Filter filter) {
        return filter.recipientOrganisation().strip().toLowerCase(Locale.ROOT);
    }

    /** Everything recorded about one person: by exact case reference, or exact name (accents and case aside). */
    List<Row> aboutSubject(UUID organisationId, String reference, String name) {
        String key = Subject.key(reference);
        String nameKey = Folding.fold(name);
        List<Object> params = new ArrayList<>(List.of(organisationId, organisationId));
        String match;
        if (key != null) {
            match = "s.reference_key = ?";
            params.add(key);
        } else {
            match = "s.name_folded = ?";
            params.add(nameKey);
        }
        return rows("select r.* from sharing_record r where r.organisation_id = ? and exists (select 1 from sharing_subject s"
                + " where s.organisation_id = ? and s.record_id = r.id and " + match + ") order by r.created_at", params);
    }

    List<Row> awaitingAuthorisation(UUID organisationId) {
        return rows("select r.* from sharing_record r where r.organisation_id = ? and r.status = ? order by r.created_at",
                new ArrayList<>(List.of(organisationId, Status.AWAITING_AUTHORISATION.name())));
    }

    /**
     * The person's own unfinished records, oldest first: not yet shared (the checklist or the
     * authorisation still to come), or an emergency share whose full record is still to do.
     */
    List<Row> unfinished(UUID organisationId, UUID practitioner, int limit) {
        return rows("select r.* from sharing_record r where r.organisation_id = ? and r.created_by = ?"
                + " and (r.status in (?, ?, ?) or (r.full_record_due is not null and r.full_record_done_at is null))"
                + " order by r.created_at limit ?", new ArrayList<>(List.of(organisationId, practitioner, Status.READY.name(),
                        Status.AWAITING_AUTHORISATION.name(), Status.AUTHORISED.name(), limit)));
    }

    /** Shares waiting for one of these authorisers (policy names), not recorded by the person asking; oldest first. */
    List<Row> awaitingAuthorisationBy(UUID organisationId, List<String> authorisers, UUID notRecordedBy, int limit) {
        if (authorisers.isEmpty()) {
            return List.of();
        }
        List<Object> params = new ArrayList<>(List.of(organisationId, Status.AWAITING_AUTHORISATION.name(), notRecordedBy));
        params.addAll(authorisers);
        params.add(limit);
        return rows("select r.* from sharing_record r where r.organisation_id = ? and r.status = ? and r.created_by <> ?"
                + " and r.authoriser_required in (" + String.join(", ", java.util.Collections.nCopies(authorisers.size(), "?")) + ")"
                + " order by r.created_at limit ?", params);
    }

    /** Emergency shares whose full record is late; only the practitioner's own unless all are asked for (managers). */
    List<Row> overdue(UUID organisationId, UUID practitioner, Instant now) {
        List<Object> params = new ArrayList<>(List.of(organisationId, Timestamp.from(now)));
        String mine = "";
        if (practitioner != null) {
            mine = " and r.created_by = ?";
            params.add(practitioner);
        }
        return rows("select r.* from sharing_record r where r.organisation_id = ? and r.full_record_due < ?"
                + " and r.full_record_done_at is null" + mine + " order by r.full_record_due", params);
    }

    /** How many emergency shares' full records are late: the count of {@link #overdue} for everyone's records. */
    long overdueCount(UUID organisationId, Instant now) {
        return jdbc.sql("select count(*) from sharing_record r where r.organisation_id = ? and r.full_record_due < ?"
                + " and r.full_record_done_at is null").params(organisationId, Timestamp.from(now)).query(Long.class).single();
    }

    /**
     * When the oldest record {@link #awaitingAuthorisation} lists was recorded (null when none): the
     * first entry of the (organisation, status, day) index, however many wait.
     */
    Instant oldestWaiting(UUID organisationId) {
        return jdbc.sql("select r.created_at from sharing_record r where r.organisation_id = ? and r.status = ? order by r.created_at limit 1")
                .params(organisationId, Status.AWAITING_AUTHORISATION.name())
                .query((rs, n) -> SharingRecords.instant(rs, "created_at")).optional().orElse(null);
    }

    /** Of the requests received that match, how many callers were verified by calling them back. */
    long verifiedByCallBack(UUID organisationId, Filter filter) {
        List<Object> params = new ArrayList<>();
        String where = where(organisationId, filter, params);
        return jdbc.sql("select count(*) from sharing_record r" + where + " and r.direction = 'REQUEST_RECEIVED'"
                + " and r.call_back_outcome = 'VERIFIED'").params(params).query(Long.class).single();
    }

    /** The register's filters as SQL, so every count and grouping here lists exactly what the page lists. */
    String where(UUID organisationId, Filter filter, List<Object> params) {
        StringBuilder where = new StringBuilder(" where r.organisation_id = ?");
        params.add(organisationId);
        if (!blank(filter.person())) {
            String key = Subject.key(filter.person());
            // the record's own reference (CS-2026-00123), or a person on it by their case reference or name
            where.append(" and (r.reference = ? or exists (select 1 from sharing_subject s where s.organisation_id = ? and s.record_id = r.id"
                    + " and (s.reference_key = ? or s.name_folded like ? escape '!')))");
            params.add(filter.person().strip().toUpperCase(Locale.ROOT));
            params.add(organisationId);
            params.add(key);
            // "Sian" finds "Siân", "Lukasz" finds "Łukasz"; marks alone fold to nothing and match no name
            String folded = Folding.fold(filter.person());
            params.add(folded == null ? "" : like(folded));
        }
        switch (recipientMatch(organisationId, filter)) {
            case EXACT -> {
                where.append(" and r.recipient_org_key = ?");
                params.add(recipientKey(filter));
            }
            case CONTAINS -> {
                where.append(" and r.recipient_org_key like ? escape '!'");
                params.add(like(recipientKey(filter)));
            }
            case NONE -> {
            }
        }
        equal(where, params, "r.channel", filter.channel());
        equal(where, params, "r.marking", filter.marking());
        equal(where, params, "r.status", filter.status());
        equal(where, params, "r.direction", filter.direction());
        recordedOrNot(where, params, "r.recipient_type", filter.recipientType());
        recordedOrNot(where, params, "r.lawful_basis", filter.lawfulBasis());
        if (filter.from() != null) {
            where.append(" and r.created_at >= ?");
            params.add(Timestamp.from(filter.from().atStartOfDay().toInstant(ZoneOffset.UTC)));
        }
        if (filter.to() != null) {
            where.append(" and r.created_at < ?");
            params.add(Timestamp.from(filter.to().plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC)));
        }
        return where.toString();
    }

    private static void equal(StringBuilder where, List<Object> params, String column, String value) {
        if (!blank(value)) {
            where.append(" and ").append(column).append(" = ?");
            params.add(value.strip());
        }
    }

    private static void recordedOrNot(StringBuilder where, List<Object> params, String column, String value) {
        if (!blank(value) && value.strip().equals(NOT_RECORDED)) {
            where.append(" and ").append(column).append(" is null");
        } else {
            equal(where, params, column, value);
        }
    }

    private static String like(String key) {
        return "%" + key.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%";
    }

    private List<Row> rows(String sql, List<Object> params) {
        List<Row> rows = jdbc.sql(sql).params(params).query((rs, n) -> new Row(rs.getObject("id", UUID.class),
                SharingRecords.instant(rs, "created_at"), Status.valueOf(rs.getString("status")), Direction.valueOf(rs.getString("direction")),
                rs.getString("channel"), rs.getString("marking"), rs.getString("recipient_organisation"), rs.getString("recipient_name"),
                rs.getString("information"), rs.getString("purpose"), SharingRecords.instant(rs, "shared_at"), rs.getString("decided_by_name"),
                null, SharingRecords.instant(rs, "full_record_due"), rs.getString("reference"))).list();
        if (rows.isEmpty()) {
            return rows;
        }
        List<Row> withPeople = new ArrayList<>();
        for (Row row : rows) {
            String people = String.join("; ", jdbc.sql("select name, local_reference from sharing_subject where record_id = ? order by position")
                    .param(row.id()).query((rs, n) -> rs.getString("name")
                            + (rs.getString("local_reference") == null ? "" : " (" + rs.getString("local_reference") + ")")).list());
            withPeople.add(new Row(row.id(), row.createdAt(), row.status(), row.direction(), row.channel(), row.marking(),
                    row.recipientOrganisation(), row.recipientName(), row.information(), row.purpose(), row.sharedAt(), row.decidedBy(),
                    people, row.fullRecordDue(), row.reference()));
        }
        return withPeople;
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
