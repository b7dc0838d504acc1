package org.caseshare.exchange;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Semaphore;
import java.util.regex.Pattern;

import org.caseshare.audit.AuditEvent;
import org.caseshare.audit.AuditTrail;
import org.caseshare.crypto.ContentAuthenticationException;
import org.caseshare.crypto.FileContext;
import org.caseshare.crypto.FileEncryption;
import org.caseshare.crypto.KeyAuthenticationException;
import org.caseshare.crypto.PackagePasswords;
import org.caseshare.crypto.PasswordKey;
import org.caseshare.crypto.PasswordLock;
import org.caseshare.crypto.WrappedKey;
import org.caseshare.directory.Directory;
import org.caseshare.directory.DirectoryEntry;
import org.caseshare.directory.Organisation;
import org.caseshare.identity.Account;
import org.caseshare.identity.Invitations;
import org.caseshare.identity.Members;
import org.caseshare.identity.Role;
import org.caseshare.mail.Mailer;
import org.caseshare.mail.OutgoingMail;
import org.caseshare.sharing.Actor;
import org.caseshare.sharing.SharingRecord;
import org.caseshare.sharing.SharingRegister;
import org.caseshare.storage.BlobStore;
import org.caseshare.system.ApiValidationException;
import org.caseshare.system.Caller;
import org.caseshare.system.NotFoundException;
import org.caseshare.system.PlainText;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The secure hub's API. Senders see their organisation's packages; recipients see only packages
 * addressed to their own email address, once sent; anyone else gets ‘not found’. Every change is
 * audited in its transaction, by identifiers only.
 */
@Service
public class Packages {

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final int MAX_TEXT = 2000;

    private final JdbcClient jdbc;
    private final FileEncryption encryption;
    private final BlobStore blobs;
    private final Directory directory;
    private final Members members;
    private final Invitations invitations;
    private final Mailer mailer;
    private final AuditTrail audit;
    private final ExchangeProperties properties;
    private final Clock clock;
    private final String baseUrl;
    private final PackagePasswords passwords = new PackagePasswords();
    private final Semaphore passwordChecks;
    private final org.springframework.transaction.support.TransactionTemplate transactions;
    private final SharingRegister sharing;
    private final RequestAnswers requestAnswers;
    private final Receipts receipts;
    private final DamagedFiles damagedFiles;

    Packages(JdbcClient jdbc, FileEncryption encryption, BlobStore blobs, Directory directory, Members members,
            Invitations invitations, Mailer mailer, AuditTrail audit, ExchangeProperties properties, Clock clock,
            @Value("${caseshare.base-url}") String baseUrl, org.springframework.transaction.PlatformTransactionManager transactionManager,
            SharingRegister sharing, RequestAnswers requestAnswers, DamagedFiles damagedFiles, Receipts receipts) {
        this.receipts = receipts;
        this.damagedFiles = damagedFiles;
        this.sharing = sharing;
        this.requestAnswers = requestAnswers;
        this.transactions = new org.springframework.transaction.support.TransactionTemplate(transactionManager);
        this.jdbc = jdbc;
        this.encryption = encryption;
        this.blobs = blobs;
        this.directory = directory;
        this.members = members;
        this.invitations = invitations;
        this.mailer = mailer;
        this.audit = audit;
        this.properties = properties;
        this.clock = clock;
        this.baseUrl = baseUrl;
        this.passwordChecks = new Semaphore(properties.concurrentPasswordChecks(), true);
    }

    public ExchangeProperties limits() {
        return properties;
    }

    static boolean maySend(Caller caller) {
        return caller.hasRole(Role.PRACTITIONER.name()) || caller.hasRole(Role.PARTNER.name());
    }

    // ---- creating and sending -------------------------------------------------------------------

    /** What a member of the organisation is told when a package names no sharing record (ADR 0008, decision 4). */
    static final String RECORD_NEEDED = "Choose the sharing record this package belongs to";

    /**
     * Creates a draft package; files are added next, then it is sent. A member of the organisation
     * sends under a sharing record whose channel is the secure hub: every share is recorded, and a
     * package is a share. Partner users sending back have no register of ours, so name none.
     */
    @Transactional
    public UUID create(Caller caller, NewPackage form) {
        return create(caller, form, false);
    }

    /** An answer to a request for files: sent back to the organisation that asked, under no record of the sender's. */
    @Transactional
    UUID createAnswer(Caller caller, NewPackage form) {
        return create(caller, form, true);
    }

    private UUID create(Caller caller, NewPackage form, boolean answer) {
        if (!maySend(caller)) {
            throw new AccessDeniedException("Only practitioners and partner users send packages");
        }
        Map<String, String> errors = new java.util.LinkedHashMap<>();
        if (form.sharingRecordId() != null) {
            form = fromRecord(caller, form, errors);
        } else if (!answer && !caller.hasRole(Role.PARTNER.name())) {
            throw new ApiValidationException("A package from your organisation is a share: name the sharing record, with the secure hub"
                    + " as its channel, that it is sent under (record the share first)", Map.of("sharingRecordId", RECORD_NEEDED));
        }
        List<String> recipients = normaliseRecipients(form.recipients(), errors);
        String purpose = text(form.purpose(), "purpose", "Say why you are sending this", errors);
        String consent = text(form.consentLimits(), "consentLimits", "Describe the limits of consent", errors);
        String handling = text(form.furtherHandling(), "furtherHandling", "Say how the recipient may handle it", errors);
        int days = form.expiresInDays() == null ? (int) properties.defaultExpiry().toDays() : form.expiresInDays();
        if (days < 1 || days > properties.maximumExpiry().toDays()) {
            errors.put("expiresInDays", "Choose between 1 and " + properties.maximumExpiry().toDays() + " days");
        }
        int limit = form.downloadLimit() == null ? properties.defaultDownloadLimit() : form.downloadLimit();
        if (limit < 1 || limit > properties.maximumDownloadLimit()) {
            errors.put("downloadLimit", "Choose between 1 and " + properties.maximumDownloadLimit() + " downloads");
        }
        UUID recipientOrganisation = errors.containsKey("recipients") ? null : recipientOrganisation(caller, form.recipientEntryId(), recipients, errors);
        errors.putAll(PlainText.check(form)); // an invisible character is the problem to fix in its field
        if (!errors.isEmpty()) {
            throw new ApiValidationException("The package has invalid fields", errors);
        }
        UUID id = UUID.randomUUID();
        Instant now = clock.instant();
        jdbc.sql("""
                insert into hub_package (id, organisation_id, sender_id, recipient_organisation_id, sharing_record_id, purpose,
                    consent_limits, further_handling, status, download_limit, expires_at, created_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, 'DRAFT', ?, ?, ?)""")
                .params(id, caller.organisationId(), caller.accountId(), recipientOrganisation, form.sharingRecordId(), purpose,
                        consent, handling, limit, Timestamp.from(now.plus(Duration.ofDays(days))), Timestamp.from(now))
                .update();
        for (String email : recipients) {
            jdbc.sql("insert into hub_recipient (package_id, email) values (?, ?)").params(id, email).update();
        }
        audit.record(AuditEvent.success("hub.package.created", caller.actorId(), caller.organisationId(), target(id))
                .with("recipientOrganisation", recipientOrganisation.toString()).with("recipients", Integer.toString(recipients.size())));
        return id;
    }

    /**
     * A package sent from a sharing record carries that record's purpose and limits of consent (the
     * recipient acknowledges them before downloading), goes to the record's organisation, and by
     * default to the person named on it. Another organisation's record is not found.
     */
    private NewPackage fromRecord(Caller caller, NewPackage form, Map<String, String> errors) {
        if (caller.hasRole(Role.PARTNER.name())) {
            throw new NotFoundException("Sharing record");
        }
        SharingRecord record = sharing.get(caller.organisationId(), form.sharingRecordId());
        RecordTerms.refusal(record).ifPresent(message -> errors.put("sharingRecordId", message));
        RecordTerms terms = RecordTerms.of(record);
        // Without a directory entry (the organisation was typed on the record, none chosen here), the
        // recipients must already have logins, all at one other organisation: recipientOrganisation decides.
        UUID entry = record.content().recipient().entryId() != null ? record.content().recipient().entryId() : form.recipientEntryId();
        List<String> given = form.recipients() == null ? List.of() : form.recipients().stream().filter(r -> r != null && !r.isBlank()).toList();
        String named = record.content().recipient().email();
        List<String> recipients = given.isEmpty() && named != null && !named.isBlank() ? List.of(named) : given;
        String handling = form.furtherHandling() == null || form.furtherHandling().isBlank() ? terms.furtherHandling() : form.furtherHandling();
        return new NewPackage(entry, recipients, terms.purpose(), terms.consentLimits(), handling, form.expiresInDays(),
                form.downloadLimit(), record.id());
    }

    /** The terms a package from this record would carry, for the page that starts one (404 for another organisation's record). */
    RecordTerms termsOf(Caller caller, UUID recordId) {
        return RecordTerms.of(sharing.get(caller.organisationId(), recordId));
    }

    List<String> normaliseRecipients(List<String> given, Map<String, String> errors) {
        Set<String> emails = new LinkedHashSet<>();
        for (String raw : given == null ? List.<String>of() : given) {
            for (String part : raw.split("[,;\\s]+")) {
                String email = part.strip().toLowerCase(Locale.ROOT);
                if (email.isEmpty()) {
                    continue;
                }
                if (email.length() > 320 || !EMAIL.matcher(email).matches()) {
                    errors.putIfAbsent("recipients", "Enter email addresses like name@school.example.org");
                }
                emails.add(email);
            }
        }
        if (emails.isEmpty()) {
            errors.putIfAbsent("recipients", "Enter the email address of at least one named person");
        }
        if (emails.size() > 20) {
            errors.putIfAbsent("recipients", "Send to at most 20 people");
        }
        return List.copyOf(emails);
    }

    private static String text(String value, String field, String message, Map<String, String> errors) {
        String v = value == null ? "" : value.strip();
        if (v.isEmpty()) {
            errors.put(field, message);
        } else if (v.length() > MAX_TEXT) {
            errors.put(field, "Use " + MAX_TEXT + " characters or fewer");
        }
        return v;
    }

    /**
     * The recipients' organisation. From the sender's directory: the tenant of that name, created if
     * absent so its people can have personal logins (ADR 0006). Without a directory entry (partner
     * users sending back): the one organisation all the addressed accounts belong to.
     */
    UUID recipientOrganisation(Caller caller, UUID entryId, List<String> recipients, Map<String, String> errors) {
        if (entryId != null) {
            Optional<DirectoryEntry> entry = directory.entry(caller.organisationId(), entryId);
            if (entry.isEmpty()) {
                errors.put("recipientEntryId", "Choose an organisation from your directory");
                return null;
            }
            Organisation organisation = directory.organisationNamed(entry.get().name())
                    .orElseGet(() -> directory.createTenant(entry.get().name(), entry.get().kind(), caller.actorId()));
            for (String email : recipients) {
                members.findByEmail(email).filter(a -> !a.organisationId().equals(organisation.id()))
                        .ifPresent(a -> errors.putIfAbsent("recipients", email + " has a Caseshare login at another organisation"));
            }
            return organisation.id();
        }
        Set<UUID> organisations = new LinkedHashSet<>();
        for (String email : recipients) {
            Optional<Account> account = members.findByEmail(email);
            if (account.isEmpty()) {
                errors.putIfAbsent("recipients", "Send only to people who already have a Caseshare login, or choose their organisation");
                return null;
            }
            organisations.add(account.get().organisationId());
        }
        if (organisations.size() != 1) {
            errors.putIfAbsent("recipients", "Send one package to one organisation");
            return null;
        }
        UUID organisation = organisations.iterator().next();
        if (organisation.equals(caller.organisationId())) {
            errors.putIfAbsent("recipients", "The hub is for sending to another organisation");
        }
        return organisation;
    }

    /** Encrypts a file into the draft while it streams in; nothing is visible unless it all arrived. */
    public UUID addFile(Caller caller, UUID packageId, String fileName, InputStream content, long declaredLength) {
        HubRow row = senderDraft(caller, packageId);
        long max = properties.maxFileSize().toBytes();
        if (declaredLength > max) {
            throw HubExceptions.tooLarge();
        }
        String name = SafeFileNames.neutralise(fileName);
        UUID fileId = UUID.randomUUID();
        FileContext context = new FileContext(row.organisationId(), packageId, fileId);
        WrappedKey key = encryption.newKey(context);
        String blobKey = "hub/" + packageId + "/" + fileId;
        long size = EncryptingUpload.store(blobs, blobKey, out -> {
            try (OutputStream encrypting = encryption.encryptingStream(out, key, context)) {
                return LimitedCopy.copy(content, encrypting, max);
            }
        });
        try {
            String sealedName = encryption.sealName(name, key, context);
            transactions.executeWithoutResult(status -> recordFile(caller, packageId, fileId, sealedName, key, blobKey, size));
        } catch (RuntimeException e) {
            blobs.delete(blobKey);
            throw e;
        }
        return fileId;
    }

    private void recordFile(Caller caller, UUID packageId, UUID fileId, String sealedName, WrappedKey key, String blobKey, long size) {
        senderDraft(caller, packageId);
        jdbc.sql("""
                insert into hub_file (id, package_id, sealed_name, wrapped_key, blob_key, size, downloads, created_at)
                values (?, ?, ?, ?, ?, ?, 0, ?)""")
                .params(fileId, packageId, sealedName, key.encoded(), blobKey, size, Timestamp.from(clock.instant())).update();
        audit.record(AuditEvent.success("hub.file.uploaded", caller.actorId(), caller.organisationId(), target(packageId))
                .with("file", fileId.toString()).with("size", Long.toString(size)));
    }

    /**
     * Sends a draft: optionally locks every file under a new generated password (returned once,
     * never stored: tell the recipient separately), invites recipients without a login, and emails
     * each a notice without personal data.
     */
    @Transactional
    public Optional<String> send(Caller caller, UUID packageId, boolean withPassword) {
        HubRow row = senderDraft(caller, packageId);
        List<Map<String, Object>> files = jdbc.sql("select id, wrapped_key from hub_file where package_id = ?").param(packageId).query().listOfRows();
        if (files.isEmpty()) {
            throw new ApiValidationException("Add at least one file before sending", Map.of("files", "Add at least one file"));
        }
        if (row.sharingRecordId() != null) {
            shareRecord(caller, row);
        }
        Optional<String> password = Optional.empty();
        if (withPassword) {
            String generated = passwords.generate();
            PasswordLock lock = passwords.newLock();
            try (PasswordKey key = derive(generated.toCharArray(), lock)) {
                for (Map<String, Object> file : files) {
                    UUID fileId = (UUID) file.get("id");
                    WrappedKey locked = encryption.lockWithPassword(new WrappedKey((String) file.get("wrapped_key")),
                            new FileContext(row.organisationId(), packageId, fileId), key);
                    jdbc.sql("update hub_file set wrapped_key = ? where id = ?").params(locked.encoded(), fileId).update();
                }
            }
            jdbc.sql("update hub_package set password_lock = ? where id = ?").params(lock.encoded(), packageId).update();
            password = Optional.of(generated);
        }
        int sent = jdbc.sql("update hub_package set status = 'SENT', sent_at = ? where id = ? and status = 'DRAFT'")
                .params(Timestamp.from(clock.instant()), packageId).update();
        if (sent != 1) {
            throw HubExceptions.notDraft();
        }
        for (String email : jdbc.sql("select email from hub_recipient where package_id = ?").param(packageId).query(String.class).list()) {
            boolean hasLogin = members.findByEmail(email).isPresent();
            if (!hasLogin) {
                UUID invitation = invitations.invite(row.recipientOrganisationId(), email, Role.PARTNER, caller.accountId()).id();
                jdbc.sql("update hub_recipient set invitation_id = ? where package_id = ? and email = ?").params(invitation, packageId, email).update();
            }
            mailer.send(new OutgoingMail(email, "Private and Confidential",
                    "A secure package has been sent to you through Caseshare.\n\n"
                            + (hasLogin ? "" : "First accept the separate invitation email to create your personal login.\n\n")
                            + "Sign in to view it, read its conditions and download it:\n\n" + baseUrl + "/hub/packages/" + packageId + "\n\n"
                            + "It is available until " + row.expiresAt() + ". If it is protected by a password, the sender will tell you the password separately.\n"));
        }
        audit.record(AuditEvent.success("hub.package.sent", caller.actorId(), caller.organisationId(), target(packageId))
                .with("files", Integer.toString(files.size())).with("password", Boolean.toString(withPassword)));
        requestAnswers.sent(caller, packageId);
        return password;
    }

    /**
     * Sending a package from a record is the share: a record not yet shared is marked shared now,
     * which its lifecycle allows only once authorised (if needed) and with its checklist complete.
     */
    private void shareRecord(Caller caller, HubRow row) {
        SharingRecord record = sharing.get(caller.organisationId(), row.sharingRecordId());
        Optional<String> refusal = RecordTerms.refusal(record);
        if (refusal.isPresent()) {
            throw new ApiValidationException(refusal.get(), Map.of("sharingRecordId", refusal.get()));
        }
        if (record.status().beforeSharing()) {
            if (!record.readyToShare()) {
                String message = "Complete the sharing record's checklist before sending the package";
                throw new ApiValidationException(message, Map.of("sharingRecordId", message));
            }
            sharing.share(actor(caller), record.id(), null);
        }
    }

    static Actor actor(Caller caller) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (Role role : Role.values()) {
            if (caller.hasRole(role.name())) {
                roles.add(role);
            }
        }
        return new Actor(caller.accountId(), caller.organisationId(), caller.displayName(), roles);
    }

    // ---- receiving ------------------------------------------------------------------------------

    /** Records that the recipient read and accepts the purpose, limits of consent and handling conditions. */
    @Transactional
    public void acknowledge(Caller caller, UUID packageId) {
        HubRow row = asRecipient(caller, packageId);
        if (!row.available(clock.instant())) {
            throw HubExceptions.gone();
        }
        int updated = jdbc.sql("""
                update hub_recipient set acknowledged_at = ?, acknowledged_by = ?
                where package_id = ? and email = ? and acknowledged_at is null""")
                .params(Timestamp.from(clock.instant()), caller.accountId(), packageId, email(caller)).update();
        if (updated == 1) {
            audit.record(AuditEvent.success("hub.package.acknowledged", caller.actorId(), caller.organisationId(), target(packageId)));
        }
    }

    /**
     * Checks everything and counts the download, then commits: the caller streams {@link
     * Download#open} afterwards, outside the transaction. The count is a conditional UPDATE, so
     * concurrent requests can never exceed the limit.
     */
    @Transactional(noRollbackFor = org.springframework.web.server.ResponseStatusException.class)
    public Download startDownload(Caller caller, UUID packageId, UUID fileId, char[] password, String clientAddress) {
        HubRow row = asRecipient(caller, packageId);
        Instant now = clock.instant();
        if (!row.available(now)) {
            throw HubExceptions.gone();
        }
        String email = email(caller);
        Boolean acknowledged = jdbc.sql("select acknowledged_at is not null from hub_recipient where package_id = ? and email = ?")
                .params(packageId, email).query(Boolean.class).single();
        if (!acknowledged) {
            throw HubExceptions.acknowledgementRequired();
        }
        Map<String, Object> file = jdbc.sql("select sealed_name, wrapped_key, blob_key, size, damaged_at from hub_file where id = ? and package_id = ?")
                .params(fileId, packageId).query().listOfRows().stream().findFirst().orElseThrow(() -> new NotFoundException("File"));
        if (file.get("wrapped_key") == null) {
            throw HubExceptions.gone();
        }
        if (file.get("damaged_at") != null) {
            audit.record(AuditEvent.failure("hub.file.download-refused", caller.actorId(), caller.organisationId(), target(packageId))
                    .with("file", fileId.toString()).with("reason", "damaged"));
            throw new FileDamagedException();
        }
        FileContext context = new FileContext(row.organisationId(), packageId, fileId);
        WrappedKey key = new WrappedKey((String) file.get("wrapped_key"));
        PasswordKey passwordKey = null;
        String name;
        try {
            if (key.passwordLocked()) {
                if (password == null || password.length == 0) {
                    throw HubExceptions.wrongPassword();
                }
                passwordKey = derive(password, PasswordLock.parse(row.passwordLock()));
            }
            name = encryption.openName((String) file.get("sealed_name"), key, context, passwordKey);
        } catch (KeyAuthenticationException | org.springframework.web.server.ResponseStatusException e) {
            if (passwordKey != null) {
                passwordKey.close();
            }
            audit.record(AuditEvent.failure("hub.file.download-refused", caller.actorId(), caller.organisationId(), target(packageId))
                    .with("file", fileId.toString()).with("reason", "password"));
            throw HubExceptions.wrongPassword();
        }
        // the first segment is authenticated before the download is counted or any header sent
        InputStream content;
        try {
            content = encryption.decryptingStream(blobs.get((String) file.get("blob_key")), key, context, passwordKey);
        } catch (ContentAuthenticationException e) {
            closeQuietly(passwordKey);
            damagedFiles.record(caller, row.organisationId(), row.senderId(), packageId, fileId, null, DamagedFiles.Where.FIRST_SEGMENT);
            throw new FileDamagedException();
        } catch (IOException e) {
            closeQuietly(passwordKey);
            throw new UncheckedIOException("Cannot read a stored hub file", e);
        }
        int counted = jdbc.sql("""
                update hub_file set downloads = downloads + 1
                where id = ? and package_id = ? and wrapped_key is not null and downloads < ?
                  and exists (select 1 from hub_package p where p.id = ? and p.status = 'SENT' and p.expires_at > ?)""")
                .params(fileId, packageId, row.downloadLimit(), packageId, Timestamp.from(now)).update();
        if (counted != 1) {
            closeQuietly(passwordKey);
            closeQuietly(content);
            throw HubExceptions.gone();
        }
        try {
            return counted(caller, row, fileId, name, ((Number) file.get("size")).longValue(), content, passwordKey, now, clientAddress);
        } catch (RuntimeException e) {
            closeQuietly(content);
            closeQuietly(passwordKey);
            throw e;
        }
    }

    /** Records a counted download and hands it over, ready to stream; a first complete one is the receipt. */
    private Download counted(Caller caller, HubRow row, UUID fileId, String name, long size, InputStream content, PasswordKey passwordKey,
            Instant now, String clientAddress) {
        UUID packageId = row.id();
        UUID downloadId = UUID.randomUUID();
        jdbc.sql("insert into hub_download (id, package_id, file_id, account_id, downloaded_at, client_address) values (?, ?, ?, ?, ?, ?)")
                .params(downloadId, packageId, fileId, caller.accountId(), Timestamp.from(now), clientAddress).update();
        audit.record(AuditEvent.success("hub.file.downloaded", caller.actorId(), caller.organisationId(), target(packageId))
                .with("file", fileId.toString()));
        Runnable damaged = () -> damagedFiles.record(caller, row.organisationId(), row.senderId(), packageId, fileId, downloadId,
                DamagedFiles.Where.LATER_SEGMENT);
        // Receipt is confirmed only once every byte has been read and authenticated, before the last
        // of them is sent: a transfer cut short by damage (or a dropped connection) confirms nothing.
        Runnable complete = () -> receipts.confirmIfFirst(caller, row, now);
        return new Download(name, size, content, damaged, complete, passwordKey);
    }

    /** A counted download, ready to stream. Close it to wipe the password key. */
    public static final class Download implements AutoCloseable {
        private final String name;
        private final long size;
        private final InputStream content;
        private final Runnable damaged;
        private final Runnable complete;
        private final PasswordKey passwordKey;

        Download(String name, long size, InputStream content, Runnable damaged, Runnable complete, PasswordKey passwordKey) {
            this.size = size;
            this.name = name;
            this.content = content;
            this.damaged = damaged;
            this.complete = complete;
            this.passwordKey = passwordKey;
        }

        public String name() {
            return SafeFileNames.neutralise(name);
        }

        /** The plaintext size, sent as Content-Length so a cut-off download is visibly short. */
        public long size() {
            return size;
        }

        /** The plaintext, its first segment already authenticated; a later damaged segment raises {@link ContentAuthenticationException}. */
        public InputStream open() {
            return content;
        }

        /** Records that a later segment failed authentication: the download is taken back and the file marked damaged. */
        void damaged() {
            damaged.run();
        }

        /** Records that every byte was read and authenticated: a package's first such download confirms its receipt. */
        void complete() {
            complete.run();
        }

        @Override
        public void close() {
            closeQuietly(content);
            closeQuietly(passwordKey);
        }
    }

    private static void closeQuietly(AutoCloseable closeable) {
        if (closeable == null) {
            return;
        }
        try {
            closeable.close();
        } catch (Exception e) {
            // nothing left to release
        }
    }

    private PasswordKey derive(char[] password, PasswordLock lock) {
        try {
            passwordChecks.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        }
        try {
            return PackagePasswords.derive(password, lock);
        } finally {
            passwordChecks.release();
        }
    }

    // ---- revocation, expiry, shredding ---------------------------------------------------------

    @Transactional
    public void revoke(Caller caller, UUID packageId) {
        HubRow row = asSenderOrganisation(caller, packageId);
        if (!row.senderId().equals(caller.accountId()) && !caller.organisationAdmin()) {
            throw new AccessDeniedException("Only the sender or an organisation admin may revoke");
        }
        int updated = jdbc.sql("update hub_package set status = 'REVOKED', revoked_at = ?, revoked_by = ? where id = ? and status in ('DRAFT', 'SENT')")
                .params(Timestamp.from(clock.instant()), caller.accountId(), packageId).update();
        if (updated != 1) {
            throw HubExceptions.gone();
        }
        audit.record(AuditEvent.success("hub.package.revoked", caller.actorId(), caller.organisationId(), target(packageId)));
        shred(packageId, row.organisationId(), caller.actorId());
    }

    /** Expires every package past its date and shreds it; returns how many. Safe to run on every node. */
    @Transactional
    public int expireDue() {
        Instant now = clock.instant();
        List<Map<String, Object>> due = jdbc.sql("select id, organisation_id from hub_package where status in ('DRAFT', 'SENT') and expires_at <= ?")
                .param(Timestamp.from(now)).query().listOfRows();
        int expired = 0;
        for (Map<String, Object> p : due) {
            UUID id = (UUID) p.get("id");
            if (jdbc.sql("update hub_package set status = 'EXPIRED' where id = ? and status in ('DRAFT', 'SENT')").param(id).update() == 1) {
                audit.record(AuditEvent.success("hub.package.expired", "system", (UUID) p.get("organisation_id"), target(id)));
                shred(id, (UUID) p.get("organisation_id"), "system");
                expired++;
            }
        }
        return expired;
    }

    /** Destroys the data keys and names (so the blobs can never be read again), then deletes the blobs after commit. */
    private void shred(UUID packageId, UUID organisationId, String actor) {
        List<String> blobKeys = jdbc.sql("select blob_key from hub_file where package_id = ?").param(packageId).query(String.class).list();
        jdbc.sql("update hub_file set wrapped_key = null, sealed_name = null where package_id = ?").param(packageId).update();
        jdbc.sql("update hub_package set shredded_at = ? where id = ?").params(Timestamp.from(clock.instant()), packageId).update();
        audit.record(AuditEvent.success("hub.package.shredded", actor, organisationId, target(packageId))
                .with("files", Integer.toString(blobKeys.size())));
        Runnable deleteBlobs = () -> blobKeys.forEach(key -> {
            try {
                blobs.delete(key);
            } catch (RuntimeException e) {
                // unreadable already; the orphan sweep retries
            }
        });
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    deleteBlobs.run();
                }
            });
        } else {
            deleteBlobs.run();
        }
    }

    /**
     * Deletes blobs no readable file refers to (uploads cut off between storing and recording, or
     * shredded files whose deletion failed) and unfinished writes, once older than the orphan age.
     */
    public int removeOrphans() {
        Instant cutoff = clock.instant().minus(properties.orphanAge());
        int removed = blobs.removeIncomplete(cutoff);
        for (String key : blobs.keysOlderThan("hub", cutoff)) {
            Integer live = jdbc.sql("select count(*) from hub_file where blob_key = ? and wrapped_key is not null").param(key).query(Integer.class).single();
            if (live == 0) {
                blobs.delete(key);
                removed++;
            }
        }
        return removed;
    }

    // ---- reading --------------------------------------------------------------------------------

    public List<HubPackage> sent(Caller caller) {
        if (!caller.staff()) {
            return jdbc.sql("select id from hub_package where organisation_id = ? and sender_id = ? order by created_at desc")
                    .params(caller.organisationId(), caller.accountId()).query(UUID.class).list().stream().map(id -> view(caller, id)).toList();
        }
        return jdbc.sql("select id from hub_package where organisation_id = ? order by created_at desc").param(caller.organisationId())
                .query(UUID.class).list().stream().map(id -> view(caller, id)).toList();
    }

    public List<HubPackage> received(Caller caller) {
        return jdbc.sql("""
                select p.id from hub_package p join hub_recipient r on r.package_id = p.id
                where r.email = ? and p.status <> 'DRAFT' order by p.sent_at desc""").param(email(caller))
                .query(UUID.class).list().stream().map(id -> view(caller, id)).toList();
    }

    /** The package if the caller's organisation sent it or the caller is a recipient of it (once sent); else not found. */
    public HubPackage get(Caller caller, UUID packageId) {
        return view(caller, visible(caller, packageId).id());
    }

    /** The package if the caller may see it, else empty. */
    public Optional<HubPackage> find(Caller caller, UUID packageId) {
        try {
            return Optional.of(get(caller, packageId));
        } catch (NotFoundException e) {
            return Optional.empty();
        }
    }

    public boolean isSender(Caller caller, HubPackage p) {
        return p.organisationId().equals(caller.organisationId()) && (caller.staff() || p.senderId().equals(caller.accountId()));
    }

    /**
     * Whether the caller sees the package as its sending organisation does. Staff do; a user whose only
     * role is partner does not, even in the sending organisation: a partner login means "packages
     * addressed to me" (and any the partner sent themself, such as answers to file requests).
     */
    private static boolean seesAsSender(Caller caller, HubRow row) {
        return row.organisationId().equals(caller.organisationId()) && (caller.staff() || row.senderId().equals(caller.accountId()));
    }

    public String email(Caller caller) {
        return members.findById(caller.accountId()).map(Account::email).orElseThrow(() -> new NotFoundException("Account"));
    }

    private HubPackage view(Caller caller, UUID id) {
        HubRow row = row(id).orElseThrow(() -> new NotFoundException("Package"));
        boolean sender = seesAsSender(caller, row);
        List<HubPackage.Recipient> recipients = jdbc.sql("select email, invitation_id, acknowledged_at from hub_recipient where package_id = ? order by email")
                .param(id).query((rs, n) -> new HubPackage.Recipient(rs.getString("email"), rs.getObject("invitation_id") != null,
                        instant(rs, "acknowledged_at"))).list();
        if (!sender) {
            String mine = email(caller);
            recipients = recipients.stream().filter(r -> r.email().equals(mine)).toList();
        }
        List<HubPackage.HubFile> files = jdbc.sql("select id, sealed_name, wrapped_key, size, downloads, damaged_at from hub_file where package_id = ? order by created_at, id")
                .param(id).query((rs, n) -> {
                    UUID fileId = rs.getObject("id", UUID.class);
                    String sealed = rs.getString("sealed_name");
                    String wrapped = rs.getString("wrapped_key");
                    String name = "Destroyed file";
                    if (sealed != null && wrapped != null) {
                        WrappedKey key = new WrappedKey(wrapped);
                        name = key.passwordLocked() ? "File " + (n + 1) + " (name protected by the password)"
                                : SafeFileNames.neutralise(encryption.openName(sealed, key, new FileContext(row.organisationId(), id, fileId), null));
                    }
                    return new HubPackage.HubFile(fileId, name, rs.getLong("size"), rs.getInt("downloads"), rs.getTimestamp("damaged_at") != null);
                }).list();
        String senderName = members.findById(row.senderId()).map(Account::displayName).orElse("");
        String recipientOrganisationName = directory.organisation(row.recipientOrganisationId()).map(Organisation::name).orElse("");
        return new HubPackage(id, row.organisationId(), row.senderId(), senderName, row.recipientOrganisationId(), recipientOrganisationName,
                row.sharingRecordId(), row.purpose(), row.consentLimits(), row.furtherHandling(), row.status(), row.passwordLock() != null,
                row.downloadLimit(), row.expiresAt(), row.createdAt(), row.sentAt(), row.firstDownloadedAt(), row.revokedAt(),
                row.shreddedAt(), recipients, files);
    }

    private HubRow visible(Caller caller, UUID packageId) {
        HubRow row = row(packageId).orElseThrow(() -> new NotFoundException("Package"));
        if (seesAsSender(caller, row)) {
            return row;
        }
        if (row.status() != PackageStatus.DRAFT && isRecipient(caller, packageId)) {
            return row;
        }
        throw new NotFoundException("Package");
    }

    private boolean isRecipient(Caller caller, UUID packageId) {
        return jdbc.sql("select count(*) from hub_recipient where package_id = ? and email = ?").params(packageId, email(caller))
                .query(Integer.class).single() > 0;
    }

    private HubRow asRecipient(Caller caller, UUID packageId) {
        HubRow row = row(packageId).orElseThrow(() -> new NotFoundException("Package"));
        if (row.status() == PackageStatus.DRAFT || !isRecipient(caller, packageId)) {
            throw new NotFoundException("Package");
        }
        return row;
    }

    private HubRow asSenderOrganisation(Caller caller, UUID packageId) {
        HubRow row = row(packageId).orElseThrow(() -> new NotFoundException("Package"));
        if (!seesAsSender(caller, row)) {
            throw new NotFoundException("Package");
        }
        return row;
    }

    private HubRow senderDraft(Caller caller, UUID packageId) {
        HubRow row = asSenderOrganisation(caller, packageId);
        if (!row.senderId().equals(caller.accountId())) {
            throw new AccessDeniedException("Only the sender may change a draft");
        }
        if (row.status() != PackageStatus.DRAFT) {
            throw HubExceptions.notDraft();
        }
        return row;
    }

    private Optional<HubRow> row(UUID id) {
        return jdbc.sql("select * from hub_package where id = ?").param(id).query(Packages::map).optional();
    }

    record HubRow(UUID id, UUID organisationId, UUID senderId, UUID recipientOrganisationId, UUID sharingRecordId, String purpose,
            String consentLimits, String furtherHandling, PackageStatus status, String passwordLock, int downloadLimit,
            Instant expiresAt, Instant createdAt, Instant sentAt, Instant firstDownloadedAt, Instant revokedAt, Instant shreddedAt) {

        boolean available(Instant now) {
            return status == PackageStatus.SENT && now.isBefore(expiresAt);
        }
    }

    private static HubRow map(ResultSet rs, int n) throws SQLException {
        return new HubRow(rs.getObject("id", UUID.class), rs.getObject("organisation_id", UUID.class), rs.getObject("sender_id", UUID.class),
                rs.getObject("recipient_organisation_id", UUID.class), rs.getObject("sharing_record_id", UUID.class), rs.getString("purpose"),
                rs.getString("consent_limits"), rs.getString("further_handling"), PackageStatus.valueOf(rs.getString("status")),
                rs.getString("password_lock"), rs.getInt("download_limit"), instant(rs, "expires_at"), instant(rs, "created_at"),
                instant(rs, "sent_at"), instant(rs, "first_downloaded_at"), instant(rs, "revoked_at"), instant(rs, "shredded_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private static String target(UUID packageId) {
        return "hub-package:" + packageId;
    }
}
