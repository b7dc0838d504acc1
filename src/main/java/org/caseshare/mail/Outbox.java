package org.caseshare.mail;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import org.caseshare.storage.BlobStore;
import org.springframework.stereotype.Component;

/**
 * The outbox used when no SMTP server is configured: each email is one .eml blob under
 * {@code mail/outbox/} in the blob store — the S3 bucket when configured, so every node files to and
 * lists the same outbox. Blob writes are atomic, so a reader never sees half a message.
 */
@Component
public class Outbox {

    private static final String PREFIX = "mail/outbox";
    /** The wall-clock time the email was filed, in epoch milliseconds (not the application's clock, which tests move). */
    private static final String FILED_AT = "X-Caseshare-Filed-At";
    /** An outbox message's id as pages show it: when it was filed, then the email's own id. */
    private static final Pattern ID = Pattern.compile("([0-9]+)-([0-9a-f-]{36})");

    private final BlobStore blobs;

    public Outbox(BlobStore blobs) {
        this.blobs = blobs;
    }

    /**
     * Files the email under its id (the uuid in its Message-ID). Filing the same email again, as a retried
     * delivery may, leaves the one already there.
     */
    void file(MimeMessage message, String id) throws MessagingException {
        String key = PREFIX + "/" + id;
        if (blobs.exists(key)) {
            return;
        }
        message.setHeader(FILED_AT, Long.toString(System.currentTimeMillis()));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            message.writeTo(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        blobs.put(key, new ByteArrayInputStream(bytes.toByteArray()));
    }

    /** The filed emails, newest first. */
    public List<OutboxMessage> list() {
        List<OutboxMessage> messages = new ArrayList<>();
        for (String key : blobs.keysOlderThan(PREFIX, Instant.MAX)) {
            messages.add(read(key));
        }
        messages.sort(Comparator.comparing(OutboxMessage::filedAt).reversed().thenComparing(OutboxMessage::id, Comparator.reverseOrder()));
        return messages;
    }

    public Optional<OutboxMessage> find(String id) {
        Matcher parts = id == null ? null : ID.matcher(id);
        if (parts == null || !parts.matches() || !blobs.exists(PREFIX + "/" + parts.group(2))) {
            return Optional.empty();
        }
        OutboxMessage message = read(PREFIX + "/" + parts.group(2));
        return message.id().equals(id) ? Optional.of(message) : Optional.empty();
    }

    private OutboxMessage read(String key) {
        try (InputStream in = blobs.get(key)) {
            MimeMessage message = new MimeMessage(Session.getInstance(new Properties()), in);
            String to = message.getAllRecipients() == null ? "" : message.getAllRecipients()[0].toString();
            Object content = message.getContent();
            String filed = message.getHeader(FILED_AT, null);
            Instant filedAt = filed == null ? Instant.EPOCH : Instant.ofEpochMilli(Long.parseLong(filed));
            return new OutboxMessage(filedAt.toEpochMilli() + "-" + key.substring(PREFIX.length() + 1), filedAt, to, message.getSubject(),
                    content instanceof String text ? text : "");
        } catch (IOException | MessagingException | NumberFormatException e) {
            throw new IllegalStateException("Unreadable outbox message " + key, e);
        }
    }

    public record OutboxMessage(String id, Instant filedAt, String to, String subject, String body) {
    }
}
