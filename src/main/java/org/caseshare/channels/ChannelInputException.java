package org.caseshare.channels;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import org.caseshare.system.Languages;
import org.caseshare.system.Text;

/**
 * What is wrong with a channel form, field by field: a GOV.UK error summary on pages, in the
 * reader's language ({@link #texts()}), and a 422 in the API, in English ({@link #errors()}).
 */
class ChannelInputException extends RuntimeException {

    private final transient Map<String, Text> texts;

    ChannelInputException(Map<String, Text> texts) {
        super("The form has errors");
        this.texts = Collections.unmodifiableMap(new LinkedHashMap<>(texts));
    }

    /** One field's problem: the catalogue's message {@code code} ({@code i18n/channels*.properties}). */
    ChannelInputException(String field, String code, Object... args) {
        this(Map.of(field, Text.of(code, args)));
    }

    /** One field's problem already in words (another module's). */
    static ChannelInputException literal(String field, String message) {
        return new ChannelInputException(Map.of(field, Text.literal(message)));
    }

    /** In English, for the API. */
    Map<String, String> errors() {
        Map<String, String> english = new LinkedHashMap<>();
        texts.forEach((field, text) -> english.put(field, text.resolve(Languages.ENGLISH)));
        return english;
    }

    /** For the pages, put into words in the reader's language when shown. */
    Map<String, Text> texts() {
        return texts;
    }

    /** Collects errors in the order the form shows its fields; throws if there were any. */
    static final class Collector {
        private final Map<String, Text> errors = new LinkedHashMap<>();

        void add(String field, String code, Object... args) {
            errors.putIfAbsent(field, Text.of(code, args));
        }

        void add(String field, Text message) {
            errors.putIfAbsent(field, message);
        }

        void addLiteral(String field, String message) {
            errors.putIfAbsent(field, Text.literal(message));
        }

        boolean has(String field) {
            return errors.containsKey(field);
        }

        void throwIfAny() {
            if (!errors.isEmpty()) {
                throw new ChannelInputException(errors);
            }
        }
    }
}
