package org.caseshare.incident;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

import org.caseshare.system.Actor;
import org.caseshare.system.Catalogue;
import org.caseshare.system.Dates;
import org.caseshare.system.WorkItem;
import org.caseshare.system.WorkQueue;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Incidents' part of the home page: for the data protection officer, every incident still waiting for
 * the decision whether to report it to the ICO, with its 72-hour clock, the nearest deadline first.
 */
@Component
@Order(30)
class IncidentWorkQueue implements WorkQueue {

    private final Incidents incidents;
    private final Clock clock;

    IncidentWorkQueue(Incidents incidents, Clock clock) {
        this.incidents = incidents;
        this.clock = clock;
    }

    @Override
    public List<WorkItem> workFor(Actor actor) {
        if (!IncidentRegister.decides(actor)) {
            return List.of();
        }
        Instant now = clock.instant();
        return incidents.list(actor.organisationId(), null).stream().filter(incident -> !incident.decided())
                .sorted(Comparator.comparing(Incident::icoDeadline))
                .map(incident -> {
                    IcoClock ico = IcoClock.of(incident, now);
                    return new WorkItem(Catalogue.text("incident.work.to-decide"),
                            Catalogue.text("incident.work.reported", Dates.time(incident.reportedAt()), incident.reportedByName()),
                            "/incidents/" + incident.id(), Catalogue.text("incident.work.clock", ico.message(), ico.deadline()), ico.overdue()
                                    || incident.icoDeadline().isBefore(now.plus(java.time.Duration.ofHours(24))));
                })
                .toList();
    }
}
