package org.caseshare.incident;

import java.time.Instant;
import java.util.UUID;

import org.caseshare.custody.UkTime;

/** An incident as the pages show it: UK times, the 72-hour clock worked out now, the status as a catalogue code. */
record IncidentView(UUID id, String whatHappened, String reportedBy, String reported, String discovered, int peopleAffected,
        int recordsAffected, String consequences, String actionsTaken, UUID sharingRecordId, UUID custodyItemId, UUID deviceId,
        String status, boolean decided, IcoClock clock, Incident.Decision decision, String decidedAt, String icoNotifiedOn,
        String peopleNotifiedOn) {

    static IncidentView of(Incident i, Instant now) {
        Incident.Decision d = i.decision();
        return new IncidentView(i.id(), i.whatHappened(), i.reportedByName(), UkTime.show(i.reportedAt()), UkTime.show(i.discoveredAt()),
                i.peopleAffected(), i.recordsAffected(), i.consequences(), i.actionsTaken(), i.sharingRecordId(), i.custodyItemId(),
                i.deviceId(), i.statusKey(), i.decided(), IcoClock.of(i, now), d, d == null ? null : UkTime.show(d.decidedAt()),
                d == null || d.icoNotifiedOn() == null ? null : UkTime.show(d.icoNotifiedOn()),
                d == null || d.peopleNotifiedOn() == null ? null : UkTime.show(d.peopleNotifiedOn()));
    }
}
