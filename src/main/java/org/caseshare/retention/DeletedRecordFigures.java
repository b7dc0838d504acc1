package org.caseshare.retention;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.caseshare.sharing.RegisterFigures;
import org.caseshare.sharing.RegisterFigures.By;
import org.caseshare.sharing.RegisterFigures.Group;
import org.caseshare.sharing.RegisterFigures.Tallies;
import org.caseshare.sharing.RegisterFigures.Tally;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The register records deleted under the retention schedule (or erased), counted from their
 * tombstones by the day they were made, the way {@link RegisterFigures} counts the records still
 * held, so that the oversight figures stay true after deletion. Always within one organisation;
 * tombstones hold no person, so neither does anything here.
 */
@Service
public class DeletedRecordFigures {

    // Tombstones of the register's records, not of packages, custody or incidents.
    private static final String REGISTER_KINDS = " and t.record_kind in ('SHARE', 'DECISION_NOT_TO_SHARE', 'REQUEST_RECEIVED')";

    private final JdbcClient jdbc;

    DeletedRecordFigures(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The deleted records made from {@code previousFrom} to {@code to} (days, inclusive), counted by
     * channel, marking, status, direction, recipient type and lawful basis, split at {@code from}.
     * No recipient organisation (a tombstone keeps no name) and no call-back outcome.
     */
    public Tallies tallies(UUID organisationId, LocalDate previousFrom, LocalDate from, LocalDate to) {
        Map<Boolean, Map<By, Map<String, Long>>> sums = Map.of(true, new EnumMap<>(By.class), false, new EnumMap<>(By.class));
        // The split is named in a derived table: grouping by its position is not standard SQL (H2 reads "1" as a constant).
        jdbc.sql("select later, status, channel, marking, direction, recipient_kind, lawful_basis, count(*) as n"
                        + " from (select case when t.created_at >= ? then 1 else 0 end as later, t.status, t.channel, t.marking, t.direction,"
                        + " t.recipient_kind, t.lawful_basis from retention_tombstone t"
                        + " where t.organisation_id = ? and t.created_at >= ? and t.created_at < ?" + REGISTER_KINDS + ") d"
                        + " group by later, status, channel, marking, direction, recipient_kind, lawful_basis")
                .params(start(from), organisationId, start(previousFrom), start(to.plusDays(1)))
                .query((rs, n) -> {
                    Map<By, Map<String, Long>> part = sums.get(rs.getInt("later") == 1);
                    long count = rs.getLong("n");
                    add(part, By.STATUS, rs.getString("status"), count);
                    add(part, By.CHANNEL, rs.getString("channel"), count);
                    add(part, By.MARKING, rs.getString("marking"), count);
                    add(part, By.DIRECTION, rs.getString("direction"), count);
                    add(part, By.RECIPIENT_TYPE, rs.getString("recipient_kind"), count);
                    add(part, By.LAWFUL_BASIS, rs.getString("lawful_basis"), count);
                    return count;
                }).list();
        return new Tallies(tally(sums.get(true)), tally(sums.get(false)));
    }

    /** How many deleted records were made in each range starting on {@code starts}, the last ending before {@code end}. */
    public long[] countByRange(UUID organisationId, List<LocalDate> starts, LocalDate end) {
        List<Object> params = new ArrayList<>();
        StringBuilder bucket = new StringBuilder("case");
        for (int i = 1; i < starts.size(); i++) {
            bucket.append(" when t.created_at < ? then ").append(i - 1);
            params.add(start(starts.get(i)));
        }
        bucket.append(" else ").append(starts.size() - 1).append(" end");
        params.addAll(List.of(organisationId, start(starts.get(0)), start(end)));
        long[] counts = new long[starts.size()];
        jdbc.sql("select b, count(*) as n from (select " + bucket + " as b from retention_tombstone t"
                        + " where t.organisation_id = ? and t.created_at >= ? and t.created_at < ?" + REGISTER_KINDS + ") d group by b")
                .params(params).query((rs, n) -> counts[rs.getInt("b")] = rs.getLong("n")).list();
        return counts;
    }

    private static void add(Map<By, Map<String, Long>> sums, By by, String value, long count) {
        sums.computeIfAbsent(by, b -> new LinkedHashMap<>()).merge(value == null ? RegisterFigures.NOT_RECORDED : value, count, Long::sum);
    }

    private static Tally tally(Map<By, Map<String, Long>> sums) {
        Map<By, List<Group>> groups = new EnumMap<>(By.class);
        sums.forEach((by, values) -> groups.put(by, values.entrySet().stream()
                .map(e -> new Group(e.getKey(), RegisterFigures.label(by, e.getKey()), e.getValue()))
                .sorted(Comparator.comparingLong(Group::count).reversed().thenComparing(Group::value)).toList()));
        return new Tally(groups, 0);
    }

    private static Timestamp start(LocalDate day) {
        return Timestamp.from(day.atStartOfDay().toInstant(ZoneOffset.UTC));
    }
}
