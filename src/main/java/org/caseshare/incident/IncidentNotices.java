package org.caseshare.incident;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import org.caseshare.custody.UkTime;
import org.caseshare.system.Actor;
import org.caseshare.system.Catalogue;
import org.caseshare.system.RelatedNotices;
import org.springframework.stereotype.Component;

/**
 * Shows an incident, with its 72-hour clock, on the sharing record, custody item or device it was
 * reported on — to those who may see the incident (its reporter, managers and the DPO).
 */
@Component
class IncidentNotices implements RelatedNotices {

    private final Incidents incidents;
    private final Clock clock;

    IncidentNotices(Incidents incidents, Clock clock) {
        this.incidents = incidents;
        this.clock = clock;
    }

    @Override
    public List<Notice> about(Actor caller, Subject subject, UUID id) {
        String column = switch (subject) {
            case SHARING_RECORD -> "sharing_record_id";
            case CUSTODY_ITEM -> "custody_item_id";
            case DEVICE -> "device_id";
        };
        boolean all = IncidentRegister.seesAll(caller);
        return incidents.about(caller.organisationId(), column, id).stream()
                .filter(incident -> all || incident.reportedBy().equals(caller.accountId()))
                .map(incident -> {
                    IcoClock ico = IcoClock.of(incident, clock.instant());
                    return new Notice(Catalogue.text("incident.notice", UkTime.show(incident.reportedAt()), ico.message()),
                            "/incidents/" + incident.id(), ico.running());
                }).toList();
    }
}
