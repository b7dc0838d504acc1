package org.caseshare.system;

import java.util.Map;

/** An API request that is well-formed JSON but breaks a rule; answered as a 422 problem detail. */
public class ApiValidationException extends RuntimeException {

    private final Map<String, String> errors;

    public ApiValidationException(String message, Map<String, String> errors) {
        super(message);
        this.errors = Map.copyOf(errors);
    }

    public ApiValidationException(String message) {
        this(message, Map.of());
    }

    public Map<String, String> errors() {
        return errors;
    }
}
