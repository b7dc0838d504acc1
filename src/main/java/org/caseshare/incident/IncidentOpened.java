package org.caseshare.incident;

import java.time.Instant;
import java.util.UUID;

/**
 * An incident was reported (published in the reporting transaction). Identifiers and times only,
 * never what happened: the event waits in the event publication table until handled.
 *
 * @param sharingRecordId the record it concerns, or null
 */
public record IncidentOpened(UUID organisationId, UUID incidentId, UUID sharingRecordId, Instant reportedAt, Instant discoveredAt,
        Instant icoDeadline) {
}
