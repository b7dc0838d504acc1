package org.caseshare.sharing;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Confirms receipt on a record when another module reports that the recipient has the information.
 * Each listener is a plain synchronous {@link EventListener}, run in the reporter's transaction:
 * the person who causes the receipt, or the sender on their very next page, sees the record confirmed,
 * and a failure here rolls back the report with it, as when the reporter called the register
 * directly. See docs/adr/0014-module-events.md for why these are not (yet) after-commit listeners.
 */
@Component
class ReceiptReports {

    private final SharingRegister register;

    ReceiptReports(SharingRegister register) {
        this.register = register;
    }

    @EventListener
    void on(PackageReceiptConfirmed event) {
        register.confirmReceiptBySecureHub(event.organisationId(), event.sharingRecordId(), event.recipientAccountId(),
                event.recipientName(), event.packageId());
    }

    @EventListener
    void on(RequestedFilesReceived event) {
        register.confirmRequestedFilesReceived(event.requester(), event.sharingRecordId(), event.fileRequestId(), event.packageId());
    }

    @EventListener
    void on(ReceiptConfirmedByLink event) {
        register.confirmReceiptByRecipient(event.organisationId(), event.sharingRecordId());
    }
}
