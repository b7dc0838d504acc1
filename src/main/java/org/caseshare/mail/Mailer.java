package org.caseshare.mail;

import java.time.Clock;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import org.caseshare.crypto.SecretBox;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Queues email to be sent after the caller's transaction commits (by SMTP when configured, or into the
 * outbox folder). Nothing here talks to a mail server: a slow or dead one must never hold a business
 * transaction, nor the audit trail's lock, open. The queue is Spring Modulith's event publication
 * registry, written in the caller's transaction, so an email is sent exactly when what it tells of has
 * been recorded, and is tried again until it goes ({@link MailDelivery}, {@link MailRetries}).
 */
@Service
public class Mailer {

    private final boolean smtp;
    private final ApplicationEventPublisher events;
    private final SecretBox secrets;
    private final Clock clock;

    public Mailer(ObjectProvider<JavaMailSender> smtp, ApplicationEventPublisher events, SecretBox secrets, Clock clock) {
        this.smtp = smtp.getIfAvailable() != null;
        this.events = events;
        this.secrets = secrets;
        this.clock = clock;
    }

    /**
     * Queues the email in the caller's transaction (or a short one of its own), to be sent after commit.
     * An address that cannot be an address fails here rather than later where nobody would see it; the
     * caller decides whether that undoes its transaction (a reminder's claim) or not (a notice it can
     * do without), so the exception alone does not mark the caller's transaction for rollback.
     */
    @Transactional(noRollbackFor = MailNotSentException.class)
    public void send(OutgoingMail mail) {
        try {
            new InternetAddress(mail.to(), true);
        } catch (AddressException e) {
            throw new MailNotSentException(e);
        }
        String messageId = MailQueued.newMessageId();
        events.publishEvent(new MailQueued(messageId, secrets.seal(mail.to(), MailQueued.sealingContext(messageId, "to")), mail.subject(),
                secrets.seal(mail.body(), MailQueued.sealingContext(messageId, "body")), clock.instant()));
    }

    public boolean usesSmtp() {
        return smtp;
    }
}
