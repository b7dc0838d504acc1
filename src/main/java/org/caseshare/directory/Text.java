package org.caseshare.directory;

import org.caseshare.system.PlainText;

/** Trimming and length rules shared by the directory's records. */
final class Text {

    private Text() {
    }

    static String required(String field, String value, int max, String missing, String what) {
        if (value == null || value.isBlank()) {
            throw new InvalidFieldException(field, missing);
        }
        return limited(field, value, max, what);
    }

    static String optional(String field, String value, int max, String what) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return limited(field, value, max, what);
    }

    private static String limited(String field, String value, int max, String what) {
        String trimmed = value.strip();
        if (trimmed.length() > max) {
            throw new InvalidFieldException(field, what + " must be " + max + " characters or fewer");
        }
        PlainText.problem(what, trimmed, false).ifPresent(problem -> {
            throw new InvalidFieldException(field, problem);
        });
        return trimmed;
    }
}
