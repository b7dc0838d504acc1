package org.caseshare.mail;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The outbox folder used when no SMTP server is configured. Each email is one .eml file, written
 * under a temporary name and renamed, so a reader never sees half a message.
 */
@Component
public class Outbox {

    private final Path folder;

    public Outbox(@Value("${caseshare.data-dir}") Path dataDir) {
        this.folder = dataDir.resolve("outbox");
    }

    /**
     * Files the email under its id (the uuid in its Message-ID). Filing the same email again, as a retried
     * delivery may, leaves the one already there.
     */
    void file(MimeMessage message, String id) throws MessagingException {
        try {
            Files.createDirectories(folder);
            if (alreadyFiled(id)) {
                return;
            }
            String name = System.currentTimeMillis() + "-" + id + ".eml";
            Path tmp = folder.resolve("." + name + ".tmp");
            try (OutputStream out = Files.newOutputStream(tmp)) {
                message.writeTo(out);
            } catch (IOException e) {
                Files.deleteIfExists(tmp);
                throw e;
            }
            Files.move(tmp, folder.resolve(name), StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write to the outbox " + folder, e);
        }
    }

    private boolean alreadyFiled(String id) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.anyMatch(f -> f.getFileName().toString().endsWith("-" + id + ".eml"));
        }
    }

    /** The filed emails, newest first. */
    public List<OutboxMessage> list() {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            List<OutboxMessage> messages = new ArrayList<>();
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".eml") && !f.getFileName().toString().startsWith(".")).toList()) {
                messages.add(read(file));
            }
            messages.sort(Comparator.comparing(OutboxMessage::filedAt).reversed().thenComparing(OutboxMessage::id, Comparator.reverseOrder()));
            return messages;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Optional<OutboxMessage> find(String id) {
        if (id == null || !id.matches("[0-9]+-[0-9a-f-]{36}")) {
            return Optional.empty();
        }
        Path file = folder.resolve(id + ".eml");
        return Files.isRegularFile(file) ? Optional.of(read(file)) : Optional.empty();
    }

    private static OutboxMessage read(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            MimeMessage message = new MimeMessage(Session.getInstance(new Properties()), in);
            String name = file.getFileName().toString();
            String to = message.getAllRecipients() == null ? "" : message.getAllRecipients()[0].toString();
            Object content = message.getContent();
            return new OutboxMessage(name.substring(0, name.length() - 4), Files.getLastModifiedTime(file).toInstant(), to,
                    message.getSubject(), content instanceof String text ? text : "");
        } catch (IOException | MessagingException e) {
            throw new IllegalStateException("Unreadable outbox file " + file.getFileName(), e);
        }
    }

    public record OutboxMessage(String id, Instant filedAt, String to, String subject, String body) {
    }
}
