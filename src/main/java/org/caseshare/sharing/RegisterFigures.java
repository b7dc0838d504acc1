package org.caseshare.sharing;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.caseshare.policy.Channel;
import org.caseshare.policy.Marking;
import org.springframework.stereotype.Service;

/**
 * The register's figures for oversight, counted by the register's own search ({@code RegisterSearch})
 * with the same filters the register page takes, so that every figure can link to the records behind
 * it and show the same number. Always within one organisation; never names a person.
 */
@Service
public class RegisterFigures {

    /** What the records can be counted by: each a register column and the register filter that selects one value. */
    public enum By {
        CHANNEL("r.channel", "channel"),
        MARKING("r.marking", "marking"),
        STATUS("r.status", "status"),
        DIRECTION("r.direction", "direction"),
        RECIPIENT_ORGANISATION("r.recipient_org_key", "recipient");

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
            LocalDate from, LocalDate to) {

        public static Criteria period(LocalDate from, LocalDate to) {
            return new Criteria(null, null, null, null, null, from, to);
        }

        public Criteria with(By by, String value) {
            return switch (by) {
                case CHANNEL -> new Criteria(value, marking, status, direction, recipientOrganisation, from, to);
                case MARKING -> new Criteria(channel, value, status, direction, recipientOrganisation, from, to);
                case STATUS -> new Criteria(channel, marking, value, direction, recipientOrganisation, from, to);
                case DIRECTION -> new Criteria(channel, marking, status, value, recipientOrganisation, from, to);
                case RECIPIENT_ORGANISATION -> new Criteria(channel, marking, status, direction, value, from, to);
            };
        }

        RegisterSearch.Filter filter() {
            return new RegisterSearch.Filter(null, recipientOrganisation, false, channel, marking, status, from, to, null, false, direction);
        }
    }

    /** One value counted: its stored value (for the register's filter), its name as people say it, and how many. */
    public record Group(String value, String label, long count) {
    }

    /** The authorisation queue: how many wait, and since when the oldest (null when none). */
    public record Waiting(long count, Instant oldest) {
    }

    private final RegisterSearch search;

    RegisterFigures(RegisterSearch search) {
        this.search = search;
    }

    public long count(UUID organisationId, Criteria criteria) {
        return search.total(organisationId, criteria.filter());
    }

    public List<Group> countBy(UUID organisationId, By by, Criteria criteria) {
        return search.groups(organisationId, criteria.filter(), by.column).stream()
                .map(g -> new Group(by == By.RECIPIENT_ORGANISATION ? g.label() : g.value(), label(by, g.label()), g.count())).toList();
    }

    public long verifiedByCallBack(UUID organisationId, Criteria criteria) {
        return search.verifiedByCallBack(organisationId, criteria.filter());
    }

    public long emergencyRecordsOverdue(UUID organisationId, Instant now) {
        return search.overdueCount(organisationId, now);
    }

    public Waiting awaitingAuthorisation(UUID organisationId) {
        RegisterSearch.Waiting waiting = search.waiting(organisationId);
        return new Waiting(waiting.count(), waiting.oldest());
    }

    /** The value as the register's pages name it; a value no longer known keeps its stored form. */
    static String label(By by, String value) {
        try {
            return switch (by) {
                case CHANNEL -> Channel.valueOf(value).displayName();
                case MARKING -> Marking.valueOf(value).label();
                case STATUS -> Status.valueOf(value).displayName();
                case DIRECTION -> Direction.valueOf(value).displayName();
                case RECIPIENT_ORGANISATION -> value;
            };
        } catch (IllegalArgumentException | NullPointerException e) {
            return value;
        }
    }
}
