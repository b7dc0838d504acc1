package org.caseshare.mail;

import java.time.Clock;
import java.util.Properties;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Service;

/** Sends email by SMTP when configured, or files it in the outbox folder. */
@Service
public class Mailer {

    private final JavaMailSender smtp;
    private final Outbox outbox;
    private final MailProperties properties;
    private final Clock clock;

    public Mailer(ObjectProvider<JavaMailSender> smtp, Outbox outbox, MailProperties properties, Clock clock) {
        this.smtp = smtp.getIfAvailable();
        this.outbox = outbox;
        this.properties = properties;
        this.clock = clock;
    }

    public void send(OutgoingMail mail) {
        try {
            MimeMessage message = smtp != null ? smtp.createMimeMessage() : new MimeMessage(Session.getInstance(new Properties()));
            message.setFrom(new InternetAddress(properties.from()));
            message.setRecipient(MimeMessage.RecipientType.TO, new InternetAddress(mail.to(), true));
            message.setSubject(mail.subject(), "UTF-8");
            message.setText(mail.body(), "UTF-8");
            message.setSentDate(java.util.Date.from(clock.instant()));
            if (smtp != null) {
                smtp.send(message);
            } else {
                outbox.file(message);
            }
        } catch (MessagingException e) {
            throw new MailNotSentException(e);
        }
    }

    public boolean usesSmtp() {
        return smtp != null;
    }
}
