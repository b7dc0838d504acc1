package org.caseshare.system;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;

/**
 * A form's errors in the order the fields appear, one message per field, for the GOV.UK error
 * summary and the messages beside each field ({@code templates/fragments/forms.html}).
 */
public final class FormErrors {

    private final Map<String, String> byField = new LinkedHashMap<>();

    public static FormErrors none() {
        return new FormErrors();
    }

    /** Takes the binding's field errors, ordered as the form's fields are listed. */
    public static FormErrors of(BindingResult binding, String... fieldOrder) {
        FormErrors errors = new FormErrors();
        for (String field : fieldOrder) {
            FieldError error = binding.getFieldError(field);
            if (error != null) {
                errors.add(field, error.getDefaultMessage());
            }
        }
        for (FieldError error : binding.getFieldErrors()) {
            errors.add(error.getField(), error.getDefaultMessage());
        }
        return errors;
    }

    /** Adds a message for a field unless it already has one (the first problem is the one to fix). */
    public FormErrors add(String field, String message) {
        byField.putIfAbsent(field, message);
        return this;
    }

    public boolean has(String field) {
        return byField.containsKey(field);
    }

    public String get(String field) {
        return byField.get(field);
    }

    public boolean isEmpty() {
        return byField.isEmpty();
    }

    public boolean getEmpty() {
        return isEmpty();
    }

    public Set<Map.Entry<String, String>> getEntries() {
        return byField.entrySet();
    }

    public Collection<String> messages() {
        return byField.values();
    }
}
