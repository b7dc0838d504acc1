package org.caseshare.identity;

/** The invitation link is unknown, expired, withdrawn or already used. */
public class InvitationNotUsableException extends RuntimeException {
    public InvitationNotUsableException() {
        super("This invitation link has expired or has already been used");
    }
}
