package org.caseshare.directory;

import java.util.Locale;
import java.util.regex.Pattern;

/** A UK postcode in its standard form: upper case, one space before the inward code ({@code RG40 1BN}). */
public record Postcode(String value) {

    private static final Pattern SHAPE = Pattern.compile("^(GIR ?0AA|[A-Z]{1,2}[0-9][A-Z0-9]? ?[0-9][A-Z]{2})$");

    public Postcode {
        value = normalise(value);
    }

    public static Postcode parse(String typed) {
        return new Postcode(typed);
    }

    private static String normalise(String typed) {
        if (typed == null || typed.isBlank()) {
            throw InvalidValueException.coded("directory.error.postcode.missing");
        }
        String upper = typed.strip().toUpperCase(Locale.ROOT).replaceAll("\\s+", "");
        if (upper.length() < 5 || upper.length() > 7 || !SHAPE.matcher(upper).matches()) {
            throw InvalidValueException.coded("directory.error.postcode.format");
        }
        return upper.substring(0, upper.length() - 3) + " " + upper.substring(upper.length() - 3);
    }

    @Override
    public String toString() {
        return value;
    }
}
