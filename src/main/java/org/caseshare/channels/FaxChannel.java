package org.caseshare.channels;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.caseshare.audit.AuditTrail;
import org.caseshare.directory.ContactPointKind;
import org.caseshare.directory.Directory;
import org.caseshare.directory.FaxNumber;
import org.caseshare.directory.TelephoneNumber;
import org.caseshare.document.DocumentLanguage;
import org.caseshare.document.FaxCover;
import org.caseshare.document.FaxCoverSheet;
import org.caseshare.document.FaxOriginator;
import org.caseshare.document.FaxRecipient;
import org.caseshare.policy.Channel;
import org.caseshare.system.Actor;
import org.caseshare.sharing.SharingRecord;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Fax, as the guide asks: telephone the recipient, ask them to wait at the machine, double-check the
 * number (pre-programmed numbers wherever possible), a cover sheet that says who it is for and is
 * marked 'Private and Confidential', and the transmission report.
 */
@Service
class FaxChannel {

    /** A number from the directory, to choose rather than type. */
    record DirectoryNumber(UUID pointId, String number, String label, boolean verified) {
    }

    /** The pre-send checklist as the form posts it. {@code numberChoice} is a directory point id or "typed". */
    record PreSend(String numberChoice, String typedNumber, String typedNumberAgain, String pages, String originatorTelephone,
            Boolean recipientTelephoned, Boolean recipientWaiting, Boolean numberChecked) {

        public boolean telephoned() {
            return Boolean.TRUE.equals(recipientTelephoned);
        }

        public boolean waiting() {
            return Boolean.TRUE.equals(recipientWaiting);
        }

        public boolean checked() {
            return Boolean.TRUE.equals(numberChecked);
        }
    }

    record Transmission(String faxNumber, String numberSource, int pagesIncludingCover, String reference, String originatorTelephone,
            Instant updatedAt, Instant reportConfirmedAt) {
    }

    /** What the pre-send checklist and the cover sheet carry out. */
    static final List<String> PRE_SEND_SAFEGUARDS = List.of("fax.telephone-recipient", "fax.recipient-waiting", "fax.double-check-number",
            "fax.cover-sheet-marked", "fax.cover-sheet-reference");

    static final String TYPED = "typed";

    private final Checklist checklist;
    private final Directory directory;
    private final AuditTrail audit;
    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final Clock clock;

    FaxChannel(Checklist checklist, Directory directory, AuditTrail audit, JdbcClient jdbc, PlatformTransactionManager transactions, Clock clock) {
        this.checklist = checklist;
        this.directory = directory;
        this.audit = audit;
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    SharingRecord record(Actor actor, UUID id) {
        return checklist.record(actor, id, Channel.FAX);
    }

    List<DirectoryNumber> directoryNumbers(Actor actor, SharingRecord record) {
        UUID entryId = record.content().recipient().entryId();
        if (entryId == null) {
            return List.of();
        }
        List<DirectoryNumber> numbers = new ArrayList<>();
        directory.entry(actor.organisationId(), entryId).ifPresent(entry -> entry.contactPoints(ContactPointKind.FAX).forEach(point ->
                point.details(FaxNumber.class).ifPresent(fax -> numbers.add(new DirectoryNumber(point.id(), fax.number().display(), fax.label(),
                        point.verified())))));
        return numbers;
    }

    Optional<Transmission> transmission(UUID organisationId, UUID recordId) {
        return jdbc.sql("""
                select fax_number, number_source, pages_including_cover, reference, originator_telephone, updated_at, report_confirmed_at
                from channel_fax_transmission where sharing_record_id = ? and organisation_id = ?""").params(recordId, organisationId)
                .query((rs, i) -> new Transmission(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getString(4), rs.getString(5),
                        rs.getTimestamp(6).toInstant(), rs.getTimestamp(7) == null ? null : rs.getTimestamp(7).toInstant()))
                .optional();
    }

    /** Checks the pre-send checklist, keeps the number and page count for the cover sheet, and confirms those safeguards. */
    Transmission preSend(Actor actor, UUID id, PreSend form) {
        SharingRecord record = record(actor, id);
        Checklist.requireBeforeSharing(record);
        ChannelInputException.Collector errors = new ChannelInputException.Collector();
        if (!form.telephoned()) {
            // fax.telephone-recipient
            errors.add("recipientTelephoned", "channels.error.fax.telephoned");
        }
        if (!form.waiting()) {
            // fax.recipient-waiting
            errors.add("recipientWaiting", "channels.error.fax.waiting");
        }
        String number = null;
        String source = null;
        String choice = form.numberChoice() == null ? "" : form.numberChoice().strip();
        if (choice.isEmpty()) {
            errors.add("numberChoice", "channels.error.fax.number-choice");
        } else if (choice.equals(TYPED)) {
            // fax.double-check-number: a number typed by hand is typed twice and must match
            TelephoneNumber typed = parse(errors, "typedNumber", form.typedNumber(), "channels.error.fax.number.missing");
            if (typed != null) {
                TelephoneNumber again = parse(errors, "typedNumberAgain", form.typedNumberAgain(), "channels.error.fax.number-again.missing");
                if (again != null && !again.equals(typed)) {
                    errors.add("typedNumberAgain", "channels.error.fax.number-again.different");
                } else if (again != null && typed.mobile()) {
                    errors.add("typedNumber", "channels.error.fax.number.mobile", typed.display());
                }
                number = typed.display();
                source = "TYPED";
            }
        } else {
            number = directoryNumbers(actor, record).stream().filter(n -> n.pointId().toString().equals(choice)).map(DirectoryNumber::number)
                    .findFirst().orElse(null);
            source = "DIRECTORY";
            if (number == null) {
                errors.add("numberChoice", "channels.error.fax.number-choice");
            }
        }
        if (!form.checked()) {
            errors.add("numberChecked", "channels.error.fax.checked");
        }
        int pages = 0;
        try {
            pages = Integer.parseInt(form.pages() == null ? "" : form.pages().strip());
        } catch (NumberFormatException e) {
            pages = -1;
        }
        if (pages < 1 || pages > FaxCover.MAX_PAGES - 1) {
            errors.add("pages", "channels.error.fax.pages", FaxCover.MAX_PAGES - 1);
        }
        parse(errors, "originatorTelephone", form.originatorTelephone(), "channels.error.fax.telephone.missing");
        errors.throwIfAny();
        String faxNumber = number;
        String numberSource = source;
        int total = pages + 1;
        String telephone = TelephoneNumber.parse(form.originatorTelephone()).display();
        String reference = Checklist.reference(id);
        transaction.executeWithoutResult(status -> {
            java.sql.Timestamp now = java.sql.Timestamp.from(now());
            jdbc.sql("delete from channel_fax_transmission where sharing_record_id = ? and organisation_id = ?").params(id, actor.organisationId()).update();
            jdbc.sql("""
                    insert into channel_fax_transmission (sharing_record_id, organisation_id, fax_number, number_source, pages_including_cover,
                        reference, originator_telephone, created_by, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(id, actor.organisationId(), faxNumber, numberSource, total, reference, telephone, actor.accountId(), now).update();
            audit.record(EmailChannel.event("channels.fax-checked", actor, id).with("numberSource", numberSource));
            checklist.confirm(actor, record, PRE_SEND_SAFEGUARDS);
        });
        return transmission(actor.organisationId(), id).orElseThrow();
    }

    /** The cover sheet: unique reference, originator, recipient, page count, 'Private and Confidential' and the marking. */
    void coverSheet(Actor actor, UUID id, OutputStream out) throws IOException {
        SharingRecord record = record(actor, id);
        Transmission t = transmission(actor.organisationId(), id).orElseThrow(() -> new org.caseshare.system.NotFoundException("Fax"));
        String organisation = directory.organisation(actor.organisationId()).map(o -> o.name()).orElse("");
        var recipient = record.content().recipient();
        FaxCover cover = new FaxCover(t.reference(), clock.instant().atZone(ZoneId.of("Europe/London")),
                new FaxOriginator(actor.displayName(), shorten(organisation), t.originatorTelephone()),
                new FaxRecipient(recipient.name(), shorten(recipient.organisation()), t.faxNumber()), t.pagesIncludingCover(),
                Summaries.marking(record));
        transaction.executeWithoutResult(status -> audit.record(EmailChannel.event("channels.fax-cover-sheet-printed", actor, id)));
        // In the language the directory records for the recipient's organisation (Welsh Language Standards).
        DocumentLanguage language = DocumentLanguage.valueOf(directory.languageOfEntry(actor.organisationId(), recipient.entryId()).name());
        FaxCoverSheet.render(cover, language, out);
    }

    /** The transmission report confirms every page went (fax.transmission-report): the record is marked shared. */
    SharingRecord sent(Actor actor, UUID id, boolean reportConfirmed, List<String> ticked) {
        SharingRecord record = record(actor, id);
        Checklist.requireBeforeSharing(record);
        if (transmission(actor.organisationId(), id).isEmpty()) {
            throw new ChannelInputException("numberChoice", "channels.error.fax.pre-send-first");
        }
        if (!reportConfirmed) {
            throw new ChannelInputException("reportConfirmed", "channels.error.fax.report");
        }
        List<String> confirm = new ArrayList<>(ticked);
        confirm.add("fax.transmission-report");
        return transaction.execute(status -> {
            SharingRecord shared = checklist.share(actor, record, confirm);
            jdbc.sql("update channel_fax_transmission set report_confirmed_at = ? where sharing_record_id = ? and organisation_id = ?")
                    .params(java.sql.Timestamp.from(now()), id, actor.organisationId()).update();
            audit.record(EmailChannel.event("channels.fax-sent", actor, id));
            return shared;
        });
    }

    private static TelephoneNumber parse(ChannelInputException.Collector errors, String field, String text, String codeWhenBlank) {
        if (text == null || text.isBlank()) {
            errors.add(field, codeWhenBlank);
            return null;
        }
        try {
            return TelephoneNumber.parse(text);
        } catch (IllegalArgumentException e) {
            errors.add(field, "channels.error.fax.telephone.format");
            return null;
        }
    }

    private static String shorten(String text) {
        return text.length() <= org.caseshare.document.Addressee.MAX_LENGTH ? text : text.substring(0, org.caseshare.document.Addressee.MAX_LENGTH);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
