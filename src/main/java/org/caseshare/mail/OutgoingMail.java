package org.caseshare.mail;

import java.util.Objects;

/** An email to send: one recipient, a subject and a plain-text body with no personal data in it. */
public record OutgoingMail(String to, String subject, String body) {
    public OutgoingMail {
        Objects.requireNonNull(to);
        Objects.requireNonNull(subject);
        Objects.requireNonNull(body);
    }
}
