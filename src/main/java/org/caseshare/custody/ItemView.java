package org.caseshare.custody;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.caseshare.system.Catalogue;

/** A custody item as the pages show it, in the reader's language: times in UK local time, overdue worked out from the clock. */
record ItemView(UUID id, String kind, String description, String reason, String holder, String taken, String due,
        String status, boolean open, boolean overdue, String overdueBy, String dueIn, String device, UUID deviceId,
        UUID sharingRecordId, String closed, boolean escalated, boolean onDevice, String safeguards) {

    static ItemView of(CustodyItem item, Device device, Instant now) {
        boolean overdue = item.overdue(now);
        String status = Catalogue.text("custody.item-status." + item.status().name());
        String closed = item.open() ? null : item.closedHow() == null
                ? Catalogue.text("custody.item.closed.value", status, item.closedByName(), UkTime.show(item.closedAt()))
                : Catalogue.text("custody.item.closed.how", status, item.closedByName(), UkTime.show(item.closedAt()), item.closedHow());
        return new ItemView(item.id(), Catalogue.text("custody.kind." + item.kind().name()), item.description(), item.reason(),
                item.holderName(), UkTime.show(item.takenAt()), UkTime.show(item.dueAt()),
                overdue ? Catalogue.text("custody.item-status.overdue") : status, item.open(),
                overdue, overdue ? UkTime.span(Duration.between(item.dueAt(), now)) : null,
                item.open() && !overdue ? UkTime.span(Duration.between(now, item.dueAt())) : null,
                device == null ? null : Catalogue.text("custody.device-type." + device.type().name()) + " " + device.assetTag(), item.deviceId(), item.sharingRecordId(), closed, item.escalatedAt() != null,
                item.kind() == ItemKind.DEVICE, String.join(", ", item.safeguards()));
    }
}
