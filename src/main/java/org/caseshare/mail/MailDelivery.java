package org.caseshare.mail;

import java.util.Date;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.caseshare.crypto.SecretBox;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;

/**
 * Delivers queued email after the queuing transaction has committed, on a worker thread: by SMTP, or
 * into the outbox folder when no SMTP server is configured. A failure is recorded (for the system
 * administrator) and thrown, so the registry keeps the publication as failed and {@link MailRetries}
 * resubmits it; success completes (deletes) the publication.
 */
@Component
class MailDelivery {

    private final JavaMailSender smtp;
    private final Outbox outbox;
    private final MailFailures failures;
    private final MailProperties properties;
    private final SecretBox secrets;
    /** Message-IDs being delivered by this node now: a resubmission that overlaps a slow attempt must not send it twice. */
    private final Set<String> inFlight = ConcurrentHashMap.newKeySet();

    MailDelivery(ObjectProvider<JavaMailSender> smtp, Outbox outbox, MailFailures failures, MailProperties properties, SecretBox secrets) {
        this.smtp = smtp.getIfAvailable();
        this.outbox = outbox;
        this.failures = failures;
        this.properties = properties;
        this.secrets = secrets;
    }

    // NOT_SUPPORTED, not Modulith's default REQUIRES_NEW: no database connection is held while a mail server
    // takes its time. The id is stored with every queued email, so it must not change with a rename.
    @ApplicationModuleListener(id = "mail.delivery", propagation = Propagation.NOT_SUPPORTED)
    void deliver(MailQueued mail) {
        if (!inFlight.add(mail.messageId())) {
            throw new MailDeliveryFailedException("already being delivered by this node");
        }
        String to = null;
        try {
            to = secrets.open(mail.sealedTo(), MailQueued.sealingContext(mail.messageId(), "to"));
            send(mail, to);
        } catch (MessagingException | RuntimeException e) {
            String reason = MailFailures.reason(e);
            failures.failed(mail, to == null ? "" : domainOf(to), reason);
            throw new MailDeliveryFailedException(reason);
        } finally {
            inFlight.remove(mail.messageId());
        }
        failures.delivered(mail);
    }

    private void send(MailQueued mail, String to) throws MessagingException {
        Session session = smtp != null ? smtp.createMimeMessage().getSession() : Session.getInstance(new Properties());
        MimeMessage message = new FixedIdMessage(session, mail.messageId());
        message.setFrom(new InternetAddress(properties.from()));
        message.setRecipient(MimeMessage.RecipientType.TO, new InternetAddress(to, true));
        message.setSubject(mail.subject(), "UTF-8");
        message.setText(secrets.open(mail.sealedBody(), MailQueued.sealingContext(mail.messageId(), "body")), "UTF-8");
        message.setSentDate(Date.from(mail.queuedAt()));
        if (smtp != null) {
            smtp.send(message);
        } else {
            outbox.file(message, mail.id());
        }
    }

    /** The part of the address after the @, which is all the failure list shows of the recipient. */
    private static String domainOf(String address) {
        int at = address.lastIndexOf('@');
        return at < 0 ? "" : address.substring(at + 1);
    }

    /** A MimeMessage that keeps the Message-ID it was given instead of making a new one on every save. */
    private static final class FixedIdMessage extends MimeMessage {
        private final String messageId;

        FixedIdMessage(Session session, String messageId) {
            super(session);
            this.messageId = messageId;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", messageId);
        }
    }

    /** Carries only the reason, never the mail server's text or the recipient, into the logs. */
    static final class MailDeliveryFailedException extends RuntimeException {
        MailDeliveryFailedException(String reason) {
            super("Email not delivered: " + reason, null, false, false);
        }
    }
}
