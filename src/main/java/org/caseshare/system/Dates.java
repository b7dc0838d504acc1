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

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Every date and time a page shows, in the one GOV.UK style ("7 December 2026", "7 December 2026 at
 * 2:05pm") and in UK local time whatever the server's zone, so the same moment reads the same on every
 * page. Templates call it as {@code ${@dates.showDate(x)}} and {@code ${@dates.showTime(x)}}; Java code calls
 * the static methods.
 *
 * <p>They speak the language of the request being served ({@link LocaleContextHolder}): Welsh in the
 * GOV.UK Welsh style ("7 Rhagfyr 2026", "7 Rhagfyr 2026 am 2:05yh", "am ganol dydd", "am hanner nos"),
 * English otherwise. The few Welsh words are kept here, beside the English ones, as a calendar's
 * data rather than as sentences; numbers stay digits and the noun after them stays singular, as
 * GOV.UK Welsh writes it, with the soft mutation after 2 ("2 ddiwrnod", "2 funud").
 */
@Component("dates")
public class Dates {

    public static final ZoneId UK = ZoneId.of("Europe/London");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("h:mm", Locale.UK);

    private static final String[] WELSH_MONTHS = { "Ionawr", "Chwefror", "Mawrth", "Ebrill", "Mai", "Mehefin",
            "Gorffennaf", "Awst", "Medi", "Hydref", "Tachwedd", "Rhagfyr" };

    /** "7 December 2026"; empty for nothing. Takes an instant, a zoned or local date-time, or a date. */
    public static String date(Object value) {
        return date(value, language());
    }

    /** {@link #date(Object)} in the given language (Welsh or English). */
    public static String date(Object value, Locale language) {
        LocalDateTime local = local(value);
        if (local == null) {
            return value instanceof LocalDate day ? day(day, language) : "";
        }
        return day(local.toLocalDate(), language);
    }

    /** "7 December 2026 at 2:05pm", "… at midday", "… at midnight"; empty for nothing. */
    public static String time(Object value) {
        return time(value, language());
    }

    /** {@link #time(Object)} in the given language: "7 Rhagfyr 2026 am 2:05yh" in Welsh. */
    public static String time(Object value, Locale language) {
        LocalDateTime local = local(value);
        if (local == null) {
            return date(value, language);
        }
        if (Languages.welsh(language)) {
            return day(local.toLocalDate(), language) + " am " + welshClock(local);
        }
        return day(local.toLocalDate(), language) + " at " + clock(local);
    }

    /** "2 days 3 hours", "5 hours 10 minutes", "12 minutes": the two largest units, for ages and time left. */
    public static String span(Duration duration) {
        return span(duration, language());
    }

    /** {@link #span(Duration)} in the given language: "2 ddiwrnod 3 awr", "5 awr 10 munud" in Welsh. */
    public static String span(Duration duration, Locale language) {
        Unit[] units = Languages.welsh(language) ? Unit.WELSH : Unit.ENGLISH;
        long minutes = Math.max(0, duration.toMinutes());
        long days = minutes / (24 * 60);
        long hours = (minutes / 60) % 24;
        long mins = minutes % 60;
        if (days > 0) {
            return units[0].of(days) + (hours > 0 ? " " + units[1].of(hours) : "");
        }
        if (hours > 0) {
            return units[1].of(hours) + (mins > 0 ? " " + units[2].of(mins) : "");
        }
        return units[2].of(mins);
    }

    /** A unit's name after a number: English "1 day" / "2 days"; Welsh "1 diwrnod", "2 ddiwrnod", "3 diwrnod". */
    private record Unit(String one, String two, String other) {
        static final Unit[] ENGLISH = { new Unit("day", "days", "days"), new Unit("hour", "hours", "hours"),
                new Unit("minute", "minutes", "minutes") };
        static final Unit[] WELSH = { new Unit("diwrnod", "ddiwrnod", "diwrnod"), new Unit("awr", "awr", "awr"),
                new Unit("munud", "funud", "munud") };

        String of(long n) {
            return n + " " + (n == 1 ? one : n == 2 ? two : other);
        }
    }

    private static String day(LocalDate day, Locale language) {
        if (Languages.welsh(language)) {
            return day.getDayOfMonth() + " " + WELSH_MONTHS[day.getMonthValue() - 1] + " " + day.getYear();
        }
        return DATE.format(day);
    }

    private static Locale language() {
        return LocaleContextHolder.getLocale();
    }

    // GOV.UK style: 12-hour clock, lower-case am/pm, and midday/midnight in words to avoid "12am".
    private static String clock(LocalDateTime local) {
        return clock(local, "midday", "midnight", "am", "pm");
    }

    // GOV.UK Welsh: yb (y bore) and yh (yr hwyr), canol dydd and hanner nos, soft-mutated after "am": "am ganol dydd".
    private static String welshClock(LocalDateTime local) {
        return clock(local, "ganol dydd", "hanner nos", "yb", "yh");
    }

    private static String clock(LocalDateTime local, String midday, String midnight, String am, String pm) {
        if (local.getMinute() == 0 && local.getHour() == 12) {
            return midday;
        }
        if (local.getMinute() == 0 && local.getHour() == 0) {
            return midnight;
        }
        return CLOCK.format(local) + (local.getHour() < 12 ? am : pm);
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
