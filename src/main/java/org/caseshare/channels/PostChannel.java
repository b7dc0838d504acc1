package org.caseshare.channels;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.caseshare.audit.AuditTrail;
import org.caseshare.directory.ContactPointKind;
import org.caseshare.directory.Directory;
import org.caseshare.directory.Postcode;
import org.caseshare.document.Addressee;
import org.caseshare.document.DocumentLanguage;
import org.caseshare.document.EnvelopeLabels;
import org.caseshare.document.Printable;
import org.caseshare.document.LabelFormat;
import org.caseshare.document.PostalAddress;
import org.caseshare.document.ReturnAddress;
import org.caseshare.policy.Channel;
import org.caseshare.system.Actor;
import org.caseshare.sharing.SharingRecord;
import org.caseshare.system.MultiLine;
import org.caseshare.system.PlainText;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Post, as the guide asks: confirm the recipient's name, department and address; a double envelope
 * whose inner label is marked 'Private and Confidential – To be opened by Addressee Only' and whose
 * outer label gives nothing away; a return address on both; recorded delivery or an approved courier
 * when appropriate, and receipt confirmed.
 */
@Service
class PostChannel {

    /** What the labels say; address lines are one a line, postcode last. */
    record Labels(String recipientName, String jobTitle, String department, String organisation, @MultiLine String address,
            String returnOrganisation, @MultiLine String returnAddress) {
    }

    record Dispatch(Labels labels, String trackingReference, Instant updatedAt) {
    }

    /** The safeguards the labels carry out: recipient confirmed, inner marked, outer plain, return address on both. */
    static final List<String> LABEL_SAFEGUARDS = List.of("post.confirm-recipient", "post.inner-envelope-marked",
            "post.outer-envelope-plain", "post.return-address");

    private final Checklist checklist;
    private final Directory directory;
    private final AuditTrail audit;
    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final Clock clock;

    PostChannel(Checklist checklist, Directory directory, AuditTrail audit, JdbcClient jdbc, PlatformTransactionManager transactions,
            Clock clock) {
        this.checklist = checklist;
        this.directory = directory;
        this.audit = audit;
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    SharingRecord record(Actor actor, UUID id) {
        return checklist.record(actor, id, Channel.POST);
    }

    Optional<Dispatch> dispatch(UUID organisationId, UUID recordId) {
        return jdbc.sql("""
                select recipient_name, job_title, department, organisation_name, address_lines, return_organisation,
                       return_address_lines, tracking_reference, updated_at
                from channel_post_dispatch where sharing_record_id = ? and organisation_id = ?""").params(recordId, organisationId)
                .query((rs, i) -> new Dispatch(new Labels(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        rs.getString(6), rs.getString(7)), rs.getString(8), rs.getTimestamp(9).toInstant()))
                .optional();
    }

    /**
     * The labels as saved, or a first draft: the recipient from the record, the address from the
     * directory's postal address for their organisation, the return address as this organisation last used.
     */
    Labels draft(Actor actor, SharingRecord record) {
        Optional<Dispatch> saved = dispatch(actor.organisationId(), record.id());
        if (saved.isPresent()) {
            return saved.get().labels();
        }
        var r = record.content().recipient();
        String department = r.department() == null ? "" : r.department();
        String address = r.address() == null ? "" : r.address().replace(", ", "\n");
        if (r.entryId() != null) {
            var point = directory.entry(actor.organisationId(), r.entryId()).stream()
                    .flatMap(e -> e.contactPoints(ContactPointKind.ADDRESS).stream())
                    .flatMap(p -> p.details(org.caseshare.directory.PostalAddress.class).stream()).findFirst();
            if (point.isPresent()) {
                var p = point.get();
                List<String> lines = new ArrayList<>();
                lines.add(p.line1());
                if (p.line2() != null) {
                    lines.add(p.line2());
                }
                lines.add(p.town());
                lines.add(p.postcode().value());
                address = String.join("\n", lines);
                department = department.isBlank() && p.department() != null ? p.department() : department;
            }
        }
        String returnOrganisation = directory.organisation(actor.organisationId()).map(o -> o.name()).orElse("");
        String returnAddress = jdbc.sql("select return_address_lines from channel_post_dispatch where organisation_id = ?"
                + " order by updated_at desc").param(actor.organisationId()).query(String.class).stream().findFirst().orElse("");
        return new Labels(r.name(), r.jobTitle() == null ? "" : r.jobTitle(), department, r.organisation(), address, returnOrganisation,
                returnAddress);
    }

    /** A character no font of the labels has is refused here, in its field, not when the labels are printed. */
    private static void printable(ChannelInputException.Collector errors, Labels labels) {
        String[][] fields = {{"recipientName", "Recipient's name", labels.recipientName()}, {"jobTitle", "Job title", labels.jobTitle()},
                {"department", "Department", labels.department()}, {"organisation", "Organisation", labels.organisation()},
                {"address", "Address", labels.address()}, {"returnOrganisation", "Return organisation", labels.returnOrganisation()},
                {"returnAddress", "Return address", labels.returnAddress()}};
        for (String[] field : fields) {
            Printable.problem(field[1], field[2]).ifPresent(problem -> errors.addLiteral(field[0], problem));
        }
    }

    /** Saves the labels' text after checking it, and confirms the safeguards the labels carry out. */
    void save(Actor actor, UUID id, Labels typed) {
        Labels labels = PlainText.composed(typed); // printed and stored in NFC
        SharingRecord record = record(actor, id);
        Checklist.requireBeforeSharing(record);
        ChannelInputException.Collector errors = new ChannelInputException.Collector();
        // First, so that an invisible character is the problem shown for its field: it would be printed on the label.
        PlainText.texts(labels).forEach(errors::add);
        printable(errors, labels);
        required(errors, "recipientName", labels.recipientName(), "channels.error.post.recipient-name");
        optional(errors, "jobTitle", labels.jobTitle());
        // post.confirm-recipient: name, department and address
        required(errors, "department", labels.department(), "channels.error.post.department");
        required(errors, "organisation", labels.organisation(), "channels.error.post.organisation");
        address(errors, "address", labels.address(), "channels.error.post.address");
        required(errors, "returnOrganisation", labels.returnOrganisation(), "channels.error.post.return-organisation");
        // post.return-address: on both envelopes
        address(errors, "returnAddress", labels.returnAddress(), "channels.error.post.return-address");
        errors.throwIfAny();
        Labels clean = new Labels(labels.recipientName().strip(), blankToNull(labels.jobTitle()), labels.department().strip(),
                labels.organisation().strip(), String.join("\n", lines(labels.address())), labels.returnOrganisation().strip(),
                String.join("\n", lines(labels.returnAddress())));
        transaction.executeWithoutResult(status -> {
            Instant now = now();
            int updated = jdbc.sql("""
                    update channel_post_dispatch set recipient_name = ?, job_title = ?, department = ?, organisation_name = ?,
                        address_lines = ?, return_organisation = ?, return_address_lines = ?, updated_at = ?
                    where sharing_record_id = ? and organisation_id = ?""")
                    .params(clean.recipientName(), clean.jobTitle(), clean.department(), clean.organisation(), clean.address(),
                            clean.returnOrganisation(), clean.returnAddress(), java.sql.Timestamp.from(now), id, actor.organisationId())
                    .update();
            if (updated == 0) {
                jdbc.sql("""
                        insert into channel_post_dispatch (sharing_record_id, organisation_id, recipient_name, job_title, department,
                            organisation_name, address_lines, return_organisation, return_address_lines, created_by, updated_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                        .params(id, actor.organisationId(), clean.recipientName(), clean.jobTitle(), clean.department(), clean.organisation(),
                                clean.address(), clean.returnOrganisation(), clean.returnAddress(), actor.accountId(), java.sql.Timestamp.from(now))
                        .update();
            }
            audit.record(EmailChannel.event("channels.post-labels-saved", actor, id));
            checklist.confirm(actor, record, LABEL_SAFEGUARDS);
        });
    }

    /** Renders the inner and outer labels (post.double-envelope) on the chosen sheet. */
    void labels(Actor actor, UUID id, LabelFormat format, OutputStream out) throws IOException {
        SharingRecord record = record(actor, id);
        Labels labels = dispatch(actor.organisationId(), id).map(Dispatch::labels)
                .orElseThrow(() -> new org.caseshare.system.NotFoundException("Envelope labels"));
        Addressee addressee = new Addressee(labels.recipientName(), labels.jobTitle(), labels.department(), labels.organisation(),
                new PostalAddress(lines(labels.address())));
        ReturnAddress returnAddress = new ReturnAddress(labels.returnOrganisation(), new PostalAddress(lines(labels.returnAddress())));
        transaction.executeWithoutResult(status -> audit.record(EmailChannel.event("channels.post-labels-printed", actor, id)
                .with("format", format.name())));
        // In the language the directory records for the recipient's organisation (Welsh Language Standards).
        DocumentLanguage language = DocumentLanguage.valueOf(
                directory.languageOfEntry(actor.organisationId(), record.content().recipient().entryId()).name());
        EnvelopeLabels.render(addressee, returnAddress, format, language, out);
    }

    /** The envelope went: the posting reference and the remaining safeguards, and the record is marked shared. */
    SharingRecord sent(Actor actor, UUID id, String trackingReference, List<String> ticked) {
        SharingRecord record = record(actor, id);
        Checklist.requireBeforeSharing(record);
        if (dispatch(actor.organisationId(), id).isEmpty()) {
            throw new ChannelInputException("recipientName", "channels.error.post.labels-first");
        }
        String reference = trackingReference == null ? "" : trackingReference.strip();
        // post.recorded-delivery: the reference is what shows it was sent that way
        if (ticked.contains("post.recorded-delivery") && reference.isEmpty()) {
            throw new ChannelInputException("trackingReference", "channels.error.post.tracking.missing");
        }
        if (reference.length() > 60 || !reference.matches("[A-Za-z0-9 /._-]*")) {
            throw new ChannelInputException("trackingReference", "channels.error.post.tracking.format");
        }
        return transaction.execute(status -> {
            SharingRecord shared = checklist.share(actor, record, ticked);
            jdbc.sql("update channel_post_dispatch set tracking_reference = ?, updated_at = ? where sharing_record_id = ? and organisation_id = ?")
                    .params(reference.isEmpty() ? null : reference, java.sql.Timestamp.from(now()), id, actor.organisationId()).update();
            audit.record(EmailChannel.event("channels.post-sent", actor, id).with("trackingReference", reference.isEmpty() ? "none" : "recorded"));
            return shared;
        });
    }

    static List<String> lines(String text) {
        return text == null ? List.of() : Arrays.stream(text.split("\\R")).map(String::strip).filter(l -> !l.isEmpty()).toList();
    }

    /** An address's problems: the catalogue's {@code code.missing}, {@code .lines}, {@code .line-length} and {@code .postcode}. */
    private static void address(ChannelInputException.Collector errors, String field, String text, String code) {
        List<String> lines = lines(text);
        if (lines.isEmpty()) {
            errors.add(field, code + ".missing");
        } else if (lines.size() > PostalAddress.MAX_LINES) {
            errors.add(field, code + ".lines", PostalAddress.MAX_LINES);
        } else if (lines.stream().anyMatch(l -> l.length() > PostalAddress.MAX_LINE_LENGTH)) {
            errors.add(field, code + ".line-length", PostalAddress.MAX_LINE_LENGTH);
        } else {
            try {
                Postcode.parse(lines.get(lines.size() - 1));
            } catch (IllegalArgumentException e) {
                errors.add(field, code + ".postcode");
            }
        }
    }

    private static void required(ChannelInputException.Collector errors, String field, String value, String code) {
        if (value == null || value.isBlank()) {
            errors.add(field, code);
        } else {
            optional(errors, field, value);
        }
    }

    private static void optional(ChannelInputException.Collector errors, String field, String value) {
        if (value != null && value.strip().length() > Addressee.MAX_LENGTH) {
            errors.add(field, "channels.error.post.too-long", Addressee.MAX_LENGTH);
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
