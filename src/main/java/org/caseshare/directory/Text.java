package org.caseshare.directory;

import org.caseshare.system.PlainText;

/**
 * Trimming and length rules shared by the directory's records. Problems are named by catalogue
 * codes ({@code i18n/directory*.properties}): {@code missing} is the whole message for an empty
 * value, {@code what} names the value in "… must be N characters or fewer".
 */
final class Text {

    private Text() {
    }

    static String required(String field, String value, int max, String missing, String what) {
        if (value == null || value.isBlank()) {
            throw InvalidFieldException.coded(field, missing);
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
        org.caseshare.system.Text named = org.caseshare.system.Text.of(what);
        if (trimmed.length() > max) {
            throw InvalidFieldException.coded(field, "directory.error.too-long", named, String.valueOf(max));
        }
        PlainText.problem(InvalidValueException.english(named), trimmed, false).ifPresent(problem -> {
            throw new InvalidFieldException(field, problem);
        });
        return trimmed;
    }
}
