package org.caseshare.channels;

import java.util.LinkedHashMap;
import java.util.Map;

/** What is wrong with a channel form, field by field: a GOV.UK error summary on pages, a 422 in the API. */
class ChannelInputException extends RuntimeException {

    private final Map<String, String> errors;

    ChannelInputException(Map<String, String> errors) {
        super("The form has errors");
        this.errors = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(errors));
    }

    ChannelInputException(String field, String message) {
        this(Map.of(field, message));
    }

    Map<String, String> errors() {
        return errors;
    }

    /** Collects errors in the order the form shows its fields; throws if there were any. */
    static final class Collector {
        private final Map<String, String> errors = new LinkedHashMap<>();

        void add(String field, String message) {
            errors.putIfAbsent(field, message);
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
