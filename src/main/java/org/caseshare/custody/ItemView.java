package org.caseshare.custody;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/** A custody item as the pages show it: times in UK local time, overdue worked out from the clock. */
record ItemView(UUID id, String kind, String description, String reason, String holder, String taken, String due,
        String status, boolean open, boolean overdue, String overdueBy, String dueIn, String device, UUID deviceId,
        UUID sharingRecordId, String closed, boolean escalated, boolean onDevice, String safeguards) {

    static ItemView of(CustodyItem item, Device device, Instant now) {
        boolean overdue = item.overdue(now);
        String closed = item.open() ? null : item.status().displayName() + " by " + item.closedByName() + ", "
                + UkTime.show(item.closedAt()) + (item.closedHow() == null ? "" : " — " + item.closedHow());
        return new ItemView(item.id(), item.kind().displayName(), item.description(), item.reason(), item.holderName(),
                UkTime.show(item.takenAt()), UkTime.show(item.dueAt()), overdue ? "Overdue" : item.status().displayName(), item.open(),
                overdue, overdue ? UkTime.span(Duration.between(item.dueAt(), now)) : null,
                item.open() && !overdue ? UkTime.span(Duration.between(now, item.dueAt())) : null,
                device == null ? null : device.label(), item.deviceId(), item.sharingRecordId(), closed, item.escalatedAt() != null,
                item.kind() == ItemKind.DEVICE, String.join(", ", item.safeguards()));
    }
}
