package org.caseshare.document;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

import org.caseshare.system.Languages;
import org.caseshare.system.Text;

/**
 * A generic record to print: a title, the protective marking and labelled values in order. The
 * sharing register fills one with a share's information to attach, encrypted, to an email.
 *
 * <p>The title and labels are {@link Text}: a catalogue code prints in the document's language, in
 * both for a bilingual document; plain words ({@link Text#literal}, or the constructors taking a
 * string) print as they are written.
 */
public record RecordSummary(Text titleText, String marking, List<Field> fields) {

    // A subject access export prints one field per record; a few hundred records for one person is plausible.
    public static final int MAX_FIELDS = 2_000;
    static final int MAX_TITLE_LENGTH = 120;

    public RecordSummary {
        titleText = checked("title", titleText, MAX_TITLE_LENGTH);
        marking = Require.marking(marking);
        Objects.requireNonNull(fields, "fields");
        if (fields.isEmpty() || fields.size() > MAX_FIELDS) {
            throw new IllegalArgumentException("a summary has 1 to " + MAX_FIELDS + " fields");
        }
        fields = List.copyOf(fields);
    }

    public RecordSummary(String title, String marking, List<Field> fields) {
        this(Text.literal(title), marking, fields);
    }

    /** The title in English (or as it was written). */
    public String title() {
        return DocumentLanguage.resolve(titleText, Languages.ENGLISH);
    }

    /** One labelled value; the value may run to several paragraphs and is never required. */
    public record Field(Text labelText, String value) {

        public static final int MAX_VALUE_LENGTH = 20_000;
        static final int MAX_LABEL_LENGTH = 80;

        public Field {
            labelText = checked("label", labelText, MAX_LABEL_LENGTH);
            value = value == null ? "" : value.strip();
            if (value.length() > MAX_VALUE_LENGTH) {
                throw new IllegalArgumentException("a value must be at most " + MAX_VALUE_LENGTH + " characters");
            }
        }

        public Field(String label, String value) {
            this(Text.literal(label), value);
        }

        /** The label in English (or as it was written). */
        public String label() {
            return DocumentLanguage.resolve(labelText, Languages.ENGLISH);
        }
    }

    /** Plain words stripped; a catalogue message checked in every language, as it will be printed in any. */
    private static Text checked(String field, Text text, int maxLength) {
        if (text == null || text.code() == null) {
            return Text.literal(Require.text(field, text == null ? null : text.literal(), maxLength));
        }
        for (Locale locale : Languages.SUPPORTED) {
            Require.text(field, DocumentLanguage.resolve(text, locale), maxLength);
        }
        return text;
    }
}
