package org.caseshare.mail;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * An email queued in the sender's transaction, delivered after it commits. The Message-ID is made once,
 * here, so that every attempt to deliver the same email carries the same one and a mail server or
 * reader can recognise a repeat.
 *
 * @param messageId the Message-ID header, {@code <uuid@caseshare>}
 */
public record MailQueued(String messageId, String to, String subject, String body, Instant queuedAt) {

    public MailQueued {
        Objects.requireNonNull(messageId);
        Objects.requireNonNull(to);
        Objects.requireNonNull(subject);
        Objects.requireNonNull(body);
        Objects.requireNonNull(queuedAt);
    }

    static MailQueued of(OutgoingMail mail, Instant now) {
        return new MailQueued("<" + UUID.randomUUID() + "@caseshare>", mail.to(), mail.subject(), mail.body(), now);
    }

    /** The uuid inside the Message-ID: the id the outbox, the failure list and the API use. */
    public String id() {
        return messageId.substring(1, messageId.indexOf('@'));
    }

    /** The part of the address after the @, which is all the failure list shows of the recipient. */
    String recipientDomain() {
        int at = to.lastIndexOf('@');
        return at < 0 ? "" : to.substring(at + 1);
    }
}
