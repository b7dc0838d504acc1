package org.caseshare.directory;

/** A value breaks a directory rule; {@link #field()} names the form field or JSON property at fault. */
public class InvalidFieldException extends IllegalArgumentException {

    private final String field;

    public InvalidFieldException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
