package org.caseshare.sharing;

import java.util.Set;
import java.util.UUID;

import org.caseshare.identity.Account;
import org.caseshare.identity.Members;
import org.caseshare.system.Actor;
import org.springframework.context.event.EventListener;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Confirms receipt on a record when another module reports that the recipient has the information.
 * Confirming is idempotent (only a shared record moves), so a report handled twice does no harm.
 * See docs/adr/0014-module-events.md.
 */
@Component
class ReceiptReports {

    private final SharingRegister register;
    private final Members members;

    ReceiptReports(SharingRegister register, Members members) {
        this.register = register;
        this.members = members;
    }

    // After commit: the person downloading never sees the record, and the sender's next look a moment
    // later does; a download must not fail or wait because the record is being edited. A report that
    // fails is kept by the registry and resubmitted by ReceiptReportRetries. The ids are stored with
    // each publication, so they must not change with a rename.
    @ApplicationModuleListener(id = "sharing.receipt-by-secure-hub")
    void on(PackageReceiptConfirmed event) {
        register.confirmReceiptBySecureHub(event.organisationId(), event.sharingRecordId(), event.recipientAccountId(),
                nameOf(event.recipientAccountId()), event.packageId());
    }

    @ApplicationModuleListener(id = "sharing.requested-files-received")
    void on(RequestedFilesReceived event) {
        Actor requester = new Actor(event.requesterAccountId(), event.organisationId(), nameOf(event.requesterAccountId()), Set.of());
        register.confirmRequestedFilesReceived(requester, event.sharingRecordId(), event.fileRequestId(), event.packageId());
    }

    // In the link's transaction: the page the recipient sees next says "Receipt confirmed", and the
    // password is released only once the record is confirmed; a failure rolls the claim back with it.
    @EventListener
    void on(ReceiptConfirmedByLink event) {
        register.confirmReceiptByRecipient(event.organisationId(), event.sharingRecordId());
    }

    private String nameOf(UUID accountId) {
        return members.findById(accountId).map(Account::displayName).orElse("");
    }
}
