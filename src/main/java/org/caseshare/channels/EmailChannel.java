package org.caseshare.channels;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import org.caseshare.audit.AuditEvent;
import org.caseshare.audit.AuditTrail;
import org.caseshare.crypto.ArchiveEntry;
import org.caseshare.crypto.EncryptedArchive;
import org.caseshare.crypto.PasswordGenerator;
import org.caseshare.crypto.SafeFileName;
import org.caseshare.crypto.SecretBox;
import org.caseshare.crypto.Tokens;
import org.caseshare.directory.Directory;
import org.caseshare.directory.EmailCheck;
import org.caseshare.directory.OrganisationSettings;
import org.caseshare.mail.Mailer;
import org.caseshare.mail.OutgoingMail;
import org.caseshare.policy.Channel;
import org.caseshare.system.Actor;
import org.caseshare.system.Text;
import org.caseshare.sharing.ReceiptConfirmedByLink;
import org.caseshare.sharing.SharingRecord;
import org.caseshare.sharing.SharingRegister;
import org.caseshare.sharing.Status;
import org.caseshare.document.DocumentLanguage;
import org.caseshare.document.UnprintableCharacterException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Email, as the guide's section on it asks: a work address (personal webmail refused), the personal
 * information in an attached document, read-only and encrypted (an AES-256 ZIP with an innocuous
 * name), the subject 'Private and Confidential', and the password told separately — by telephone,
 * or once the recipient has confirmed receipt, in a separate email the app sends.
 */
@Service
class EmailChannel {

    /** How the recipient gets the password (email.password-separately). */
    enum PasswordRoute { TELEPHONE, EMAIL_AFTER_RECEIPT }

    /** One file chosen to attach; opened only while the archive is written. */
    record Upload(String originalName, long size, ArchiveEntry.Content content) {
    }

    /** A new attachment: the password is shown to the sender this once and then wiped by the caller. */
    record Built(String fileName, char[] password, long size, int entries, PasswordRoute route) {
    }

    /** What is known about a record's attachment, without its contents or password. */
    record Attachment(UUID recordId, String fileName, String recipientEmail, int entries, long size, boolean archiveKept,
            PasswordRoute route, boolean passwordHeld, Instant createdAt, Instant sentAt, Instant receiptConfirmedAt,
            Instant passwordReleasedAt) {
    }

    /** The safeguards making the attachment carries out. */
    static final List<String> BUILD_SAFEGUARDS = List.of("email.work-account", "email.encrypted-attachment", "email.innocuous-file-name");

    static final String SUBJECT = "Private and Confidential";

    private final Checklist checklist;
    private final SharingRegister register;
    private final Directory directory;
    private final OrganisationSettings settings;
    private final SecretBox secrets;
    private final Mailer mailer;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final EncryptedArchive archives;
    private final PasswordGenerator passwords = new PasswordGenerator();
    private final long maxBytes;
    private final String baseUrl;

    EmailChannel(Checklist checklist, SharingRegister register, Directory directory, OrganisationSettings settings, SecretBox secrets,
            Mailer mailer, AuditTrail audit, ApplicationEventPublisher events,
            JdbcClient jdbc, JdbcTemplate template, PlatformTransactionManager transactions, Clock clock,
            @Value("${caseshare.channels.max-attachment-size:10MB}") org.springframework.util.unit.DataSize maxSize,
            @Value("${caseshare.base-url}") String baseUrl) {
        this.checklist = checklist;
        this.register = register;
        this.events = events;
        this.directory = directory;
        this.settings = settings;
        this.secrets = secrets;
        this.mailer = mailer;
        this.audit = audit;
        this.jdbc = jdbc;
        this.template = template;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
        this.archives = new EncryptedArchive(clock);
        this.maxBytes = maxSize.toBytes();
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    long maxBytes() {
        return maxBytes;
    }

    SharingRecord record(Actor actor, UUID id) {
        return checklist.record(actor, id, Channel.EMAIL);
    }

    /** The directory's view of an address: refused personal webmail, a known secure domain, a warning, or unknown. */
    Optional<EmailCheck> check(Actor actor, String address) {
        if (address == null || address.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(directory.checkEmail(actor.organisationId(), address.strip()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /**
     * Builds the encrypted attachment from the uploads (and/or a generated record summary), replacing
     * any earlier one for the record, and confirms the safeguards that doing so carries out.
     */
    Built build(Actor actor, UUID id, String address, List<Upload> uploads, boolean summary, String route) {
        SharingRecord record = record(actor, id);
        Checklist.requireBeforeSharing(record);
        ChannelInputException.Collector errors = new ChannelInputException.Collector();
        EmailCheck check = null;
        if (address == null || address.isBlank()) {
            errors.add("recipientEmail", "channels.error.email.recipient.missing");
        } else {
            check = check(actor, address).orElse(null);
            if (check == null) {
                errors.add("recipientEmail", "channels.error.email.recipient.format");
            } else if (check.verdict() == EmailCheck.Verdict.REFUSED_PERSONAL_WEBMAIL) {
                // email.work-account: never a personal account such as Hotmail
                errors.add("recipientEmail", "channels.error.email.recipient.webmail", check.reasonText());
            }
        }
        List<Upload> files = uploads.stream().filter(u -> u.size() > 0).toList();
        long total = files.stream().mapToLong(Upload::size).sum();
        if (files.isEmpty() && !summary) {
            errors.add("files", "channels.error.email.files.none");
        } else if (total > maxBytes) {
            errors.add("files", "channels.error.email.files.too-large", megabytes(maxBytes));
        }
        PasswordRoute passwordRoute = route(route);
        if (passwordRoute == null) {
            errors.add("passwordRoute", "channels.error.email.route");
        }
        errors.throwIfAny();
        List<ArchiveEntry> entries = entries(record, files, summary);
        char[] password = passwords.generate();
        Path zip = null;
        try {
            zip = Files.createTempFile("caseshare-attachment", ".zip");
            try (OutputStream out = Files.newOutputStream(zip)) {
                archives.write(out, entries, password);
            }
            long size = Files.size(zip);
            String fileName = "documents-" + Checklist.reference(id).substring(3).toLowerCase(Locale.ROOT) + ".zip";
            String recipient = check.address();
            String verdict = check.verdict().name();
            Path archive = zip;
            transaction.executeWithoutResult(status -> {
                store(actor, record, fileName, recipient, entries.size(), size, archive, passwordRoute, password);
                audit.record(event("channels.email-attachment-made", actor, id).with("entries", Integer.toString(entries.size()))
                        .with("passwordRoute", passwordRoute.name()).with("emailCheck", verdict));
                checklist.confirm(actor, register.get(actor.organisationId(), id), BUILD_SAFEGUARDS);
            });
            return new Built(fileName, password, size, entries.size(), passwordRoute);
        } catch (IOException e) {
            Arrays.fill(password, '\0');
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            Arrays.fill(password, '\0');
            throw e;
        } finally {
            deleteQuietly(zip);
        }
    }

    private List<ArchiveEntry> entries(SharingRecord record, List<Upload> files, boolean summary) {
        List<ArchiveEntry> entries = new ArrayList<>();
        if (summary) {
            ByteArrayOutputStream pdf = new ByteArrayOutputStream();
            try {
                // In the language the directory records for the recipient's organisation, as the email is.
                DocumentLanguage language = DocumentLanguage.valueOf(
                        directory.languageOfEntry(record.organisationId(), record.content().recipient().entryId()).name());
                org.caseshare.document.RecordSummaryDocument.render(Summaries.of(record, language.locales().get(0)), language, pdf);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (UnprintableCharacterException e) {
                throw new ChannelInputException(Map.of("summary", e.text()));
            }
            byte[] bytes = pdf.toByteArray();
            entries.add(new ArchiveEntry(new SafeFileName("record-summary.pdf"), () -> new ByteArrayInputStream(bytes)));
        }
        int n = 0;
        for (Upload file : files) {
            n++;
            // email.innocuous-file-name: the original name may name the person; only its extension is kept
            entries.add(new ArchiveEntry(SafeFileName.sanitise("document-" + n + extension(file.originalName())), file.content()));
        }
        return entries;
    }

    static String extension(String name) {
        if (name == null) {
            return "";
        }
        int dot = name.lastIndexOf('.');
        if (dot < 0 || dot == name.length() - 1) {
            return "";
        }
        String extension = name.substring(dot + 1).toLowerCase(Locale.ROOT);
        return extension.matches("[a-z0-9]{1,8}") ? "." + extension : "";
    }

    private void store(Actor actor, SharingRecord record, String fileName, String recipient, int entries, long size, Path archive,
            PasswordRoute route, char[] password) {
        jdbc.sql("delete from channel_email_attachment where sharing_record_id = ? and organisation_id = ?")
                .params(record.id(), actor.organisationId()).update();
        // Sealed only when the app itself is to send it after receipt; for the telephone route it is never kept.
        String sealed = route == PasswordRoute.EMAIL_AFTER_RECEIPT ? secrets.seal(new String(password), context(record.id())) : null;
        Instant now = now();
        template.update("""
                insert into channel_email_attachment (sharing_record_id, organisation_id, file_name, recipient_email, entry_count,
                    size_bytes, archive, password_route, sealed_password, created_by, created_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", ps -> {
            ps.setObject(1, record.id());
            ps.setObject(2, actor.organisationId());
            ps.setString(3, fileName);
            ps.setString(4, recipient);
            ps.setInt(5, entries);
            ps.setLong(6, size);
            try {
                ps.setBinaryStream(7, Files.newInputStream(archive), size);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            ps.setString(8, route.name());
            ps.setString(9, sealed);
            ps.setObject(10, actor.accountId());
            ps.setObject(11, java.sql.Timestamp.from(now));
        });
    }

    Optional<Attachment> attachment(UUID organisationId, UUID recordId) {
        return jdbc.sql("""
                select sharing_record_id, file_name, recipient_email, entry_count, size_bytes, archive is not null as kept,
                       password_route, sealed_password is not null as held, created_at, sent_at, receipt_confirmed_at, password_released_at
                from channel_email_attachment where sharing_record_id = ? and organisation_id = ?""")
                .params(recordId, organisationId)
                .query((rs, i) -> new Attachment(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getInt(4), rs.getLong(5),
                        rs.getBoolean(6), PasswordRoute.valueOf(rs.getString(7)), rs.getBoolean(8), instant(rs.getTimestamp(9)),
                        instant(rs.getTimestamp(10)), instant(rs.getTimestamp(11)), instant(rs.getTimestamp(12))))
                .optional();
    }

    /** Streams the stored archive (already AES-256 encrypted) to the sender; audited. */
    void download(Actor actor, UUID id, OutputStream out) throws IOException {
        record(actor, id);
        Attachment attachment = attachment(actor.organisationId(), id).filter(Attachment::archiveKept)
                .orElseThrow(() -> new org.caseshare.system.NotFoundException("Attachment"));
        transaction.executeWithoutResult(status -> audit.record(event("channels.email-attachment-downloaded", actor, attachment.recordId())));
        template.query("select archive from channel_email_attachment where sharing_record_id = ? and organisation_id = ?", rs -> {
            try (InputStream in = rs.getBinaryStream(1)) {
                in.transferTo(out);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, id, actor.organisationId());
    }

    /**
     * The sender says the email went: the checklist's remaining ticks and the password route are
     * confirmed and the record marked shared, all or nothing. The archive is deleted; for the route by
     * email the recipient is sent a single-use link to confirm receipt.
     */
    SharingRecord sent(Actor actor, UUID id, List<String> ticked, boolean passwordTelephoned) {
        SharingRecord record = record(actor, id);
        Checklist.requireBeforeSharing(record);
        Attachment attachment = attachment(actor.organisationId(), id)
                .orElseThrow(() -> new ChannelInputException("files", "channels.error.email.attachment-first"));
        if (attachment.route() == PasswordRoute.TELEPHONE && !passwordTelephoned) {
            throw new ChannelInputException("passwordTelephoned", "channels.error.email.telephoned");
        }
        List<String> confirm = new ArrayList<>(ticked);
        // email.password-separately: by telephone (confirmed by the sender now) or by the app after receipt
        confirm.add("email.password-separately");
        String token = attachment.route() == PasswordRoute.EMAIL_AFTER_RECEIPT ? Tokens.newToken("r_") : null;
        return transaction.execute(status -> {
            SharingRecord shared = checklist.share(actor, record, confirm);
            Instant now = now();
            int days = settings.receiptLinkDays(actor.organisationId());
            jdbc.sql("""
                    update channel_email_attachment set archive = null, sent_at = ?, receipt_token_hash = ?,
                        password_released_at = ?, receipt_link_expires_at = ? where sharing_record_id = ? and organisation_id = ?""")
                    .params(java.sql.Timestamp.from(now), token == null ? null : Tokens.sha256Hex(token),
                            attachment.route() == PasswordRoute.TELEPHONE ? java.sql.Timestamp.from(now) : null,
                            token == null ? null : java.sql.Timestamp.from(now.plus(Duration.ofDays(days))), id, actor.organisationId())
                    .update();
            audit.record(event("channels.email-sent", actor, id).with("passwordRoute", attachment.route().name()));
            if (token != null) {
                mailer.send(OutgoingMail.written(attachment.recipientEmail(), recipientLanguages(record), Text.of("mail.private"),
                        receiptLinkBody(attachment, token, days)));
                audit.record(event("channels.receipt-link-sent", actor, id));
            }
            return shared;
        });
    }

    private List<Text> receiptLinkBody(Attachment attachment, String token, int days) {
        return List.of(Text.of("mail.email-channel.sent", attachment.fileName(), Checklist.reference(attachment.recordId())),
                Text.of("mail.email-channel.confirm", String.valueOf(days)),
                Text.literal(baseUrl + "/receipts/" + token),
                Text.of("mail.email-channel.password-follows"),
                Text.of("mail.email-channel.not-expecting"));
    }

    /** The languages the sender's directory records for the record's recipient organisation (English when none). */
    private List<java.util.Locale> recipientLanguages(SharingRecord record) {
        return directory.languageOfEntry(record.organisationId(), record.content().recipient().entryId()).locales();
    }

    /**
     * What the receipt page may show: the innocuous reference and file name, nothing about anyone.
     * An expired link shows only that it has expired.
     */
    record Receipt(UUID recordId, UUID organisationId, String fileName, boolean used, boolean expired) {
    }

    Optional<Receipt> receipt(String token) {
        if (token == null || token.length() > 100) {
            return Optional.empty();
        }
        Instant now = now();
        return jdbc.sql("select sharing_record_id, organisation_id, file_name, receipt_confirmed_at is not null, receipt_link_expires_at"
                + " from channel_email_attachment where receipt_token_hash = ?").param(Tokens.sha256Hex(token))
                .query((rs, i) -> new Receipt(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3), rs.getBoolean(4),
                        rs.getTimestamp(5) == null || !rs.getTimestamp(5).toInstant().isAfter(now)))
                .optional();
    }

    /**
     * The recipient confirmed receipt by the link (email.confirm-receipt): the record is stamped, the
     * link stops working, and the password goes in a separate email and is then erased.
     */
    boolean confirmReceipt(String token) {
        Receipt receipt = receipt(token).orElse(null);
        if (receipt == null || receipt.used() || receipt.expired()) {
            return false;
        }
        return Boolean.TRUE.equals(transaction.execute(status -> {
            // the expiry is checked again in the claim itself, so a link cannot be used past its time by a race
            java.sql.Timestamp now = java.sql.Timestamp.from(now());
            int claimed = jdbc.sql("update channel_email_attachment set receipt_confirmed_at = ? where receipt_token_hash = ?"
                    + " and receipt_confirmed_at is null and receipt_link_expires_at > ?").params(now, Tokens.sha256Hex(token), now).update();
            if (claimed != 1) {
                return false;
            }
            // the register confirms the record in this transaction, before the password is released (ADR 0014)
            events.publishEvent(new ReceiptConfirmedByLink(receipt.organisationId(), receipt.recordId()));
            audit.record(AuditEvent.success("channels.receipt-confirmed-by-link", SharingRegister.RECIPIENT_ACTOR, receipt.organisationId(),
                    "sharing-record:" + receipt.recordId()));
            release(receipt.organisationId(), receipt.recordId(), SharingRegister.RECIPIENT_ACTOR);
            return true;
        }));
    }

    /**
     * The sender recorded receipt themselves and asks the app to send the held password now. Refused
     * before receipt is confirmed: the guide's route is "once receipt of the document is confirmed".
     */
    void releaseAfterReceipt(Actor actor, UUID id) {
        SharingRecord record = record(actor, id);
        if (record.status() != Status.RECEIPT_CONFIRMED && record.status() != Status.CLOSED) {
            throw new ChannelRefusedException("channels.refused.receipt-first");
        }
        transaction.executeWithoutResult(status -> {
            if (!release(actor.organisationId(), id, actor.accountId().toString())) {
                throw new ChannelRefusedException("channels.refused.no-password");
            }
        });
    }

    /** Sends the sealed password in its own email, then erases it. Returns false if none is held. */
    private boolean release(UUID organisationId, UUID recordId, String actorId) {
        var held = jdbc.sql("select sealed_password, recipient_email, file_name from channel_email_attachment"
                + " where sharing_record_id = ? and organisation_id = ? and sealed_password is not null")
                .params(recordId, organisationId).query((rs, i) -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3)}).optional();
        if (held.isEmpty()) {
            return false;
        }
        String password = secrets.open(held.get()[0], context(recordId));
        jdbc.sql("update channel_email_attachment set sealed_password = null, password_released_at = ? where sharing_record_id = ?")
                .params(java.sql.Timestamp.from(now()), recordId).update();
        audit.record(AuditEvent.success("channels.password-released", actorId, organisationId, "sharing-record:" + recordId)
                .with("route", PasswordRoute.EMAIL_AFTER_RECEIPT.name()));
        // No personal data: the password and the innocuous file name and reference only.
        mailer.send(OutgoingMail.written(held.get()[1], recipientLanguages(register.get(organisationId, recordId)), Text.of("mail.private"),
                List.of(Text.of("mail.email-channel.password", held.get()[2], Checklist.reference(recordId)), Text.literal(password),
                        Text.of("mail.email-channel.thanks"))));
        return true;
    }

    static String context(UUID recordId) {
        return "channels.email-password:" + recordId;
    }

    private static PasswordRoute route(String text) {
        if (text == null) {
            return null;
        }
        for (PasswordRoute route : PasswordRoute.values()) {
            if (route.name().equals(text.strip())) {
                return route;
            }
        }
        return null;
    }

    static String megabytes(long bytes) {
        return (bytes / (1024 * 1024)) + " MB";
    }

    static AuditEvent event(String action, Actor actor, UUID recordId) {
        return AuditEvent.success(action, actor.accountId().toString(), actor.organisationId(), "sharing-record:" + recordId);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private static Instant instant(java.sql.Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    private static void deleteQuietly(Path path) {
        if (path != null) {
            try {
                Files.deleteIfExists(path);
            } catch (IOException ignored) {
                // a temporary file of ciphertext only; the OS clears its temp folder
            }
        }
    }
}
