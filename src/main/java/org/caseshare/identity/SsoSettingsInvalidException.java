package org.caseshare.identity;

import java.util.LinkedHashMap;
import java.util.Map;

/** Single sign-on settings that cannot be saved, with a message per field in the form's order. */
class SsoSettingsInvalidException extends RuntimeException {

    private final Map<String, String> errors;

    SsoSettingsInvalidException(Map<String, String> errors) {
        super("Single sign-on settings are not valid");
        this.errors = new LinkedHashMap<>(errors);
    }

    Map<String, String> errors() {
        return errors;
    }
}
