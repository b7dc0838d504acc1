package org.caseshare.identity;

/** An account with that email address already exists. */
public class DuplicateAccountException extends IllegalArgumentException {
    public DuplicateAccountException() {
        super("An account with this email address already exists");
    }
}
