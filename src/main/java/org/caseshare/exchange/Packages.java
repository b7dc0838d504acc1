package org.caseshare.exchange;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.caseshare.audit.AuditEvent;
import org.caseshare.audit.AuditTrail;
import org.caseshare.crypto.FileContext;
import org.caseshare.crypto.FileEncryption;
import org.caseshare.crypto.PasswordKey;
import org.caseshare.crypto.PasswordLock;
import org.caseshare.crypto.WrappedKey;
import org.caseshare.identity.Invitations;
import org.caseshare.identity.Members;
import org.caseshare.identity.Role;
import org.caseshare.mail.Mailer;
import org.caseshare.mail.OutgoingMail;
import org.caseshare.system.Actor;
import org.caseshare.sharing.SharingRecord;
import org.caseshare.sharing.SharingRegister;
import org.caseshare.system.NotFoundException;
import org.caseshare.system.Languages;
import org.caseshare.system.PlainText;
import org.caseshare.system.Text;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creating and sending packages. Files go in through {@link PackageUploads}; recipients read them
 * through {@link PackageViews} and {@link PackageDownloads}; {@link PackageShredding} ends them.
 * Every change is audited in its transaction, by identifiers only.
 */
@Service
public class Packages {

    private static final int MAX_TEXT = 2000;

    /** What a member of the organisation is told when a package names no sharing record (ADR 0008, decision 4). */
    /** "Choose the sharing record this package belongs to". */
    static final String RECORD_NEEDED = "hub.error.record-needed";

    private final JdbcClient jdbc;
    private final FileEncryption encryption;
    private final PackageAccess access;
    private final PackageRecipients recipients;
    private final PasswordChecks passwords;
    private final Members members;
    private final Invitations invitations;
    private final Mailer mailer;
    private final AuditTrail audit;
    private final ExchangeProperties properties;
    private final Clock clock;
    private final String baseUrl;
    private final SharingRegister sharing;
    private final RequestAnswers requestAnswers;

    Packages(JdbcClient jdbc, FileEncryption encryption, PackageAccess access, PackageRecipients recipients, PasswordChecks passwords,
            Members members, Invitations invitations, Mailer mailer, AuditTrail audit, ExchangeProperties properties, Clock clock,
            @Value("${caseshare.base-url}") String baseUrl, SharingRegister sharing, RequestAnswers requestAnswers) {
        this.jdbc = jdbc;
        this.encryption = encryption;
        this.access = access;
        this.recipients = recipients;
        this.passwords = passwords;
        this.members = members;
        this.invitations = invitations;
        this.mailer = mailer;
        this.audit = audit;
        this.properties = properties;
        this.clock = clock;
        this.baseUrl = baseUrl;
        this.sharing = sharing;
        this.requestAnswers = requestAnswers;
    }

    public ExchangeProperties limits() {
        return properties;
    }

    static boolean maySend(Actor caller) {
        return caller.hasRole(Role.PRACTITIONER.name()) || caller.hasRole(Role.PARTNER.name());
    }

    /**
     * Creates a draft package; files are added next, then it is sent. A member of the organisation
     * sends under a sharing record whose channel is the secure hub: every share is recorded, and a
     * package is a share. Partner users sending back have no register of ours, so name none.
     */
    @Transactional
    public UUID create(Actor caller, NewPackage form) {
        return create(caller, form, false);
    }

    /** An answer to a request for files: sent back to the organisation that asked, under no record of the sender's. */
    @Transactional
    UUID createAnswer(Actor caller, NewPackage form) {
        return create(caller, form, true);
    }

    private UUID create(Actor caller, NewPackage form, boolean answer) {
        if (!maySend(caller)) {
            throw new AccessDeniedException("Only practitioners and partner users send packages");
        }
        HubErrors errors = new HubErrors();
        if (form.sharingRecordId() != null) {
            form = fromRecord(caller, form, errors);
        } else if (!answer && !caller.hasRole(Role.PARTNER.name())) {
            throw HubErrors.invalid("A package from your organisation is a share: name the sharing record, with the secure hub"
                    + " as its channel, that it is sent under (record the share first)", "sharingRecordId", RECORD_NEEDED);
        }
        List<String> addressed = recipients.normalise(form.recipients(), errors);
        String purpose = text(form.purpose(), "purpose", "hub.error.purpose", errors);
        String consent = text(form.consentLimits(), "consentLimits", "hub.error.consent-limits", errors);
        String handling = text(form.furtherHandling(), "furtherHandling", "hub.error.further-handling", errors);
        int days = form.expiresInDays() == null ? (int) properties.defaultExpiry().toDays() : form.expiresInDays();
        if (days < 1 || days > properties.maximumExpiry().toDays()) {
            errors.put("expiresInDays", "hub.error.expires", properties.maximumExpiry().toDays());
        }
        int limit = form.downloadLimit() == null ? properties.defaultDownloadLimit() : form.downloadLimit();
        if (limit < 1 || limit > properties.maximumDownloadLimit()) {
            errors.put("downloadLimit", "hub.error.download-limit", properties.maximumDownloadLimit());
        }
        UUID recipientOrganisation = errors.containsKey("recipients") ? null
                : recipients.organisation(caller, form.recipientEntryId(), addressed, errors);
        errors.putAll(PlainText.texts(form)); // an invisible character is the problem to fix in its field
        if (!errors.isEmpty()) {
            throw errors.invalid("The package has invalid fields");
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
        for (String email : addressed) {
            jdbc.sql("insert into hub_recipient (package_id, email) values (?, ?)").params(id, email).update();
        }
        audit.record(AuditEvent.success("hub.package.created", caller.actorId(), caller.organisationId(), HubRow.target(id))
                .with("recipientOrganisation", recipientOrganisation.toString()).with("recipients", Integer.toString(addressed.size())));
        return id;
    }

    /**
     * A package sent from a sharing record carries that record's purpose and limits of consent (the
     * recipient acknowledges them before downloading), goes to the record's organisation, and by
     * default to the person named on it. Another organisation's record is not found.
     */
    private NewPackage fromRecord(Actor caller, NewPackage form, HubErrors errors) {
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
        List<String> addressed = given.isEmpty() && named != null && !named.isBlank() ? List.of(named) : given;
        String handling = form.furtherHandling() == null || form.furtherHandling().isBlank() ? terms.furtherHandling() : form.furtherHandling();
        return new NewPackage(entry, addressed, terms.purpose(), terms.consentLimits(), handling, form.expiresInDays(),
                form.downloadLimit(), record.id());
    }

    /** The terms a package from this record would carry, for the page that starts one (404 for another organisation's record). */
    RecordTerms termsOf(Actor caller, UUID recordId) {
        return RecordTerms.of(sharing.get(caller.organisationId(), recordId));
    }

    private static String text(String value, String field, String code, HubErrors errors) {
        String v = value == null ? "" : value.strip();
        if (v.isEmpty()) {
            errors.put(field, code);
        } else if (v.length() > MAX_TEXT) {
            errors.put(field, "hub.error.too-long", MAX_TEXT);
        }
        return v;
    }

    /**
     * Sends a draft: optionally locks every file under a new generated password (returned once,
     * never stored: tell the recipient separately), invites recipients without a login, and emails
     * each a notice without personal data.
     */
    @Transactional
    public Optional<String> send(Actor caller, UUID packageId, boolean withPassword) {
        HubRow row = access.senderDraft(caller, packageId);
        List<Map<String, Object>> files = jdbc.sql("select id, wrapped_key from hub_file where package_id = ?").param(packageId).query().listOfRows();
        if (files.isEmpty()) {
            throw HubErrors.invalid("Add at least one file before sending", "files", "hub.error.no-files");
        }
        if (row.sharingRecordId() != null) {
            shareRecord(caller, row);
        }
        Optional<String> password = Optional.empty();
        if (withPassword) {
            String generated = passwords.generate();
            PasswordLock lock = passwords.newLock();
            try (PasswordKey key = passwords.derive(generated.toCharArray(), lock)) {
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
            List<Text> paragraphs = new java.util.ArrayList<>(List.of(Text.of("mail.package.sent")));
            if (!hasLogin) {
                paragraphs.add(Text.of("mail.hub.accept-invitation"));
            }
            paragraphs.add(Text.of("mail.package.sign-in"));
            paragraphs.add(Text.literal(baseUrl + "/hub/packages/" + packageId));
            paragraphs.add(Text.of("mail.package.available", row.expiresAt().toString()));
            mailer.send(OutgoingMail.written(email, recipients.languages(caller.organisationId(), row.recipientOrganisationId()),
                    Text.of("mail.private"), paragraphs));
        }
        audit.record(AuditEvent.success("hub.package.sent", caller.actorId(), caller.organisationId(), HubRow.target(packageId))
                .with("files", Integer.toString(files.size())).with("password", Boolean.toString(withPassword)));
        requestAnswers.sent(caller, packageId);
        return password;
    }

    /**
     * Sending a package from a record is the share: a record not yet shared is marked shared now,
     * which its lifecycle allows only once authorised (if needed) and with its checklist complete.
     */
    private void shareRecord(Actor caller, HubRow row) {
        SharingRecord record = sharing.get(caller.organisationId(), row.sharingRecordId());
        Optional<Text> refusal = RecordTerms.refusal(record);
        if (refusal.isPresent()) {
            throw new HubErrors().put("sharingRecordId", refusal.get()).invalid(refusal.get().resolve(Languages.ENGLISH));
        }
        if (record.status().beforeSharing()) {
            if (!record.readyToShare()) {
                throw HubErrors.invalid("Complete the sharing record's checklist before sending the package", "sharingRecordId",
                        "hub.error.record-checklist");
            }
            sharing.share(caller, record.id(), null);
        }
    }
}
