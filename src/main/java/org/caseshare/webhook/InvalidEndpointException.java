package org.caseshare.webhook;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** An endpoint that cannot be registered as given: a message for each field to fix, in the form's order. */
class InvalidEndpointException extends RuntimeException {

    private final Map<String, String> errors;

    InvalidEndpointException(Map<String, String> errors) {
        super("The endpoint has invalid fields", null, false, false);
        this.errors = Collections.unmodifiableMap(new LinkedHashMap<>(errors));
    }

    Map<String, String> errors() {
        return errors;
    }
}
