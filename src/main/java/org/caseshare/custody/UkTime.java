package org.caseshare.custody;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

import org.caseshare.system.Dates;

/**
 * Dates and times as people in the UK type and read them: d/m/yyyy and HH:mm, in UK local time
 * whatever the server's zone. Used by the custody and incident pages alike.
 */
public final class UkTime {

    public static final ZoneId ZONE = ZoneId.of("Europe/London");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d/M/uuuu");

    private UkTime() {
    }

    public static Optional<LocalDate> date(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String value = text.strip();
        try {
            return Optional.of(value.contains("/") ? LocalDate.parse(value, DATE) : LocalDate.parse(value));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    public static Optional<LocalTime> time(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String value = text.strip().replace('.', ':');
        try {
            return Optional.of(LocalTime.parse(value.length() == 4 && value.charAt(1) == ':' ? "0" + value : value));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    public static Instant at(LocalDate date, LocalTime time) {
        return date.atTime(time).atZone(ZONE).toInstant();
    }

    public static LocalDate today(Instant now) {
        return now.atZone(ZONE).toLocalDate();
    }

    public static String show(Instant instant) {
        return Dates.time(instant);
    }

    public static String show(LocalDate date) {
        return Dates.date(date);
    }

    public static String formDate(Instant instant) {
        return DATE.format(instant.atZone(ZONE));
    }

    /** "2 days 3 hours", "5 hours 10 minutes", "12 minutes": the two largest units. */
    public static String span(Duration duration) {
        return Dates.span(duration);
    }
}
