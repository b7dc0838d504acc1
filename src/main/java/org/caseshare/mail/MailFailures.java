package org.caseshare.mail;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.mail.MessagingException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.MailSendException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The last failure of each email not yet delivered, which the system administrator sees on
 * /system/mail and through the API. Reasons are exception class names and SMTP reply codes only: a
 * mail server's own text can quote the recipient's address.
 */
@Component
public class MailFailures {

    private static final int REASON_LENGTH = 300;

    private final JdbcClient jdbc;
    private final Clock clock;

    MailFailures(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * @param id             the uuid in the email's Message-ID
     * @param recipientDomain all of the recipient's address that is shown
     * @param attempts       how many deliveries have failed
     * @param lastError      the last failure's reason, e.g. {@code MailSendException > MailConnectException > ConnectException}
     */
    public record MailFailure(String id, String recipientDomain, String subject, int attempts, String lastError,
            Instant firstFailedAt, Instant lastFailedAt) {
    }

    /** The emails whose last delivery failed, most recently failed first. */
    public List<MailFailure> list() {
        return jdbc.sql("select * from mail_failure order by last_failed_at desc, message_id").query(MailFailures::row).list();
    }

    public Optional<MailFailure> find(String id) {
        if (id == null || !id.matches("[0-9a-f-]{36}")) {
            return Optional.empty();
        }
        return jdbc.sql("select * from mail_failure where message_id = ?").param(id).query(MailFailures::row).optional();
    }

    // Its own transaction: the delivery's failure must be recorded even though the delivery failed.
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    void failed(MailQueued mail, String recipientDomain, String reason) {
        Timestamp now = Timestamp.from(clock.instant());
        String subject = mail.subject().length() > 200 ? mail.subject().substring(0, 200) : mail.subject();
        int updated = jdbc.sql("update mail_failure set attempts = attempts + 1, last_error = ?, last_failed_at = ? where message_id = ?")
                .params(reason, now, mail.id()).update();
        if (updated == 0) {
            try {
                jdbc.sql("""
                        insert into mail_failure (message_id, recipient_domain, subject, attempts, last_error, first_failed_at, last_failed_at)
                        values (?, ?, ?, 1, ?, ?, ?)""").params(mail.id(), recipientDomain, subject, reason, now, now).update();
            } catch (DuplicateKeyException e) {
                // Another node recorded the first failure at the same moment; this one is the second.
                jdbc.sql("update mail_failure set attempts = attempts + 1, last_error = ?, last_failed_at = ? where message_id = ?")
                        .params(reason, now, mail.id()).update();
            }
        }
    }

    @Transactional
    void delivered(MailQueued mail) {
        jdbc.sql("delete from mail_failure where message_id = ?").param(mail.id()).update();
    }

    /** Why a delivery failed, without personal data: the chain of exception classes, and the SMTP reply code if there was one. */
    static String reason(Throwable failure) {
        List<String> classes = new ArrayList<>();
        Integer replyCode = null;
        Throwable current = failure;
        while (current != null && classes.size() < 6) {
            classes.add(current.getClass().getSimpleName());
            Integer code = smtpReplyCode(current);
            replyCode = code != null ? code : replyCode;
            Throwable next = current.getCause();
            if (next == null && current instanceof MailSendException send && !send.getFailedMessages().isEmpty()) {
                next = send.getFailedMessages().values().iterator().next();
            }
            if (next == null && current instanceof MessagingException messaging) {
                next = messaging.getNextException();
            }
            current = next == current ? null : next;
        }
        String reason = String.join(" > ", classes) + (replyCode != null && replyCode > 0 ? " (SMTP reply " + replyCode + ")" : "");
        return reason.length() > REASON_LENGTH ? reason.substring(0, REASON_LENGTH) : reason;
    }

    /**
     * The reply code of Angus Mail's SMTP exceptions (SMTPSendFailedException, SMTPAddressFailedException,
     * SMTPSenderFailedException). Angus is only on the runtime classpath, hence the reflection.
     */
    private static Integer smtpReplyCode(Throwable failure) {
        if (!failure.getClass().getName().startsWith("org.eclipse.angus.mail.smtp.SMTP")) {
            return null;
        }
        try {
            return (Integer) failure.getClass().getMethod("getReturnCode").invoke(failure);
        } catch (ReflectiveOperationException | ClassCastException e) {
            return null;
        }
    }

    private static MailFailure row(ResultSet rs, int rowNumber) throws SQLException {
        return new MailFailure(rs.getString("message_id"), rs.getString("recipient_domain"), rs.getString("subject"), rs.getInt("attempts"),
                rs.getString("last_error"), rs.getTimestamp("first_failed_at").toInstant(), rs.getTimestamp("last_failed_at").toInstant());
    }
}
