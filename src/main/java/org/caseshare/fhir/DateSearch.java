package org.caseshare.fhir;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * FHIR's {@code date} search parameter on AuditEvent.recorded, as a half-open range [from, before).
 * A value is a range at its own precision (2026 is the whole year; 2026-03-01 the whole day, in UK
 * time when no offset is given), and the prefix compares against it: ge from its start, gt from its
 * end, le up to its end, lt up to its start, eq (or none) within it. Repeated parameters all apply.
 */
record DateSearch(Instant from, Instant before) {

    private static final Pattern VALUE = Pattern.compile("(eq|ge|gt|le|lt)?(.+)");
    private static final ZoneId UK = ZoneId.of("Europe/London");

    static final DateSearch ALL = new DateSearch(Instant.MIN, Instant.MAX);

    static DateSearch of(List<String> values) {
        DateSearch range = ALL;
        for (String value : values == null ? List.<String>of() : values) {
            range = range.and(one(value));
        }
        return range;
    }

    private DateSearch and(DateSearch other) {
        return new DateSearch(from.isAfter(other.from) ? from : other.from, before.isBefore(other.before) ? before : other.before);
    }

    private static DateSearch one(String value) {
        Matcher m = VALUE.matcher(value == null ? "" : value.strip());
        if (!m.matches()) {
            throw new InvalidSearchException("Give date as a FHIR date with an optional prefix, like ge2026-01-01");
        }
        String prefix = m.group(1) == null ? "eq" : m.group(1);
        DateSearch span = span(m.group(2));
        return switch (prefix) {
            case "ge" -> new DateSearch(span.from, Instant.MAX);
            case "gt" -> new DateSearch(span.before, Instant.MAX);
            case "le" -> new DateSearch(Instant.MIN, span.before);
            case "lt" -> new DateSearch(Instant.MIN, span.from);
            default -> span;
        };
    }

    /** The instants a date or date-time covers at its precision. */
    private static DateSearch span(String text) {
        try {
            if (text.matches("\\d{4}")) {
                LocalDate start = LocalDate.of(Integer.parseInt(text), 1, 1);
                return days(start, start.plusYears(1));
            }
            if (text.matches("\\d{4}-\\d{2}")) {
                YearMonth month = YearMonth.parse(text);
                return days(month.atDay(1), month.plusMonths(1).atDay(1));
            }
            if (text.matches("\\d{4}-\\d{2}-\\d{2}")) {
                LocalDate day = LocalDate.parse(text);
                return days(day, day.plusDays(1));
            }
            if (text.matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d{1,9})?)?(Z|[+-]\\d{2}:\\d{2})")) {
                Instant start = OffsetDateTime.parse(text).toInstant();
                // A time to the second (or minute) covers that second; a fractional one is an instant.
                return new DateSearch(start, text.contains(".") ? start.plusNanos(1) : start.plusSeconds(1));
            }
        } catch (DateTimeException e) {
            // falls through to the message below
        }
        throw new InvalidSearchException("Give date as a real date (2026-03-01, 2026-03 or 2026) or a date-time with a time zone");
    }

    private static DateSearch days(LocalDate start, LocalDate end) {
        return new DateSearch(start.atStartOfDay(UK).toInstant(), end.atStartOfDay(UK).toInstant());
    }
}
