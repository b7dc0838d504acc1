package org.caseshare.policy.internal;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a length of time as a data protection officer would write it ("24h", "36 hours", "2 days",
 * "90 minutes") or in ISO-8601 ("PT24H").
 */
public final class DurationText {

    private static final Pattern PLAIN = Pattern.compile(
            "(\\d{1,6})\\s*(m|min|mins|minute|minutes|h|hr|hrs|hour|hours|d|day|days)");

    private DurationText() {
    }

    public static Optional<Duration> parse(String text) {
        String value = text.strip().toLowerCase(Locale.ROOT);
        Matcher plain = PLAIN.matcher(value);
        if (plain.matches()) {
            long amount = Long.parseLong(plain.group(1));
            Duration duration = switch (plain.group(2).charAt(0)) {
                case 'm' -> Duration.ofMinutes(amount);
                case 'h' -> Duration.ofHours(amount);
                default -> Duration.ofDays(amount);
            };
            return Optional.of(duration);
        }
        try {
            return Optional.of(Duration.parse(value.toUpperCase(Locale.ROOT)));
        } catch (DateTimeParseException notIso) {
            return Optional.empty();
        }
    }
}
