package org.caseshare.incident;

/** Someone else recorded a decision on the incident after the caller opened it. */
class IncidentChangedException extends RuntimeException {
    IncidentChangedException() {
        super("Someone else recorded a decision on this incident: open it again");
    }
}
