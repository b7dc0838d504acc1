package org.caseshare.directory;

import org.caseshare.system.Text;

/** A value breaks a directory rule; {@link #field()} names the form field or JSON property at fault. */
public class InvalidFieldException extends InvalidValueException {

    private final String field;

    public InvalidFieldException(String field, String message) {
        super(message);
        this.field = field;
    }

    private InvalidFieldException(String field, Text text) {
        super(text);
        this.field = field;
    }

    /** The catalogue's message {@code code} against the field; an argument may itself be a {@link Text}. */
    static InvalidFieldException coded(String field, String code, Object... args) {
        return new InvalidFieldException(field, Text.of(code, args));
    }

    public String field() {
        return field;
    }
}
