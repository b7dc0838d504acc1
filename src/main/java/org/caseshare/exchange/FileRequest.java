package org.caseshare.exchange;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A request for files as the requester's organisation or the named recipient sees it; {@code overdue}
 * when it is still open after the day it was needed by (in London).
 */
public record FileRequest(UUID id, UUID organisationId, String requesterName, String requesterEmail, UUID recipientOrganisationId,
        String recipientOrganisationName, String recipientEmail, UUID sharingRecordId, String what, String why, LocalDate dueOn,
        Status status, UUID packageId, Instant createdAt, Instant fulfilledAt, boolean overdue) {

    public enum Status {
        OPEN("Waiting for files"), FULFILLED("Files sent"), CANCELLED("Cancelled");

        private final String label;

        Status(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public boolean open() {
        return status == Status.OPEN;
    }
}
