package org.caseshare.scim;

import java.util.Locale;

/**
 * The only filters Caseshare answers (RFC 7644 §3.4.2.2): {@code userName eq "…"} and
 * {@code externalId eq "…"}, which are what Entra ID and Google send to match a person before
 * creating them. Anything else is refused as {@code invalidFilter}, rather than half-understood and
 * answered with the wrong people.
 */
record ScimFilter(Attribute attribute, String value) {

    enum Attribute { USER_NAME, EXTERNAL_ID }

    private static final int MAX_LENGTH = 1000;

    static ScimFilter parse(String filter) {
        if (filter == null || filter.length() > MAX_LENGTH) {
            throw invalid();
        }
        Cursor cursor = new Cursor(filter.strip());
        String name = cursor.word();
        Attribute attribute = switch (name.toLowerCase(Locale.ROOT)) {
            case "username", "urn:ietf:params:scim:schemas:core:2.0:user:username" -> Attribute.USER_NAME;
            case "externalid", "urn:ietf:params:scim:schemas:core:2.0:user:externalid" -> Attribute.EXTERNAL_ID;
            default -> throw invalid();
        };
        cursor.spaces();
        if (!cursor.word().equalsIgnoreCase("eq")) {
            throw invalid();
        }
        cursor.spaces();
        String value = cursor.string();
        if (!cursor.atEnd()) {
            throw invalid();
        }
        return new ScimFilter(attribute, value);
    }

    private static ScimException invalid() {
        return new ScimException(400, "invalidFilter",
                "Only filters of the form userName eq \"…\" or externalId eq \"…\" are supported.");
    }

    /** Reads the filter left to right; every misstep is an invalid filter, never another exception. */
    private static final class Cursor {
        private final String text;
        private int at;

        Cursor(String text) {
            this.text = text;
        }

        boolean atEnd() {
            return at == text.length();
        }

        String word() {
            int start = at;
            while (at < text.length() && (Character.isLetterOrDigit(text.charAt(at)) || ":._-".indexOf(text.charAt(at)) >= 0)) {
                at++;
            }
            if (start == at) {
                throw invalid();
            }
            return text.substring(start, at);
        }

        void spaces() {
            int start = at;
            while (at < text.length() && text.charAt(at) == ' ') {
                at++;
            }
            if (start == at) {
                throw invalid();
            }
        }

        /** A JSON string literal (RFC 7644 compares values as JSON strings, escapes included). */
        String string() {
            if (atEnd() || text.charAt(at) != '"') {
                throw invalid();
            }
            at++;
            StringBuilder value = new StringBuilder();
            while (at < text.length()) {
                char c = text.charAt(at++);
                if (c == '"') {
                    return value.toString();
                }
                if (c < 0x20) {
                    throw invalid();
                }
                if (c != '\\') {
                    value.append(c);
                    continue;
                }
                if (atEnd()) {
                    throw invalid();
                }
                char escaped = text.charAt(at++);
                switch (escaped) {
                    case '"', '\\', '/' -> value.append(escaped);
                    case 'b' -> value.append('\b');
                    case 'f' -> value.append('\f');
                    case 'n' -> value.append('\n');
                    case 'r' -> value.append('\r');
                    case 't' -> value.append('\t');
                    case 'u' -> value.append(unicode());
                    default -> throw invalid();
                }
            }
            throw invalid();
        }

        private char unicode() {
            if (at + 4 > text.length()) {
                throw invalid();
            }
            int code = 0;
            for (int i = 0; i < 4; i++) {
                int digit = Character.digit(text.charAt(at++), 16);
                if (digit < 0) {
                    throw invalid();
                }
                code = code * 16 + digit;
            }
            return (char) code;
        }
    }
}
