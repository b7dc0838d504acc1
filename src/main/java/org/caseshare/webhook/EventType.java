package org.caseshare.webhook;

import java.util.Arrays;
import java.util.Optional;

/** The events an endpoint may receive, by the {@code type} name the receiver sees. */
enum EventType {
    SHARE_RECORDED("share.recorded", "A share is recorded in the register"),
    SHARED("share.shared", "A record is shared"),
    RECEIPT_CONFIRMED("share.receipt-confirmed", "Receipt of a share is confirmed"),
    PACKAGE_DOWNLOADED("package.downloaded", "A file of a secure hub package is downloaded"),
    INCIDENT_OPENED("incident.opened", "An incident is reported");

    private final String typeName;
    private final String label;

    EventType(String typeName, String label) {
        this.typeName = typeName;
        this.label = label;
    }

    public String typeName() {
        return typeName;
    }

    public String label() {
        return label;
    }

    static Optional<EventType> named(String typeName) {
        return Arrays.stream(values()).filter(type -> type.typeName.equals(typeName)).findFirst();
    }
}
