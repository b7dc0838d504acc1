package org.caseshare.system;

/**
 * Something the caller asked for does not exist for them. Another organisation's objects raise this
 * too, so a caller cannot tell "not yours" from "not there".
 */
public class NotFoundException extends RuntimeException {
    public NotFoundException(String what) {
        super(what + " not found");
    }
}
