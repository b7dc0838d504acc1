package org.caseshare.incident;

import java.time.Duration;
import java.time.Instant;

import org.caseshare.custody.UkTime;
import org.caseshare.system.Languages;
import org.caseshare.system.Text;

/**
 * The 72-hour clock as the pages show it, worked out from the injected clock on the server (no
 * script): time left, or overdue by how long; stopped once the decision is recorded.
 */
record IcoClock(String deadline, boolean running, boolean overdue, Text message) {

    /** The clock in English, for the API. */
    String text() {
        return message.resolve(Languages.ENGLISH);
    }

    static IcoClock of(Incident incident, Instant now) {
        Instant deadline = incident.icoDeadline();
        String by = UkTime.show(deadline);
        Incident.Decision decision = incident.decision();
        if (decision != null) {
            if (decision.notifyIco()) {
                boolean late = decision.icoNotifiedOn().isAfter(UkTime.today(deadline));
                return new IcoClock(by, false, late, late
                        ? Text.of("incident.clock.reported.late", UkTime.show(decision.icoNotifiedOn()), by)
                        : Text.of("incident.clock.reported", UkTime.show(decision.icoNotifiedOn())));
            }
            return new IcoClock(by, false, false, Text.of("incident.clock.not-reported", UkTime.show(decision.decidedAt())));
        }
        if (now.isBefore(deadline)) {
            return new IcoClock(by, true, false, Text.of("incident.clock.left", UkTime.span(Duration.between(now, deadline))));
        }
        return new IcoClock(by, true, true, Text.of("incident.clock.overdue", UkTime.span(Duration.between(deadline, now))));
    }
}
