package org.caseshare.identity;

/** An account with that email address already exists. */
public class DuplicateAccountException extends Refusal {
    public DuplicateAccountException() {
        super("identity.error.duplicate-account");
    }
}
