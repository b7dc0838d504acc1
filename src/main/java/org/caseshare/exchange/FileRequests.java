package org.caseshare.exchange;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.caseshare.audit.AuditEvent;
import org.caseshare.audit.AuditTrail;
import org.caseshare.directory.Directory;
import org.caseshare.directory.Organisation;
import org.caseshare.identity.Account;
import org.caseshare.identity.Invitations;
import org.caseshare.identity.Members;
import org.caseshare.identity.Role;
import org.caseshare.mail.Mailer;
import org.caseshare.mail.OutgoingMail;
import org.caseshare.sharing.Direction;
import org.caseshare.sharing.SharingRecord;
import org.caseshare.sharing.SharingRegister;
import org.caseshare.system.Actor;
import org.caseshare.system.ApiValidationException;
import org.caseshare.system.NotFoundException;
import org.caseshare.system.PlainText;
import org.caseshare.system.Text;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Requests for files: a practitioner asks a named person at a partner organisation for files; that
 * person answers by uploading them into a package addressed back to the requester, which, once sent,
 * fulfils the request and tells the requester (an email without personal data, and the hub page).
 * The requesting organisation and the named person see a request; anyone else gets ‘not found’.
 * The named person answers only through a personal login (safeguard hub.personal-login): without
 * one, they are invited to create it with a second factor.
 */
@Service
public class FileRequests {

    private static final DateTimeFormatter DAY_MONTH_YEAR = DateTimeFormatter.ofPattern("d/M/uuuu").withResolverStyle(java.time.format.ResolverStyle.STRICT);
    private static final int MAX_TEXT = 2000;
    private static final int MAX_DAYS_AHEAD = 366;

    private final JdbcClient jdbc;
    private final Packages packages;
    private final PackageRecipients addressees;
    private final PackageAccess access;
    private final Directory directory;
    private final Members members;
    private final Invitations invitations;
    private final SharingRegister sharing;
    private final Mailer mailer;
    private final AuditTrail audit;
    private final Clock clock;
    private final String baseUrl;

    FileRequests(JdbcClient jdbc, Packages packages, PackageRecipients addressees, PackageAccess access, Directory directory,
            Members members, Invitations invitations, SharingRegister sharing, Mailer mailer, AuditTrail audit, Clock clock,
            @Value("${caseshare.base-url}") String baseUrl) {
        this.jdbc = jdbc;
        this.packages = packages;
        this.addressees = addressees;
        this.access = access;
        this.directory = directory;
        this.members = members;
        this.invitations = invitations;
        this.sharing = sharing;
        this.mailer = mailer;
        this.audit = audit;
        this.clock = clock;
        this.baseUrl = baseUrl;
    }

    static boolean mayRequest(Actor caller) {
        return caller.hasRole(Role.PRACTITIONER.name());
    }

    /** Records the request, invites the named person if they have no login, and emails them a notice without personal data. */
    @Transactional
    public UUID create(Actor caller, NewFileRequest form) {
        if (!mayRequest(caller)) {
            throw new AccessDeniedException("Only practitioners request files");
        }
        HubErrors errors = new HubErrors();
        if (form.recipientEntryId() == null) {
            errors.put("recipientEntryId", "hub.error.request.organisation");
        }
        List<String> recipients = addressees.normalise(List.of(form.recipient() == null ? "" : form.recipient()), errors);
        if (recipients.size() > 1) {
            errors.putIfAbsent("recipients", "hub.error.request.one-person");
        }
        String what = text(form.what(), "what", "hub.error.request.what", errors);
        String why = text(form.why(), "why", "hub.error.request.why", errors);
        LocalDate due = dueOn(form.dueOn(), errors);
        SharingRecord record = form.sharingRecordId() == null ? null : sharing.get(caller.organisationId(), form.sharingRecordId());
        if (record != null) {
            recordRefusal(record).ifPresent(message -> errors.put("sharingRecordId", message));
        }
        UUID recipientOrganisation = errors.containsKey("recipients") || form.recipientEntryId() == null ? null
                : addressees.organisation(caller, form.recipientEntryId(), recipients, errors);
        errors.putAll(PlainText.texts(form)); // an invisible character is the problem to fix in its field
        if (!errors.isEmpty()) {
            throw errors.invalid(ApiValidationException.INVALID_FIELDS);
        }
        String email = recipients.get(0);
        UUID id = UUID.randomUUID();
        UUID invitation = null;
        boolean hasLogin = members.findByEmail(email).isPresent();
        if (!hasLogin) {
            invitation = invitations.invite(recipientOrganisation, email, Role.PARTNER, caller.accountId()).id();
        }
        jdbc.sql("""
                insert into hub_file_request (id, organisation_id, requester_id, recipient_organisation_id, recipient_email, invitation_id,
                    sharing_record_id, what, why, due_on, status, created_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'OPEN', ?)""")
                .params(id, caller.organisationId(), caller.accountId(), recipientOrganisation, email, invitation, form.sharingRecordId(),
                        what, why, due, Timestamp.from(clock.instant()))
                .update();
        if (record != null && record.status().beforeSharing()) {
            // Asking is what the "request made" record records: the request goes out now.
            sharing.share(caller, record.id(), null);
        }
        audit.record(AuditEvent.success("hub.request.created", caller.actorId(), caller.organisationId(), target(id))
                .with("recipientOrganisation", recipientOrganisation.toString()).with("invited", Boolean.toString(!hasLogin)));
        List<Text> paragraphs = new java.util.ArrayList<>(List.of(Text.of("mail.request.asked")));
        if (!hasLogin) {
            paragraphs.add(Text.of("mail.hub.accept-invitation"));
        }
        paragraphs.add(Text.of("mail.request.sign-in"));
        paragraphs.add(Text.literal(baseUrl + "/hub/requests/" + id));
        mailer.send(OutgoingMail.written(email, addressees.languages(caller.organisationId(), recipientOrganisation),
                Text.of("mail.private"), paragraphs));
        return id;
    }

    /** A request form filled from a "request made" record: the person asked, what and why (the date is the asker's to give). */
    public NewFileRequest fromRecord(Actor caller, UUID sharingRecordId) {
        SharingRecord record = sharing.get(caller.organisationId(), sharingRecordId);
        SharingRecord.Content c = record.content();
        return new NewFileRequest(c.recipient().entryId(), c.recipient().email(), c.information(), c.purpose(), "", record.id());
    }

    /**
     * Why a request for files cannot be made under this record, if it cannot: only a request made
     * by the secure hub, not finished, and (like a package sent from a record) authorised and with its checklist done,
     * because asking marks the request as made on the record.
     */
    static Optional<Text> recordRefusal(SharingRecord record) {
        if (record.content().direction() != Direction.REQUEST_MADE) {
            return Optional.of(Text.of("hub.error.request.record-direction"));
        }
        // The files will come through the hub: a record that says they come by post or email would be wrong.
        if (record.content().channel() != org.caseshare.policy.Channel.SECURE_HUB) {
            return Optional.of(Text.of("hub.error.request.record-channel"));
        }
        if (record.status().terminal()) {
            return Optional.of(Text.of("hub.error.request.record-finished", record.status().displayName().toLowerCase(java.util.Locale.ROOT)));
        }
        if (record.status().beforeSharing() && !record.readyToShare()) {
            return Optional.of(Text.of(record.status() == org.caseshare.sharing.Status.AWAITING_AUTHORISATION
                    ? "hub.error.request.record-unauthorised" : "hub.error.request.record-checklist"));
        }
        return Optional.empty();
    }

    /**
     * The named person starts answering: a draft package addressed back to the requester, carrying
     * what was asked and why, into which they upload the files and which they then send. Asking
     * again returns the same draft.
     */
    @Transactional
    public UUID fulfil(Actor caller, UUID requestId) {
        Row row = asRecipient(caller, requestId);
        if (row.status() != FileRequest.Status.OPEN) {
            throw new org.springframework.web.server.ResponseStatusException(org.springframework.http.HttpStatus.CONFLICT,
                    "This request is no longer open");
        }
        if (row.packageId() != null) {
            return row.packageId();
        }
        String requester = members.findById(row.requesterId()).map(Account::email).orElseThrow(() -> new NotFoundException("Request"));
        UUID packageId = packages.createAnswer(caller, new NewPackage(null, List.of(requester), "Files you asked for: " + clip(row.what()),
                "Only for the purpose you gave when asking: " + clip(row.why()), "Handle under your organisation's own rules for the purpose you gave.",
                null, null, null));
        int linked = jdbc.sql("update hub_file_request set package_id = ? where id = ? and status = 'OPEN' and package_id is null")
                .params(packageId, requestId).update();
        if (linked != 1) {
            throw new org.springframework.web.server.ResponseStatusException(org.springframework.http.HttpStatus.CONFLICT,
                    "This request is already being answered");
        }
        audit.record(AuditEvent.success("hub.request.answer-started", caller.actorId(), caller.organisationId(), target(requestId))
                .with("package", packageId.toString()));
        return packageId;
    }

    /** The requester (or their organisation's admin) withdraws an open request. */
    @Transactional
    public void cancel(Actor caller, UUID requestId) {
        Row row = find(requestId).filter(r -> asRequester(caller, r.organisationId()))
                .orElseThrow(() -> new NotFoundException("Request"));
        if (!row.requesterId().equals(caller.accountId()) && !caller.organisationAdmin()) {
            throw new AccessDeniedException("Only the requester or an organisation admin may cancel");
        }
        int updated = jdbc.sql("update hub_file_request set status = 'CANCELLED', cancelled_at = ? where id = ? and status = 'OPEN'")
                .params(Timestamp.from(clock.instant()), requestId).update();
        if (updated != 1) {
            throw new org.springframework.web.server.ResponseStatusException(org.springframework.http.HttpStatus.CONFLICT,
                    "This request is no longer open");
        }
        audit.record(AuditEvent.success("hub.request.cancelled", caller.actorId(), caller.organisationId(), target(requestId)));
    }

    public FileRequest get(Actor caller, UUID requestId) {
        Row row = find(requestId).orElseThrow(() -> new NotFoundException("Request"));
        if (asRequester(caller, row.organisationId()) || isRecipient(caller, row)) {
            return view(row);
        }
        throw new NotFoundException("Request");
    }

    /** The request this package answers, when there is one the caller may see (the requester's organisation or the named person). */
    public Optional<UUID> answeredBy(Actor caller, UUID packageId) {
        return jdbc.sql("select * from hub_file_request where package_id = ?").param(packageId).query(FileRequests::map).list().stream()
                .filter(r -> asRequester(caller, r.organisationId()) || isRecipient(caller, r)).map(Row::id).findFirst();
    }

    public boolean isRequester(Actor caller, FileRequest request) {
        return asRequester(caller, request.organisationId());
    }

    /**
     * The requesting organisation's staff see its requests; a login whose only role there is partner
     * (who cannot ask for files) sees only those addressed to it, as with packages.
     */
    private static boolean asRequester(Actor caller, UUID organisationId) {
        return organisationId.equals(caller.organisationId()) && caller.staff();
    }

    /** Requests made by the caller's organisation, newest first (none for a partner-only login). */
    public List<FileRequest> made(Actor caller) {
        if (!caller.staff()) {
            return List.of();
        }
        return jdbc.sql("select * from hub_file_request where organisation_id = ? order by created_at desc").param(caller.organisationId())
                .query(FileRequests::map).list().stream().map(this::view).toList();
    }

    /** Whether a new request for files may be made under this record now (another organisation's record: not found). */
    public boolean mayAskUnder(Actor caller, UUID sharingRecordId) {
        return mayRequest(caller) && recordRefusal(sharing.get(caller.organisationId(), sharingRecordId)).isEmpty();
    }

    /** Requests made under one of the caller's organisation's sharing records (another organisation's record: not found). */
    public List<FileRequest> underRecord(Actor caller, UUID sharingRecordId) {
        sharing.get(caller.organisationId(), sharingRecordId);
        return jdbc.sql("select * from hub_file_request where organisation_id = ? and sharing_record_id = ? order by created_at desc")
                .params(caller.organisationId(), sharingRecordId).query(FileRequests::map).list().stream().map(this::view).toList();
    }

    /** Requests addressed to the caller, newest first. */
    public List<FileRequest> received(Actor caller) {
        return jdbc.sql("select * from hub_file_request where recipient_email = ? and recipient_organisation_id = ? order by created_at desc")
                .params(access.email(caller), caller.organisationId()).query(FileRequests::map).list().stream().map(this::view).toList();
    }

    private Row asRecipient(Actor caller, UUID requestId) {
        return find(requestId).filter(r -> isRecipient(caller, r)).orElseThrow(() -> new NotFoundException("Request"));
    }

    private boolean isRecipient(Actor caller, Row row) {
        return row.recipientOrganisationId().equals(caller.organisationId()) && row.recipientEmail().equals(access.email(caller));
    }

    private FileRequest view(Row row) {
        Optional<Account> requester = members.findById(row.requesterId());
        return new FileRequest(row.id(), row.organisationId(), requester.map(Account::displayName).orElse(""),
                requester.map(Account::email).orElse(""), row.recipientOrganisationId(),
                directory.organisation(row.recipientOrganisationId()).map(Organisation::name).orElse(""), row.recipientEmail(),
                row.sharingRecordId(), row.what(), row.why(), row.dueOn(), row.status(), row.packageId(), row.createdAt(), row.fulfilledAt(),
                row.status() == FileRequest.Status.OPEN && row.dueOn().isBefore(today(clock)));
    }

    private Optional<Row> find(UUID id) {
        return jdbc.sql("select * from hub_file_request where id = ?").param(id).query(FileRequests::map).optional();
    }

    /** Due dates are days in England: a request is overdue from the day after it was needed by. */
    static LocalDate today(Clock clock) {
        return LocalDate.ofInstant(clock.instant(), ZoneId.of("Europe/London"));
    }

    private LocalDate dueOn(String text, HubErrors errors) {
        LocalDate today = today(clock);
        if (text == null || text.isBlank()) {
            errors.put("dueOn", "hub.error.request.due.missing");
            return null;
        }
        LocalDate due;
        try {
            String t = text.strip();
            due = t.contains("/") ? LocalDate.parse(t, DAY_MONTH_YEAR) : LocalDate.parse(t);
        } catch (DateTimeParseException e) {
            errors.put("dueOn", "hub.error.request.due.format");
            return null;
        }
        if (due.isBefore(today)) {
            errors.put("dueOn", "hub.error.request.due.past");
        } else if (due.isAfter(today.plusDays(MAX_DAYS_AHEAD))) {
            errors.put("dueOn", "hub.error.request.due.far");
        }
        return due;
    }

    private static String text(String value, String field, String code, HubErrors errors) {
        String v = value == null ? "" : value.strip();
        if (v.isEmpty()) {
            errors.put(field, code);
        } else if (v.length() > MAX_TEXT - 100) {
            errors.put(field, "hub.error.too-long", MAX_TEXT - 100);
        }
        return v;
    }

    private static String clip(String text) {
        return text.length() > MAX_TEXT - 100 ? text.substring(0, MAX_TEXT - 100) : text;
    }

    private static String target(UUID id) {
        return "hub-request:" + id;
    }

    record Row(UUID id, UUID organisationId, UUID requesterId, UUID recipientOrganisationId, String recipientEmail, UUID sharingRecordId,
            String what, String why, LocalDate dueOn, FileRequest.Status status, UUID packageId, java.time.Instant createdAt,
            java.time.Instant fulfilledAt) {
    }

    private static Row map(ResultSet rs, int n) throws SQLException {
        Timestamp fulfilled = rs.getTimestamp("fulfilled_at");
        return new Row(rs.getObject("id", UUID.class), rs.getObject("organisation_id", UUID.class), rs.getObject("requester_id", UUID.class),
                rs.getObject("recipient_organisation_id", UUID.class), rs.getString("recipient_email"),
                rs.getObject("sharing_record_id", UUID.class), rs.getString("what"), rs.getString("why"),
                rs.getObject("due_on", LocalDate.class), FileRequest.Status.valueOf(rs.getString("status")),
                rs.getObject("package_id", UUID.class), rs.getTimestamp("created_at").toInstant(),
                fulfilled == null ? null : fulfilled.toInstant());
    }
}
