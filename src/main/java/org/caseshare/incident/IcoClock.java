package org.caseshare.incident;

import java.time.Duration;
import java.time.Instant;

import org.caseshare.custody.UkTime;

/**
 * The 72-hour clock as the pages show it, worked out from the injected clock on the server (no
 * script): time left, or overdue by how long; stopped once the decision is recorded.
 */
record IcoClock(String deadline, boolean running, boolean overdue, String text) {

    static IcoClock of(Incident incident, Instant now) {
        Instant deadline = incident.icoDeadline();
        String by = UkTime.show(deadline);
        Incident.Decision decision = incident.decision();
        if (decision != null) {
            if (decision.notifyIco()) {
                boolean late = decision.icoNotifiedOn().isAfter(UkTime.today(deadline));
                return new IcoClock(by, false, late, "Reported to the ICO on " + UkTime.show(decision.icoNotifiedOn())
                        + (late ? ", after the 72-hour deadline of " + by : ", within 72 hours"));
            }
            return new IcoClock(by, false, false, "Decided not to report to the ICO, " + UkTime.show(decision.decidedAt()));
        }
        if (now.isBefore(deadline)) {
            return new IcoClock(by, true, false, UkTime.span(Duration.between(now, deadline)) + " left to decide whether to report to the ICO");
        }
        return new IcoClock(by, true, true, "Overdue by " + UkTime.span(Duration.between(deadline, now)) + ": decide whether to report to the ICO now");
    }
}
