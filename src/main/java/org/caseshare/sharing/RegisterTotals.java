package org.caseshare.sharing;

import java.sql.Date;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;

import javax.sql.DataSource;

import org.caseshare.sharing.RegisterFigures.By;
import org.caseshare.system.Databases;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The register's records counted by day and by calendar month, per organisation and counted column
 * (table register_total, V37), so the oversight figures for a year read a few thousand rows whatever
 * the number of records (bench/oversight/RESULTS.md). The register changes them in the transaction
 * that makes, changes or deletes a record ({@link SharingRecords}, {@link SharingErasure}): they are
 * always the register's own counts, deleted records included as their tombstones count them.
 *
 * <p>Each change adds to the rows of one of {@link #SHARDS} shards, chosen by the record: every
 * record made on a day adds to that day's direction, status and marking rows, so with one row each
 * all of an organisation's writers would queue for its lock until their transactions commit. Readers
 * sum the shards.
 */
@Repository
public class RegisterTotals {

    static final int SHARDS = 4;
    /** The counted column of requests received whose caller was verified by calling back (value {@code VERIFIED}). */
    static final String VERIFIED_BY_CALL_BACK = "VERIFIED_BY_CALL_BACK";
    /** The columns a tombstone keeps, so a deleted record still counts by them. */
    private static final List<String> KEPT_BY_TOMBSTONES = List.of(By.STATUS.name(), By.CHANNEL.name(), By.MARKING.name(),
            By.DIRECTION.name(), By.RECIPIENT_TYPE.name(), By.LAWFUL_BASIS.name());
    private static final String COLUMNS = "organisation_id, span, starts, counted, counted_value, shard, held, deleted, label";

    /** One counted value over a period: records still held, records deleted, and for a recipient organisation its name. */
    record Total(String counted, String value, long held, long deleted, String label) {
    }

    /** Records made in one calendar month: still held, and deleted under the retention schedule. */
    public record MonthTotal(YearMonth month, long held, long deleted) {
    }

    /** One change to one row: its key (the shard aside) and what it adds. */
    private record Delta(String span, LocalDate starts, String counted, String value, long held, long deleted, String label)
            implements Comparable<Delta> {

        String key() {
            return span + starts + '\u0000' + counted + '\u0000' + value;
        }

        @Override
        public int compareTo(Delta other) {
            return key().compareTo(other.key());
        }
    }

    private final JdbcClient jdbc;
    private final boolean postgres;

    RegisterTotals(JdbcClient jdbc, DataSource dataSource) {
        this.jdbc = jdbc;
        this.postgres = Databases.isPostgres(dataSource);
    }

    /** A record was made: it counts once under each of its values. */
    void made(UUID organisationId, UUID recordId, CountedValues now) {
        List<Delta> deltas = new ArrayList<>();
        now.values().forEach((counted, value) -> add(deltas, now.day(), counted, value, 1, 0, now.label(counted)));
        apply(organisationId, recordId, deltas);
    }

    /** A record changed: it moves from each value it no longer has to the one it has now (its day never changes). */
    void changed(UUID organisationId, UUID recordId, CountedValues before, CountedValues now) {
        List<Delta> deltas = new ArrayList<>();
        TreeSet<String> columns = new TreeSet<>(before.values().keySet());
        columns.addAll(now.values().keySet());
        for (String counted : columns) {
            String was = before.values().get(counted);
            String is = now.values().get(counted);
            if (!Objects.equals(was, is)) {
                if (was != null) {
                    add(deltas, before.day(), counted, was, -1, 0, null);
                }
                if (is != null) {
                    add(deltas, now.day(), counted, is, 1, 0, now.label(counted));
                }
            }
        }
        apply(organisationId, recordId, deltas);
    }

    /**
     * A record was deleted under the retention schedule or erased: no longer held under any of its
     * values, and counted as deleted under those its tombstone keeps (as {@code tombstone} has them).
     */
    void deleted(UUID organisationId, UUID recordId, CountedValues before, CountedValues tombstone) {
        List<Delta> deltas = new ArrayList<>();
        before.values().forEach((counted, value) -> add(deltas, before.day(), counted, value, -1, 0, null));
        for (String counted : KEPT_BY_TOMBSTONES) {
            add(deltas, tombstone.day(), counted, tombstone.values().get(counted), 0, 1, null);
        }
        apply(organisationId, recordId, deltas);
    }

    private static void add(List<Delta> deltas, LocalDate day, String counted, String value, long held, long deleted, String label) {
        deltas.add(new Delta("D", day, counted, value, held, deleted, label));
        deltas.add(new Delta("M", day.withDayOfMonth(1), counted, value, held, deleted, label));
    }

    /**
     * Adds the changes to the record's shard in one statement, rows in key order: two writers of the
     * same shard then lock shared rows in the same order, so they queue rather than deadlock.
     */
    private void apply(UUID organisationId, UUID recordId, List<Delta> deltas) {
        Map<String, Delta> merged = new TreeMap<>();
        for (Delta d : deltas) {
            merged.merge(d.key(), d, (a, b) -> new Delta(a.span(), a.starts(), a.counted(), a.value(), a.held() + b.held(),
                    a.deleted() + b.deleted(), a.label() != null ? a.label() : b.label()));
        }
        List<Delta> rows = merged.values().stream().filter(d -> d.held() != 0 || d.deleted() != 0).sorted().toList();
        if (rows.isEmpty()) {
            return;
        }
        int shard = Math.floorMod(recordId.hashCode(), SHARDS);
        List<Object> params = new ArrayList<>();
        for (Delta d : rows) {
            params.addAll(Arrays.asList(organisationId, d.span(), Date.valueOf(d.starts()), d.counted(), d.value(), shard, d.held(),
                    d.deleted(), d.label()));
        }
        if (postgres) {
            jdbc.sql("insert into register_total (" + COLUMNS + ") values " + String.join(", ", Collections.nCopies(rows.size(),
                            "(?, ?, ?, ?, ?, ?, ?, ?, ?)"))
                            + " on conflict (organisation_id, span, starts, counted, counted_value, shard) do update set"
                            + " held = register_total.held + excluded.held, deleted = register_total.deleted + excluded.deleted,"
                            + " label = least(coalesce(register_total.label, excluded.label), coalesce(excluded.label, register_total.label))")
                    .params(params).update();
            return;
        }
        String merge = "merge into register_total t using (values (cast(? as uuid), cast(? as char(1)), cast(? as date),"
                + " cast(? as varchar(30)), cast(? as varchar(200)), cast(? as smallint), cast(? as bigint), cast(? as bigint),"
                + " cast(? as varchar(200)))" + ", (?, ?, ?, ?, ?, ?, ?, ?, ?)".repeat(rows.size() - 1) + ") s(" + COLUMNS + ")"
                + " on t.organisation_id = s.organisation_id and t.span = s.span and t.starts = s.starts and t.counted = s.counted"
                + " and t.counted_value = s.counted_value and t.shard = s.shard"
                + " when matched then update set held = t.held + s.held, deleted = t.deleted + s.deleted,"
                + " label = least(coalesce(t.label, s.label), coalesce(s.label, t.label))"
                + " when not matched then insert (" + COLUMNS + ") values (s.organisation_id, s.span, s.starts, s.counted,"
                + " s.counted_value, s.shard, s.held, s.deleted, s.label)";
        try {
            jdbc.sql(merge).params(params).update();
        } catch (DuplicateKeyException e) {
            // Another writer inserted one of the rows first (H2's merge does not wait for it as PostgreSQL's
            // "on conflict" does); H2 undid only this statement, and now every row is there to add to.
            jdbc.sql(merge).params(params).update();
        }
    }

    /**
     * Each counted value of the records made from {@code from} to {@code to} (days, inclusive): whole
     * months from the month rows, the days before and after them from the day rows.
     */
    List<Total> totals(UUID organisationId, LocalDate from, LocalDate to) {
        LocalDate firstMonth = from.getDayOfMonth() == 1 ? from : from.withDayOfMonth(1).plusMonths(1);
        LocalDate afterMonths = to.plusDays(1).withDayOfMonth(1);
        List<Object> params = new ArrayList<>(List.of(organisationId));
        String ranges;
        if (firstMonth.isBefore(afterMonths)) {
            ranges = "(span = 'M' and starts >= ? and starts < ?) or (span = 'D' and starts >= ? and starts < ?)"
                    + " or (span = 'D' and starts >= ? and starts <= ?)";
            params.addAll(List.of(Date.valueOf(firstMonth), Date.valueOf(afterMonths), Date.valueOf(from), Date.valueOf(firstMonth),
                    Date.valueOf(afterMonths), Date.valueOf(to)));
        } else {
            ranges = "span = 'D' and starts >= ? and starts <= ?";
            params.addAll(List.of(Date.valueOf(from), Date.valueOf(to)));
        }
        // A value whose records all moved to another (or that a recount never saw) sums to nothing: not a row of the figures.
        return jdbc.sql("select counted, counted_value, sum(held) as held, sum(deleted) as deleted, min(label) as label"
                        + " from register_total where organisation_id = ? and (" + ranges + ") group by counted, counted_value"
                        + " having sum(held) <> 0 or sum(deleted) <> 0")
                .params(params)
                .query((rs, n) -> new Total(rs.getString("counted"), rs.getString("counted_value"), rs.getLong("held"), rs.getLong("deleted"),
                        rs.getString("label")))
                .list();
    }

    /**
     * How many records still held have one value of a column and were made on or before {@code to}
     * (any day when null): whole months from the month rows, the rest of the last month from the day rows.
     */
    long held(UUID organisationId, String counted, String value, LocalDate to) {
        String where = " where organisation_id = ? and counted = ? and counted_value = ? and ";
        if (to == null) {
            return jdbc.sql("select coalesce(sum(held), 0) from register_total" + where + "span = 'M'")
                    .params(organisationId, counted, value).query(Long.class).single();
        }
        LocalDate afterMonths = to.plusDays(1).withDayOfMonth(1);
        return jdbc.sql("select coalesce(sum(held), 0) from register_total" + where
                        + "((span = 'M' and starts < ?) or (span = 'D' and starts >= ? and starts <= ?))")
                .params(organisationId, counted, value, Date.valueOf(afterMonths), Date.valueOf(afterMonths), Date.valueOf(to))
                .query(Long.class).single();
    }

    /** The records made in each month from {@code first} to {@code last}, those deleted included (as they were made). */
    public List<MonthTotal> months(UUID organisationId, YearMonth first, YearMonth last) {
        Map<YearMonth, MonthTotal> found = new TreeMap<>();
        // Every record has a direction: its rows count each record once.
        jdbc.sql("select starts, sum(held) as held, sum(deleted) as deleted from register_total where organisation_id = ? and span = 'M'"
                        + " and counted = 'DIRECTION' and starts >= ? and starts <= ? group by starts")
                .params(organisationId, Date.valueOf(first.atDay(1)), Date.valueOf(last.atDay(1)))
                .query((rs, n) -> found.put(YearMonth.from(rs.getDate("starts").toLocalDate()),
                        new MonthTotal(YearMonth.from(rs.getDate("starts").toLocalDate()), rs.getLong("held"), rs.getLong("deleted"))))
                .list();
        List<MonthTotal> months = new ArrayList<>();
        for (YearMonth m = first; !m.isAfter(last); m = m.plusMonths(1)) {
            months.add(found.getOrDefault(m, new MonthTotal(m, 0, 0)));
        }
        return List.copyOf(months);
    }

    /**
     * Counts one organisation's totals again from its records and tombstones, as V37 first counted
     * them: for records written other than through the register (a bulk load, test data moved in time).
     */
    @Transactional
    public void recount(UUID organisationId) {
        jdbc.sql("delete from register_total where organisation_id = ?").param(organisationId).update();
        jdbc.sql("insert into register_total (" + COLUMNS + ") select organisation_id, 'D', d, counted, counted_value, 0, sum(held),"
                        + " sum(deleted), min(label) from (" + bySource("STATUS", "status", null, null)
                        + " union all " + bySource("CHANNEL", "channel", null, null)
                        + " union all " + bySource("MARKING", "marking", null, null)
                        + " union all " + bySource("DIRECTION", "direction", null, null)
                        + " union all " + bySource("RECIPIENT_TYPE", "recipient_type", null, null)
                        + " union all " + bySource("LAWFUL_BASIS", "lawful_basis", null, null)
                        + " union all " + bySource("RECIPIENT_ORGANISATION", "recipient_org_key", "recipient_organisation", "recipient_org_key")
                        + " union all " + bySource(VERIFIED_BY_CALL_BACK, "verified", null, "verified")
                        + ") c group by organisation_id, d, counted, counted_value")
                .params(Collections.nCopies(8, organisationId)).update();
        jdbc.sql("insert into register_total (" + COLUMNS + ") select organisation_id, 'M', m, counted, counted_value, 0, sum(held),"
                        + " sum(deleted), min(label) from (select organisation_id, cast(date_trunc('month', starts) as date) as m, counted,"
                        + " counted_value, held, deleted, label from register_total where organisation_id = ? and span = 'D') d"
                        + " group by organisation_id, m, counted, counted_value")
                .param(organisationId).update();
    }

    private static String bySource(String counted, String column, String label, String present) {
        return "select organisation_id, d, '" + counted + "' as counted, " + column + " as counted_value, held, deleted, "
                + (label == null ? "cast(null as varchar(200))" : label) + " as label from register_total_source where organisation_id = ?"
                + (present == null ? "" : " and " + present + " is not null");
    }
}
