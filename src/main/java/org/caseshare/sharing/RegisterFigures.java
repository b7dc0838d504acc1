package org.caseshare.sharing;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.caseshare.policy.Channel;
import org.caseshare.policy.Marking;
import org.caseshare.policy.OrganisationType;
import org.springframework.stereotype.Service;

/**
 * The register's figures for oversight, counted by the register's own search ({@code RegisterSearch})
 * with the same filters the register page takes, so that every figure can link to the records behind
 * it and show the same number. Always within one organisation; never names a person.
 */
@Service
public class RegisterFigures {

    /** The filter value (and group value) of records with no recipient type or lawful basis recorded. */
    public static final String NOT_RECORDED = RegisterSearch.NOT_RECORDED;

    /** What the records can be counted by: each a register column and the register filter that selects one value. */
    public enum By {
        CHANNEL("r.channel", "channel"),
        MARKING("r.marking", "marking"),
        STATUS("r.status", "status"),
        DIRECTION("r.direction", "direction"),
        RECIPIENT_ORGANISATION("r.recipient_org_key", "recipient"),
        RECIPIENT_TYPE("r.recipient_type", "recipientType"),
        LAWFUL_BASIS("r.lawful_basis", "lawfulBasis");

        private final String column;
        private final String filter;

        By(String column, String filter) {
            this.column = column;
            this.filter = filter;
        }

        /** The register page's filter parameter that picks out one value. */
        public String filter() {
            return filter;
        }
    }

    /**
     * A register filter without a person (a figure never names one): blank or null means any.
     * {@code from} and {@code to} are the days the records were made, inclusive.
     */
    public record Criteria(String channel, String marking, String status, String direction, String recipientOrganisation,
            String recipientType, String lawfulBasis, LocalDate from, LocalDate to) {

        public Criteria(String channel, String marking, String status, String direction, String recipientOrganisation,
                LocalDate from, LocalDate to) {
            this(channel, marking, status, direction, recipientOrganisation, null, null, from, to);
        }

        public static Criteria period(LocalDate from, LocalDate to) {
            return new Criteria(null, null, null, null, null, null, null, from, to);
        }

        public Criteria with(By by, String value) {
            return switch (by) {
                case CHANNEL -> new Criteria(value, marking, status, direction, recipientOrganisation, recipientType, lawfulBasis, from, to);
                case MARKING -> new Criteria(channel, value, status, direction, recipientOrganisation, recipientType, lawfulBasis, from, to);
                case STATUS -> new Criteria(channel, marking, value, direction, recipientOrganisation, recipientType, lawfulBasis, from, to);
                case DIRECTION -> new Criteria(channel, marking, status, value, recipientOrganisation, recipientType, lawfulBasis, from, to);
                case RECIPIENT_ORGANISATION -> new Criteria(channel, marking, status, direction, value, recipientType, lawfulBasis, from, to);
                case RECIPIENT_TYPE -> new Criteria(channel, marking, status, direction, recipientOrganisation, value, lawfulBasis, from, to);
                case LAWFUL_BASIS -> new Criteria(channel, marking, status, direction, recipientOrganisation, recipientType, value, from, to);
            };
        }

        RegisterSearch.Filter filter() {
            return new RegisterSearch.Filter(null, recipientOrganisation, false, channel, marking, status, from, to, null, false, direction,
                    recipientType, lawfulBasis);
        }
    }

    /** One value counted: its stored value (for the register's filter), its name as people say it, and how many. */
    public record Group(String value, String label, long count) {
    }

    /** The authorisation queue: how many wait, and since when the oldest (null when none). */
    public record Waiting(long count, Instant oldest) {
    }

    /**
     * A period's records counted every way at once: by each {@link By} (largest first), and the
     * requests received whose caller was verified by calling back.
     */
    public record Tally(Map<By, List<Group>> groups, long verifiedByCallBack) {

        public List<Group> by(By by) {
            return groups.getOrDefault(by, List.of());
        }

        /** How many hold this value (0 when none). */
        public long count(By by, String value) {
            return by(by).stream().filter(g -> g.value().equals(value)).mapToLong(Group::count).sum();
        }
    }

    /** A period's {@link Tally} and the one of the period just before it. */
    public record Tallies(Tally current, Tally previous) {
    }

    /** A period's records still held and those deleted under the retention schedule, each counted every way. */
    public record HeldAndDeleted(Tally held, Tally deleted) {
    }

    private final RegisterSearch search;
    private final RegisterTotals totals;

    RegisterFigures(RegisterSearch search, RegisterTotals totals) {
        this.search = search;
        this.totals = totals;
    }

    public long count(UUID organisationId, Criteria criteria) {
        return search.total(organisationId, criteria.filter());
    }

    /** One grouping read from the records themselves: the register's own count, which the totals must equal. */
    public List<Group> countBy(UUID organisationId, By by, Criteria criteria) {
        return search.groups(organisationId, criteria.filter(), by.column).stream()
                .map(g -> new Group(value(by, g.value(), g.label()), label(by, g.label()), g.count())).toList();
    }

    /**
     * The records made from {@code from} to {@code to} (days, inclusive) counted every way at once, from
     * the register's totals ({@link RegisterTotals}): the same numbers as {@link #countBy} gives per
     * grouping for the records held, and as their tombstones give for those deleted (which keep no
     * recipient organisation and no call-back), in one read of a few rows per day or month.
     */
    public HeldAndDeleted tallies(UUID organisationId, LocalDate from, LocalDate to) {
        Map<By, Map<String, Group>> held = new EnumMap<>(By.class);
        Map<By, Map<String, Group>> deleted = new EnumMap<>(By.class);
        long verified = 0;
        for (RegisterTotals.Total t : totals.totals(organisationId, from, to)) {
            if (t.counted().equals(RegisterTotals.VERIFIED_BY_CALL_BACK)) {
                verified += t.held();
                continue;
            }
            By by = By.valueOf(t.counted());
            String value = value(by, t.value(), t.label());
            String label = label(by, by == By.RECIPIENT_ORGANISATION ? t.label() : t.value());
            add(held, by, value, label, t.held());
            add(deleted, by, value, label, t.deleted());
        }
        return new HeldAndDeleted(tally(held, verified), tally(deleted, 0));
    }

    /** The records made in each month from {@code first} to {@code last}, still held and deleted. */
    public List<RegisterTotals.MonthTotal> months(UUID organisationId, YearMonth first, YearMonth last) {
        return totals.months(organisationId, first, last);
    }

    private static void add(Map<By, Map<String, Group>> sums, By by, String value, String label, long count) {
        if (count != 0) {
            sums.computeIfAbsent(by, b -> new LinkedHashMap<>()).merge(value, new Group(value, label, count),
                    (a, b) -> new Group(a.value(), a.label(), a.count() + b.count()));
        }
    }

    private static Tally tally(Map<By, Map<String, Group>> sums, long verified) {
        Map<By, List<Group>> groups = new EnumMap<>(By.class);
        sums.forEach((by, values) -> groups.put(by, values.values().stream()
                .sorted(Comparator.comparingLong(Group::count).reversed().thenComparing(Group::value)).toList()));
        return new Tally(groups, verified);
    }

    public long verifiedByCallBack(UUID organisationId, Criteria criteria) {
        return search.verifiedByCallBack(organisationId, criteria.filter());
    }

    public long emergencyRecordsOverdue(UUID organisationId, Instant now) {
        return search.overdueCount(organisationId, now);
    }

    /** The authorisation queue: how many wait, counted from the totals, and since when the oldest. */
    public Waiting awaitingAuthorisation(UUID organisationId) {
        return new Waiting(totals.held(organisationId, By.STATUS.name(), Status.AWAITING_AUTHORISATION.name(), null),
                search.oldestWaiting(organisationId));
    }

    /**
     * How many records still held have one value and were made on or before {@code to}, from the
     * totals: what the register's search for that value up to that day counts ({@link #count}).
     */
    public long heldUpTo(UUID organisationId, By by, String value, LocalDate to) {
        return totals.held(organisationId, by.name(), value, to);
    }

    /**
     * The value a figure's link filters by: a recipient organisation by its name as first written (the
     * register's exact-name filter ignores case), nothing recorded by {@link #NOT_RECORDED}.
     */
    private static String value(By by, String value, String label) {
        if (by == By.RECIPIENT_ORGANISATION) {
            return label;
        }
        return value == null ? NOT_RECORDED : value;
    }

    /** The value as the register's pages name it; a value no longer known keeps its stored form. */
    public static String label(By by, String value) {
        if (value == null || value.equals(NOT_RECORDED)) {
            return by == By.RECIPIENT_TYPE || by == By.LAWFUL_BASIS ? "Not recorded" : value;
        }
        try {
            return switch (by) {
                case CHANNEL -> Channel.valueOf(value).displayName();
                case MARKING -> Marking.valueOf(value).label();
                case STATUS -> Status.valueOf(value).displayName();
                case DIRECTION -> Direction.valueOf(value).displayName();
                case RECIPIENT_TYPE -> OrganisationType.valueOf(value).displayName();
                case LAWFUL_BASIS -> LawfulBasis.valueOf(value).displayName();
                case RECIPIENT_ORGANISATION -> value;
            };
        } catch (IllegalArgumentException e) {
            return value;
        }
    }
}
