package org.caseshare.sharing;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The oversight figures' reads of the register, each filtered by the register's own search
 * ({@link RegisterSearch#where}): every enum column of a period counted in one pass over the index,
 * so a year's dashboard reads its records twice per period (the columns, the recipient organisations)
 * rather than once per table and period (bench/oversight/RESULTS.md).
 */
@Repository
class RegisterCounts {

    /**
     * How many matching records share one combination of the counted columns, and how many of them
     * are requests received whose caller was verified by calling back.
     */
    record Combination(String status, String channel, String marking, String direction, String recipientType, String lawfulBasis,
            long count, long verifiedByCallBack) {
    }

    /** How many matching records name one recipient organisation (by its case-blind key), as first written. */
    record Recipient(String name, long count) {
    }

    private final JdbcClient jdbc;
    private final RegisterSearch search;

    RegisterCounts(JdbcClient jdbc, RegisterSearch search) {
        this.jdbc = jdbc;
        this.search = search;
    }

    /**
     * The matching records grouped by every counted column at once: one read of the figures index and
     * one hash table, where a query per column reads and hashes the records once per column. The
     * columns have a handful of values each, so the combinations are few (thousands at most) and
     * summing them per column in Java costs nothing beside reading the records.
     */
    List<Combination> combinations(UUID organisationId, RegisterSearch.Filter filter) {
        List<Object> params = new ArrayList<>();
        String where = search.where(organisationId, filter, params);
        return jdbc.sql("select r.status, r.channel, r.marking, r.direction, r.recipient_type, r.lawful_basis, r.call_back_outcome,"
                        + " count(*) as n from sharing_record r" + where
                        + " group by r.status, r.channel, r.marking, r.direction, r.recipient_type, r.lawful_basis, r.call_back_outcome")
                .params(params)
                .query((rs, n) -> new Combination(rs.getString("status"), rs.getString("channel"), rs.getString("marking"),
                        rs.getString("direction"), rs.getString("recipient_type"), rs.getString("lawful_basis"), rs.getLong("n"),
                        "REQUEST_RECEIVED".equals(rs.getString("direction")) && "VERIFIED".equals(rs.getString("call_back_outcome"))
                                ? rs.getLong("n") : 0))
                .list();
    }

    /** The matching records by recipient organisation, named as first written. */
    List<Recipient> recipients(UUID organisationId, RegisterSearch.Filter filter) {
        return search.groups(organisationId, filter, "r.recipient_org_key").stream().map(g -> new Recipient(g.label(), g.count())).toList();
    }

    /**
     * How many matching records were made in each of the consecutive ranges that start on the given
     * days, the last ending the day before {@code end}. A count per range, not one grouped query: a
     * plain count reads the narrow (organisation, day) index with nothing to work out per record, and
     * measured several times faster on PostgreSQL than putting each record in its range and grouping.
     */
    long[] byRange(UUID organisationId, RegisterSearch.Filter filter, List<LocalDate> starts, LocalDate end) {
        long[] counts = new long[starts.size()];
        for (int i = 0; i < starts.size(); i++) {
            LocalDate last = (i + 1 < starts.size() ? starts.get(i + 1) : end).minusDays(1);
            counts[i] = search.total(organisationId, new RegisterSearch.Filter(filter.person(), filter.recipientOrganisation(),
                    filter.recipientContains(), filter.channel(), filter.marking(), filter.status(), starts.get(i), last, null, false,
                    filter.direction(), filter.recipientType(), filter.lawfulBasis()));
        }
        return counts;
    }
}
