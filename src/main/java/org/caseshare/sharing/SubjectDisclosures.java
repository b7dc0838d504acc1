package org.caseshare.sharing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.caseshare.document.RecordSummary;
import org.caseshare.system.Dates;

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

    static RecordSummary summary(String searchedFor, String producedBy, Instant producedAt, List<RegisterSearch.Row> rows) {
        List<RecordSummary.Field> fields = new ArrayList<>();
        fields.add(new RecordSummary.Field("Person", searchedFor));
        fields.add(new RecordSummary.Field("Produced", Dates.time(producedAt) + " by " + producedBy));
        fields.add(new RecordSummary.Field("Records found", rows.isEmpty() ? "None: nothing about this person is in the register"
                : rows.size() + (rows.size() == 1 ? " record" : " records")
                        + ". Other people named on a record are counted, not named: check for third-party information before release."));
        int n = 0;
        for (RegisterSearch.Row row : rows) {
            n++;
            fields.add(new RecordSummary.Field("Record " + n + " of " + rows.size(), describe(row)));
        }
        return new RecordSummary("Sharing recorded about one person", MARKING, fields);
    }

    private static String describe(RegisterSearch.Row row) {
        List<String> lines = new ArrayList<>();
        lines.add("Recorded: " + Dates.time(row.createdAt()) + " (reference " + (row.reference() == null ? row.id() : row.reference()) + ")");
        lines.add("Direction: " + row.direction().displayName() + ". Status: " + row.status().displayName());
        lines.add("Information: " + orNone(row.information()));
        lines.add("Purpose: " + orNone(row.purpose()));
        lines.add("Recipient: " + orNone(row.recipientName()) + ", " + orNone(row.recipientOrganisation()));
        lines.add("Channel: " + row.channelName() + (row.sharedAt() == null ? "" : ". Shared: " + Dates.time(row.sharedAt())));
        lines.add("Decided by: " + orNone(row.decidedBy()));
        int people = row.people() == null || row.people().isBlank() ? 0 : row.people().split("; ").length;
        if (people > 1) {
            lines.add("Other people on this record: " + (people - 1));
        }
        return String.join("\n", lines);
    }

    private static String orNone(String value) {
        return value == null || value.isBlank() ? "(not recorded)" : value;
    }
}
