package org.caseshare.directory;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import org.caseshare.system.ApiValidationException;
import org.caseshare.system.Text;

/** Everything wrong with a submitted form or request, field by field, in the order of the form. */
class InvalidInputException extends RuntimeException {

    private final Map<String, String> errors;
    private final transient Map<String, Text> texts;

    /** @param texts the same problems as catalogue texts, for a page in the reader's language */
    InvalidInputException(Map<String, String> errors, Map<String, Text> texts) {
        super(ApiValidationException.INVALID_FIELDS);
        this.errors = Collections.unmodifiableMap(new LinkedHashMap<>(errors));
        this.texts = Collections.unmodifiableMap(new LinkedHashMap<>(texts));
    }

    /** In English, for the API. */
    Map<String, String> errors() {
        return errors;
    }

    /** In the catalogues, for the pages; a problem with no catalogue text is its English. */
    Map<String, Text> texts() {
        Map<String, Text> all = new LinkedHashMap<>();
        errors.forEach((field, message) -> all.put(field, texts.getOrDefault(field, Text.literal(message))));
        return all;
    }
}
