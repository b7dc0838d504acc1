package org.caseshare.sharing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.caseshare.document.RecordSummary;
import org.caseshare.system.Catalogue;
import org.caseshare.system.Dates;
import org.caseshare.system.Plurals;
import org.caseshare.system.Text;

/**
 * The subject view as a document for answering a subject access request: who received what about
 * the person, when and why. Other people named on a record are counted, not named — they are third
 * parties whose data a response must not disclose without thought — and the reader is told so.
 */
final class SubjectDisclosures {

    /** A subject access response is about a named person's records: never less than OFFICIAL-SENSITIVE. */
    static final String MARKING = "OFFICIAL-SENSITIVE";

    private SubjectDisclosures() {
    }

    /**
     * In the reader's language: the labels are catalogue {@link Text}, and the few words inside a value
     * ("by", "None: …", "Recorded:") are said in {@code language}. What the register holds stays as stored.
     */
    static RecordSummary summary(String searchedFor, String producedBy, Instant producedAt, List<RegisterSearch.Row> rows,
            Locale language) {
        List<RecordSummary.Field> fields = new ArrayList<>();
        fields.add(new RecordSummary.Field(Text.of("sharing.disclosures.person"), searchedFor));
        fields.add(new RecordSummary.Field(Text.of("sharing.disclosures.produced"),
                Catalogue.text(language, "sharing.disclosures.produced-value", Dates.time(producedAt, language), producedBy)));
        fields.add(new RecordSummary.Field(Text.of("sharing.disclosures.found"), rows.isEmpty()
                ? Catalogue.text(language, "sharing.disclosures.found-none")
                : Plurals.inLanguage(language, "sharing.disclosures.found-count", rows.size())));
        int n = 0;
        for (RegisterSearch.Row row : rows) {
            n++;
            fields.add(new RecordSummary.Field(Text.of("sharing.disclosures.record", n, rows.size()), describe(row, language)));
        }
        return new RecordSummary(Text.of("sharing.disclosures.title"), MARKING, fields);
    }

    private static String describe(RegisterSearch.Row row, Locale language) {
        List<String> lines = new ArrayList<>();
        lines.add(Catalogue.text(language, "sharing.disclosures.recorded", Dates.time(row.createdAt(), language),
                row.reference() == null ? row.id().toString() : row.reference()));
        lines.add(Catalogue.text(language, "sharing.disclosures.direction",
                Catalogue.text(language, "sharing.direction." + row.direction().name()),
                Catalogue.text(language, "sharing.status." + row.status().name())));
        lines.add(Catalogue.text(language, "sharing.disclosures.information", orNone(row.information(), language)));
        lines.add(Catalogue.text(language, "sharing.disclosures.purpose", orNone(row.purpose(), language)));
        lines.add(Catalogue.text(language, "sharing.disclosures.recipient", orNone(row.recipientName(), language),
                orNone(row.recipientOrganisation(), language)));
        lines.add(row.sharedAt() == null
                ? Catalogue.text(language, "sharing.disclosures.channel", channel(row, language))
                : Catalogue.text(language, "sharing.disclosures.channel-shared", channel(row, language), Dates.time(row.sharedAt(), language)));
        lines.add(Catalogue.text(language, "sharing.disclosures.decided-by", orNone(row.decidedBy(), language)));
        int people = row.people() == null || row.people().isBlank() ? 0 : row.people().split("; ").length;
        if (people > 1) {
            lines.add(Catalogue.text(language, "sharing.disclosures.others", people - 1));
        }
        return String.join("\n", lines);
    }

    /** The channel as people say it; a stored value that is no channel now, as stored. */
    private static String channel(RegisterSearch.Row row, Locale language) {
        try {
            return Catalogue.text(language, "sharing.channel." + org.caseshare.policy.Channel.valueOf(row.channel()).name());
        } catch (IllegalArgumentException | NullPointerException e) {
            return row.channel();
        }
    }

    private static String orNone(String value, Locale language) {
        return value == null || value.isBlank() ? Catalogue.text(language, "sharing.disclosures.not-recorded") : value;
    }
}
