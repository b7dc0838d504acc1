package org.caseshare.sharing;

import java.time.Instant;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Tells other modules (webhooks) when a record is made, shared or has its receipt confirmed. Called
 * inside the register's transaction, so the events enter the event publication registry with the
 * change and are never told of a change that rolled back.
 */
@Component
class LifecycleEvents {

    private final ApplicationEventPublisher events;

    LifecycleEvents(ApplicationEventPublisher events) {
        this.events = events;
    }

    void recorded(SharingRecord record, String reference, Instant at) {
        events.publishEvent(new ShareRecorded(record.organisationId(), record.id(), reference, at));
        changed(record, reference, null, at);
    }

    /** Publishes what the move from {@code before} to the record's status means; most moves mean nothing here. */
    void changed(SharingRecord record, Status before, Instant at) {
        changed(record, record.reference(), before, at);
    }

    private void changed(SharingRecord record, String reference, Status before, Instant at) {
        Status now = record.status();
        if (now == before) {
            return;
        }
        if (now == Status.SHARED) {
            events.publishEvent(new RecordShared(record.organisationId(), record.id(), reference, at));
        } else if (now == Status.RECEIPT_CONFIRMED) {
            events.publishEvent(new RecordReceiptConfirmed(record.organisationId(), record.id(), reference, at));
        }
    }
}
