package org.caseshare.document;

import java.util.List;

/** Checks for the value records: each field present, one line, and short enough to print. */
final class Require {

    private Require() {
    }

    /** The value, stripped; it must not be blank. */
    static String text(String field, String value, int maxLength) {
        String stripped = optional(field, value, maxLength);
        if (stripped.isEmpty()) {
            throw new IllegalArgumentException(field + " is required");
        }
        return stripped;
    }

    /** The value stripped, or "" when absent. */
    static String optional(String field, String value, int maxLength) {
        String stripped = value == null ? "" : value.strip();
        if (stripped.length() > maxLength) {
            throw new IllegalArgumentException(field + " must be at most " + maxLength + " characters");
        }
        if (stripped.chars().anyMatch(c -> c == '\n' || c == '\r')) {
            throw new IllegalArgumentException(field + " must be one line");
        }
        return stripped;
    }

    /** A copy of the lines, each required; at least one and at most {@code maxLines}. */
    static List<String> lines(String field, List<String> lines, int maxLines, int maxLength) {
        if (lines == null || lines.isEmpty() || lines.size() > maxLines) {
            throw new IllegalArgumentException(field + " needs 1 to " + maxLines + " lines");
        }
        return lines.stream().map(line -> text(field, line, maxLength)).toList();
    }

    /** A telephone or fax number: digits with the usual punctuation, at least six digits. */
    static String telephone(String field, String value) {
        String number = text(field, value, 30);
        if (!number.matches("[0-9+() .-]+") || number.chars().filter(Character::isDigit).count() < 6) {
            throw new IllegalArgumentException(field + " must be a telephone number");
        }
        return number;
    }

    /** A protective marking such as OFFICIAL-SENSITIVE [PERSONAL]; shown top and bottom of pages. */
    static String marking(String value) {
        return text("marking", value, 60);
    }
}
