package org.caseshare.channels;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.caseshare.document.RecordSummary;
import org.caseshare.sharing.SharingRecord;
import org.caseshare.sharing.Subject;

/** The sharing record as a printable summary, for when the information to send is what the record holds. */
final class Summaries {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy");

    private Summaries() {
    }

    static String marking(SharingRecord record) {
        var c = record.content();
        return c.marking().label() + (c.descriptor() == null ? "" : " [" + c.descriptor().name() + "]");
    }

    static RecordSummary of(SharingRecord record) {
        var c = record.content();
        List<RecordSummary.Field> fields = new ArrayList<>();
        fields.add(new RecordSummary.Field("Reference", Checklist.reference(record.id())));
        fields.add(new RecordSummary.Field("About", c.subjects().stream().map(Summaries::subject).collect(Collectors.joining("\n"))));
        fields.add(new RecordSummary.Field("Information", c.information()));
        fields.add(new RecordSummary.Field("Purpose", c.purpose()));
        var r = c.recipient();
        fields.add(new RecordSummary.Field("For", r.name() + (r.jobTitle() == null ? "" : ", " + r.jobTitle())
                + (r.department() == null ? "" : ", " + r.department()) + ", " + r.organisation()));
        fields.add(new RecordSummary.Field("Decided by", record.decidedBy().name()));
        return new RecordSummary("Record summary " + Checklist.reference(record.id()), marking(record), fields);
    }

    private static String subject(Subject s) {
        return s.name() + (s.dateOfBirth() == null ? "" : ", born " + DATE.format(s.dateOfBirth()))
                + (s.localReference() == null ? "" : ", reference " + s.localReference());
    }
}
