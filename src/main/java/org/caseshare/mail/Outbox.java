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
        if (keys().stream().anyMatch(key -> key.endsWith("-" + id))) {
            return;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            message.writeTo(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // Filed at the wall-clock time it was written (not the application's clock, which tests move).
        blobs.put(PREFIX + "/" + System.currentTimeMillis() + "-" + id, new ByteArrayInputStream(bytes.toByteArray()));
    }

    private List<String> keys() {
        return blobs.keysOlderThan(PREFIX, Instant.MAX);
    }

    /** The filed emails, newest first. */
    public List<OutboxMessage> list() {
        List<OutboxMessage> messages = new ArrayList<>();
        for (String key : keys()) {
            String id = key.substring(PREFIX.length() + 1);
            if (ID.matcher(id).matches()) {
                messages.add(read(id));
            }
        }
        messages.sort(Comparator.comparing(OutboxMessage::filedAt).reversed().thenComparing(OutboxMessage::id, Comparator.reverseOrder()));
        return messages;
    }

    public Optional<OutboxMessage> find(String id) {
        if (id == null || !ID.matcher(id).matches() || !blobs.exists(PREFIX + "/" + id)) {
            return Optional.empty();
        }
        return Optional.of(read(id));
    }

    private OutboxMessage read(String id) {
        try (InputStream in = blobs.get(PREFIX + "/" + id)) {
            MimeMessage message = new MimeMessage(Session.getInstance(new Properties()), in);
            String to = message.getAllRecipients() == null ? "" : message.getAllRecipients()[0].toString();
            Object content = message.getContent();
            Matcher parts = ID.matcher(id);
            Instant filedAt = parts.matches() ? Instant.ofEpochMilli(Long.parseLong(parts.group(1))) : Instant.EPOCH;
            return new OutboxMessage(id, filedAt, to, message.getSubject(), content instanceof String text ? text : "");
        } catch (IOException | MessagingException e) {
            throw new IllegalStateException("Unreadable outbox message " + id, e);
        }
    }

    public record OutboxMessage(String id, Instant filedAt, String to, String subject, String body) {
    }
}
