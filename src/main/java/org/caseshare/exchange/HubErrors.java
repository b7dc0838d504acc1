package org.caseshare.exchange;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import org.caseshare.system.ApiValidationException;
import org.caseshare.system.Languages;
import org.caseshare.system.Text;

/**
 * A hub form's problems, field by field, as catalogue codes ({@code i18n/hub*.properties}): the pages
 * show them in the reader's language, while the API's 422 keeps answering in English, as its
 * clients expect.
 */
final class HubErrors {

    private final Map<String, Text> byField = new LinkedHashMap<>();

    /** Sets the field's message, replacing one it had. */
    HubErrors put(String field, String code, Object... args) {
        byField.put(field, Text.of(code, args));
        return this;
    }

    /** Adds the field's message unless it has one (the first problem is the one to fix). */
    HubErrors putIfAbsent(String field, String code, Object... args) {
        byField.putIfAbsent(field, Text.of(code, args));
        return this;
    }

    HubErrors put(String field, Text message) {
        byField.put(field, message);
        return this;
    }

    /** Another module's messages for fields, said in the reader's language when shown. */
    HubErrors putAll(Map<String, Text> messages) {
        byField.putAll(messages);
        return this;
    }

    boolean containsKey(String field) {
        return byField.containsKey(field);
    }

    boolean isEmpty() {
        return byField.isEmpty();
    }

    /** The refusal to throw: English for the API, the codes for the pages. */
    Invalid invalid(String message) {
        return new Invalid(message, byField);
    }

    static Invalid invalid(String message, String field, String code, Object... args) {
        return new HubErrors().put(field, code, args).invalid(message);
    }

    /** A refused hub form: {@link #errors()} in English (the API), {@link #texts()} in the reader's language (the pages). */
    static final class Invalid extends ApiValidationException {

        private final transient Map<String, Text> texts;

        private Invalid(String message, Map<String, Text> texts) {
            super(message, english(texts));
            this.texts = Collections.unmodifiableMap(new LinkedHashMap<>(texts));
        }

        Map<String, Text> texts() {
            return texts;
        }

        private static Map<String, String> english(Map<String, Text> texts) {
            Map<String, String> english = new LinkedHashMap<>();
            texts.forEach((field, text) -> english.put(field, text.resolve(Languages.ENGLISH)));
            return english;
        }
    }

    /** A refusal's messages for a page: the codes when the hub gave them, otherwise the words as they came. */
    static Map<String, Text> texts(ApiValidationException e) {
        if (e instanceof Invalid invalid) {
            return invalid.texts();
        }
        Map<String, Text> texts = new LinkedHashMap<>();
        e.errors().forEach((field, message) -> texts.put(field, Text.literal(message)));
        return texts;
    }
}
