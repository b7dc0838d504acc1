package org.caseshare.directory;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** Everything wrong with a submitted form or request, field by field, in the order of the form. */
class InvalidInputException extends RuntimeException {

    private final Map<String, String> errors;

    InvalidInputException(Map<String, String> errors) {
        super("The request has invalid fields");
        this.errors = Collections.unmodifiableMap(new LinkedHashMap<>(errors));
    }

    Map<String, String> errors() {
        return errors;
    }
}
