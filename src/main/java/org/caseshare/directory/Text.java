package org.caseshare.directory;

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
        if (trimmed.chars().anyMatch(c -> Character.isISOControl(c))) {
            throw new InvalidFieldException(field, what + " must be on one line");
        }
        return trimmed;
    }
}
