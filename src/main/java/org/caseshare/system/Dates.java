package org.caseshare.system;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.springframework.stereotype.Component;

/**
 * Every date and time a page shows, in the one GOV.UK style ("7 December 2026", "7 December 2026 at
 * 2:05pm") and in UK local time whatever the server's zone, so the same moment reads the same on every
 * page. Templates call it as {@code ${@dates.showDate(x)}} and {@code ${@dates.showTime(x)}}; Java code calls
 * the static methods.
 */
@Component("dates")
public class Dates {

    public static final ZoneId UK = ZoneId.of("Europe/London");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("h:mm", Locale.UK);

    /** "7 December 2026"; empty for nothing. Takes an instant, a zoned or local date-time, or a date. */
    public static String date(Object value) {
        LocalDateTime local = local(value);
        if (local == null) {
            return value instanceof LocalDate day ? DATE.format(day) : "";
        }
        return DATE.format(local);
    }

    /** "7 December 2026 at 2:05pm", "… at midday", "… at midnight"; empty for nothing. */
    public static String time(Object value) {
        LocalDateTime local = local(value);
        if (local == null) {
            return date(value);
        }
        return DATE.format(local) + " at " + clock(local);
    }

    /** "2 days 3 hours", "5 hours 10 minutes", "12 minutes": the two largest units, for ages and time left. */
    public static String span(Duration duration) {
        long minutes = Math.max(0, duration.toMinutes());
        long days = minutes / (24 * 60);
        long hours = (minutes / 60) % 24;
        long mins = minutes % 60;
        if (days > 0) {
            return plural(days, "day") + (hours > 0 ? " " + plural(hours, "hour") : "");
        }
        if (hours > 0) {
            return plural(hours, "hour") + (mins > 0 ? " " + plural(mins, "minute") : "");
        }
        return plural(mins, "minute");
    }

    private static String plural(long n, String unit) {
        return n + " " + unit + (n == 1 ? "" : "s");
    }

    // GOV.UK style: 12-hour clock, lower-case am/pm, and midday/midnight in words to avoid "12am".
    private static String clock(LocalDateTime local) {
        if (local.getMinute() == 0 && local.getHour() == 12) {
            return "midday";
        }
        if (local.getMinute() == 0 && local.getHour() == 0) {
            return "midnight";
        }
        return CLOCK.format(local) + (local.getHour() < 12 ? "am" : "pm");
    }

    private static LocalDateTime local(Object value) {
        if (value instanceof Instant instant) {
            return instant.atZone(UK).toLocalDateTime();
        }
        if (value instanceof ZonedDateTime zoned) {
            return zoned.withZoneSameInstant(UK).toLocalDateTime();
        }
        if (value instanceof OffsetDateTime offset) {
            return offset.atZoneSameInstant(UK).toLocalDateTime();
        }
        return value instanceof LocalDateTime local ? local : null;
    }

    /** For templates: {@code ${@dates.showDate(x)}}. */
    public String showDate(Object value) {
        return date(value);
    }

    /** For templates: {@code ${@dates.showTime(x)}}. */
    public String showTime(Object value) {
        return time(value);
    }
}
