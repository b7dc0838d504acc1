package org.caseshare.document;

import java.util.List;
import java.util.Objects;

/**
 * A generic record to print: a title, the protective marking and labelled values in order. The
 * sharing register fills one with a share's information to attach, encrypted, to an email.
 */
public record RecordSummary(String title, String marking, List<Field> fields) {

    // A subject access export prints one field per record; a few hundred records for one person is plausible.
    public static final int MAX_FIELDS = 2_000;

    public RecordSummary {
        title = Require.text("title", title, 120);
        marking = Require.marking(marking);
        Objects.requireNonNull(fields, "fields");
        if (fields.isEmpty() || fields.size() > MAX_FIELDS) {
            throw new IllegalArgumentException("a summary has 1 to " + MAX_FIELDS + " fields");
        }
        fields = List.copyOf(fields);
    }

    /** One labelled value; the value may run to several paragraphs and is never required. */
    public record Field(String label, String value) {

        public static final int MAX_VALUE_LENGTH = 20_000;

        public Field {
            label = Require.text("label", label, 80);
            value = value == null ? "" : value.strip();
            if (value.length() > MAX_VALUE_LENGTH) {
                throw new IllegalArgumentException("a value must be at most " + MAX_VALUE_LENGTH + " characters");
            }
        }
    }
}
