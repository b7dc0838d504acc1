package org.caseshare.identity;

import java.util.LinkedHashMap;
import java.util.Map;

import org.caseshare.system.Languages;
import org.caseshare.system.Text;

/** Single sign-on settings that cannot be saved, with a message per field in the form's order. */
class SsoSettingsInvalidException extends RuntimeException {

    private final Map<String, Text> errors;

    SsoSettingsInvalidException(Map<String, Text> errors) {
        super("Single sign-on settings are not valid");
        this.errors = new LinkedHashMap<>(errors);
    }

    /** The messages in English, as the API gives them. */
    Map<String, String> errors() {
        Map<String, String> english = new LinkedHashMap<>();
        errors.forEach((field, text) -> english.put(field, text.resolve(Languages.ENGLISH)));
        return english;
    }

    /** The messages, for a page to show in its reader's language. */
    Map<String, Text> texts() {
        return errors;
    }
}
