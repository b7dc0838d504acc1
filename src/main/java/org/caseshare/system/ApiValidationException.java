package org.caseshare.system;

import java.util.Map;

/** An API request that is well-formed JSON but breaks a rule; answered as a 422 problem detail. */
public class ApiValidationException extends RuntimeException {

    /**
     * The sentence most refusals give, the fields saying what is wrong; the problem handler says it in
     * the caller's language.
     */
    public static final String INVALID_FIELDS = "The request has invalid fields";

    private final Map<String, String> errors;

    /** A request whose fields, named in {@code errors}, break the rules. */
    public ApiValidationException(Map<String, String> errors) {
        this(INVALID_FIELDS, errors);
    }

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
