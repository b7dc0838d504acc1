package org.caseshare.sharing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.caseshare.system.Catalogue;
import org.caseshare.system.Plurals;
import org.springframework.context.NoSuchMessageException;
import org.springframework.context.i18n.LocaleContextHolder;

/** A record's timeline as its page shows it, in the reader's language ({@code sharing.timeline.*}). */
final class TimelineLines {

    private TimelineLines() {
    }

    /** One line of the timeline as the page shows it. */
    record Line(Instant at, String label, String by, String note) {
    }

    /**
     * The timeline in plain English. The checklist above lists each safeguard with who confirmed it
     * and when, so confirmations made together by one person are one line here, not a dozen.
     */
    static List<Line> of(SharingRecord record) {
        List<Line> lines = new ArrayList<>();
        List<TimelineEvent> events = record.timeline();
        for (int i = 0; i < events.size(); i++) {
            TimelineEvent e = events.get(i);
            if (e.action().equals("safeguard-confirmed")) {
                int count = 1;
                while (i + 1 < events.size() && events.get(i + 1).action().equals("safeguard-confirmed")
                        && events.get(i + 1).by().accountId().equals(e.by().accountId())) {
                    count++;
                    i++;
                }
                lines.add(new Line(e.by().at(), Plurals.inLanguage(LocaleContextHolder.getLocale(), "sharing.timeline.safeguards-confirmed", count),
                        e.by().name(), null));
            } else if (e.action().equals("created")) {
                lines.add(new Line(e.by().at(), label(e), e.by().name(),
                        e.note() == null ? null : Catalogue.text("sharing.timeline.decision", decision(e.note()))));
            } else {
                lines.add(new Line(e.by().at(), label(e), e.by().name(), e.note()));
            }
        }
        return lines;
    }

    /** The action in the reader's language; an action this module does not name keeps its plain English. */
    private static String label(TimelineEvent e) {
        try {
            return Catalogue.text("sharing.timeline." + e.action());
        } catch (NoSuchMessageException unnamed) {
            return e.label();
        }
    }

    /** A record's first line notes its decision as stored, in English ("Share in part"): said again in the reader's. */
    private static String decision(String stored) {
        for (Decision d : Decision.values()) {
            if (d.displayName().equals(stored)) {
                return Catalogue.text("sharing.decision." + d.name());
            }
        }
        return stored;
    }
}
