package org.caseshare.mail;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * An email queued in the sender's transaction, delivered after it commits. The Message-ID is made once,
 * here, so that every attempt to deliver the same email carries the same one and a mail server or
 * reader can recognise a repeat.
 *
 * <p>The event is stored in the database until the email has gone, so the recipient's address and the
 * body are sealed (crypto's SecretBox, bound to the Message-ID): bodies carry invitation links and
 * attachment passwords, which the rest of the database holds only hashed or sealed.
 *
 * @param messageId  the Message-ID header, {@code <uuid@caseshare>}
 * @param sealedTo   the recipient's address, sealed
 * @param subject    the subject, which never carries personal data
 * @param sealedBody the plain-text body, sealed
 */
public record MailQueued(String messageId, String sealedTo, String subject, String sealedBody, Instant queuedAt) {

    public MailQueued {
        Objects.requireNonNull(messageId);
        Objects.requireNonNull(sealedTo);
        Objects.requireNonNull(subject);
        Objects.requireNonNull(sealedBody);
        Objects.requireNonNull(queuedAt);
    }

    static String newMessageId() {
        return "<" + UUID.randomUUID() + "@caseshare>";
    }

    /** The uuid inside the Message-ID: the id the outbox, the failure list and the API use. */
    public String id() {
        return id(messageId);
    }

    static String id(String messageId) {
        return messageId.substring(1, messageId.indexOf('@'));
    }

    /** What the address and body are sealed to: this email and nothing else. */
    static String sealingContext(String messageId, String part) {
        return "mail:" + id(messageId) + ":" + part;
    }
}
