package org.caseshare.system;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;

/**
 * A form's errors in the order the fields appear, one message per field, for the GOV.UK error
 * summary and the messages beside each field ({@code templates/fragments/forms.html}). Messages are
 * kept as {@link Text} and put into words in the reader's language when shown.
 */
public final class FormErrors {

    private final Map<String, Text> byField = new LinkedHashMap<>();

    public static FormErrors none() {
        return new FormErrors();
    }

    /**
     * Takes the binding's field errors, ordered as the form's fields are listed. A constraint's
     * message written {@code {catalogue.code}} is looked up in the catalogue.
     */
    public static FormErrors of(BindingResult binding, String... fieldOrder) {
        FormErrors errors = new FormErrors();
        for (String field : fieldOrder) {
            FieldError error = binding.getFieldError(field);
            if (error != null) {
                errors.add(field, textOf(error));
            }
        }
        for (FieldError error : binding.getFieldErrors()) {
            errors.add(error.getField(), textOf(error));
        }
        return errors;
    }

    private static Text textOf(FieldError error) {
        String message = error.getDefaultMessage();
        if (message != null && message.startsWith("{") && message.endsWith("}")) {
            return Text.of(message.substring(1, message.length() - 1));
        }
        return Text.literal(message);
    }

    /** Adds a message for a field unless it already has one (the first problem is the one to fix). */
    public FormErrors add(String field, Text message) {
        byField.putIfAbsent(field, message);
        return this;
    }

    /** Adds a sentence already in words; prefer {@link #add(String, Text)} with a catalogue code. */
    public FormErrors add(String field, String message) {
        return add(field, Text.literal(message));
    }

    /** Adds the catalogue's message {@code code} with its arguments. */
    public FormErrors addCode(String field, String code, Object... args) {
        return add(field, Text.of(code, args));
    }

    public boolean has(String field) {
        return byField.containsKey(field);
    }

    /** The field's message in the reader's language; null when the field has none. */
    public String get(String field) {
        Text text = byField.get(field);
        return text == null ? null : text.resolve();
    }

    public boolean isEmpty() {
        return byField.isEmpty();
    }

    public boolean getEmpty() {
        return isEmpty();
    }

    /** Field and message in the reader's language, in field order. */
    public Set<Map.Entry<String, String>> getEntries() {
        return byField.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().resolve(),
                (a, b) -> a, LinkedHashMap::new)).entrySet();
    }

    public Collection<String> messages() {
        return List.copyOf(getEntries().stream().map(Map.Entry::getValue).toList());
    }
}
