package org.caseshare.mail;

/** The email could not be built or handed over; the caller's transaction should fail with it. */
public class MailNotSentException extends RuntimeException {
    public MailNotSentException(Throwable cause) {
        super("The email could not be sent", cause);
    }
}
