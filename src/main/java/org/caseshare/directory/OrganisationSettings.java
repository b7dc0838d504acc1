package org.caseshare.directory;

import java.util.UUID;

import org.caseshare.audit.AuditEvent;
import org.caseshare.audit.AuditTrail;
import org.caseshare.system.Actor;
import org.caseshare.system.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An organisation's own settings, kept on its organisation row. For now one: how many days a
 * recipient's receipt link (the email channel's) works before it expires.
 */
@Service
public class OrganisationSettings {

    public static final int DEFAULT_RECEIPT_LINK_DAYS = 30;
    public static final int MAX_RECEIPT_LINK_DAYS = 365;

    private final JdbcClient jdbc;
    private final AuditTrail audit;

    OrganisationSettings(JdbcClient jdbc, AuditTrail audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    public int receiptLinkDays(UUID organisationId) {
        return jdbc.sql("select receipt_link_days from organisation where id = ?").param(organisationId).query(Integer.class).optional()
                .orElse(DEFAULT_RECEIPT_LINK_DAYS);
    }

    /**
     * The organisation admin changes their own organisation's receipt-link lifetime; another
     * organisation is "not found". Links already sent keep the expiry they were sent with.
     */
    @Transactional
    public int changeReceiptLinkDays(Actor caller, UUID organisationId, int days) {
        if (!caller.organisationId().equals(organisationId)) {
            throw new NotFoundException("Organisation");
        }
        if (!caller.organisationAdmin()) {
            throw new AccessDeniedException("Only an organisation admin may do this");
        }
        if (days < 1 || days > MAX_RECEIPT_LINK_DAYS) {
            throw new InvalidFieldException("receiptLinkDays", "Choose between 1 and " + MAX_RECEIPT_LINK_DAYS + " days");
        }
        jdbc.sql("update organisation set receipt_link_days = ? where id = ?").params(days, organisationId).update();
        audit.record(AuditEvent.success("organisation.settings.changed", caller.actorId(), organisationId, "organisation:" + organisationId)
                .with("receiptLinkDays", Integer.toString(days)));
        return days;
    }
}
