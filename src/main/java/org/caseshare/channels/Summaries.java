package org.caseshare.channels;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import org.caseshare.document.RecordSummary;
import org.caseshare.sharing.SharingRecord;
import org.caseshare.sharing.Subject;
import org.caseshare.system.Catalogue;
import org.caseshare.system.Dates;
import org.caseshare.system.Text;

/** The sharing record as a printable summary, for when the information to send is what the record holds. */
final class Summaries {

    private Summaries() {
    }

    static String marking(SharingRecord record) {
        var c = record.content();
        return c.marking().label() + (c.descriptor() == null ? "" : " [" + c.descriptor().name() + "]");
    }

    /**
     * The labels and title are catalogue {@link Text}, printed in the document's language (both, for a
     * bilingual one); the few words inside a value (", born", ", reference") are said in
     * {@code valueLanguage}, the document's first. What the record holds is printed as stored.
     */
    static RecordSummary of(SharingRecord record, Locale valueLanguage) {
        var c = record.content();
        List<RecordSummary.Field> fields = new ArrayList<>();
        fields.add(new RecordSummary.Field(Text.of("channels.summary.reference"), Checklist.reference(record.id())));
        fields.add(new RecordSummary.Field(Text.of("channels.summary.about"),
                c.subjects().stream().map(s -> subject(s, valueLanguage)).collect(Collectors.joining("\n"))));
        fields.add(new RecordSummary.Field(Text.of("channels.summary.information"), c.information()));
        fields.add(new RecordSummary.Field(Text.of("channels.summary.purpose"), c.purpose()));
        var r = c.recipient();
        fields.add(new RecordSummary.Field(Text.of("channels.summary.for"), r.name() + (r.jobTitle() == null ? "" : ", " + r.jobTitle())
                + (r.department() == null ? "" : ", " + r.department()) + ", " + r.organisation()));
        fields.add(new RecordSummary.Field(Text.of("channels.summary.decided-by"), record.decidedBy().name()));
        return new RecordSummary(Text.of("channels.summary.title", Checklist.reference(record.id())), marking(record), fields);
    }

    private static String subject(Subject s, Locale language) {
        return s.name() + (s.dateOfBirth() == null ? "" : Catalogue.text(language, "channels.summary.born", Dates.date(s.dateOfBirth(), language)))
                + (s.localReference() == null ? "" : Catalogue.text(language, "channels.summary.subject-reference", s.localReference()));
    }
}
