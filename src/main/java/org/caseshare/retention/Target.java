package org.caseshare.retention;

import java.util.UUID;

import org.caseshare.policy.RetentionKind;

/** A record retention may delete: its id and its kind, which says which module owns it. */
record Target(UUID id, RetentionKind kind) {

    /** How audit entries name the record: by its owning module's target type and id, never by its content. */
    String auditTarget() {
        return switch (kind) {
            case INCIDENT -> "incident:" + id;
            case CUSTODY -> "custody-item:" + id;
            case HUB_PACKAGE -> "hub-package:" + id;
            default -> "sharing-record:" + id;
        };
    }
}
