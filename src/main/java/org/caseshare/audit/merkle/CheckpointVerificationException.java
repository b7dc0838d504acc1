package org.caseshare.audit.merkle;

/** A well-formed checkpoint that no trusted key has validly signed: altered, forged or foreign. */
public class CheckpointVerificationException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public CheckpointVerificationException(String message) {
        super(message);
    }

}
