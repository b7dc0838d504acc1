package org.caseshare.fhir;

import java.util.List;
import java.util.UUID;

import org.caseshare.audit.AuditEvent;
import org.caseshare.audit.AuditTrail;
import org.caseshare.system.Actor;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Every export is itself on the audit trail, by identifier only: one entry per record pulled, so the
 * organisation's accounting of a disclosure shows each time a health system read it. A search page
 * writes its entries in one transaction (at most a page, 100).
 */
@Component
class FhirExportAudit {

    private final AuditTrail audit;
    private final TransactionTemplate transaction;

    FhirExportAudit(AuditTrail audit, PlatformTransactionManager transactions) {
        this.audit = audit;
        this.transaction = new TransactionTemplate(transactions);
    }

    void exported(Actor actor, List<UUID> recordIds, String how) {
        if (recordIds.isEmpty()) {
            return;
        }
        transaction.executeWithoutResult(status -> recordIds.forEach(id -> audit.record(
                AuditEvent.success("fhir.audit-event-exported", actor.actorId(), actor.organisationId(), "sharing-record:" + id).with("export", how))));
    }
}
