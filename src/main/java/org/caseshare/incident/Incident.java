package org.caseshare.incident;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A loss, suspected loss or other breach, as reported, and the data protection officer's decision
 * about telling the ICO and the people affected. Kept whether or not it was reported.
 */
public record Incident(UUID id, UUID organisationId, UUID reportedBy, String reportedByName, Instant reportedAt,
        String whatHappened, Instant discoveredAt, int peopleAffected, int recordsAffected, String consequences,
        String actionsTaken, UUID sharingRecordId, UUID custodyItemId, UUID deviceId, Decision decision, int version) {

    /** UK GDPR Art. 33: report to the ICO within 72 hours of becoming aware of the breach. */
    public static final Duration TO_NOTIFY_ICO = Duration.ofHours(72);

    /** The data protection officer's decision, with the reasons either way. */
    public record Decision(UUID decidedBy, String decidedByName, Instant decidedAt, boolean notifyIco, String icoReasons,
            LocalDate icoNotifiedOn, String icoReference, String icoDelayReasons, boolean notifyPeople, String peopleReasons,
            LocalDate peopleNotifiedOn) {
    }

    public Instant icoDeadline() {
        return discoveredAt.plus(TO_NOTIFY_ICO);
    }

    public boolean decided() {
        return decision != null;
    }

    /** The catalogue code of the status, for the pages. */
    public String statusKey() {
        if (decision == null) {
            return "incident.status.awaiting";
        }
        return decision.notifyIco() ? "incident.status.reported" : "incident.status.not-reported";
    }

    public String statusName() {
        if (decision == null) {
            return "Awaiting decision";
        }
        return decision.notifyIco() ? "Reported to the ICO" : "Not reported to the ICO";
    }
}
