package org.caseshare.sharing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** A record's timeline as its page shows it, in plain English. */
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
                lines.add(new Line(e.by().at(), count == 1 ? "Safeguard confirmed" : count + " safeguards confirmed",
                        e.by().name(), null));
            } else if (e.action().equals("created")) {
                lines.add(new Line(e.by().at(), e.label(), e.by().name(), e.note() == null ? null : "decision: " + e.note()));
            } else {
                lines.add(new Line(e.by().at(), e.label(), e.by().name(), e.note()));
            }
        }
        return lines;
    }

}
