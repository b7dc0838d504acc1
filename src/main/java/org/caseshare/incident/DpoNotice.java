package org.caseshare.incident;

import java.util.List;
import java.util.UUID;

import org.caseshare.audit.AuditEvent;
import org.caseshare.audit.AuditTrail;
import org.caseshare.identity.Account;
import org.caseshare.identity.Members;
import org.caseshare.identity.Role;
import org.caseshare.mail.Mailer;
import org.caseshare.mail.OutgoingMail;
import org.caseshare.system.AccountLanguages;
import org.caseshare.system.Text;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Tells the organisation's data protection officers at once that an incident was reported: an email
 * with no personal data (only that there is one, the 72-hour clock, and where to sign in), sent after
 * the report commits so no one is told of a report that was rolled back.
 */
@Component
class DpoNotice {

    private static final Logger log = LoggerFactory.getLogger(DpoNotice.class);

    private final Members members;
    private final Mailer mailer;
    private final AccountLanguages languages;
    private final AuditTrail audit;
    private final String baseUrl;

    DpoNotice(Members members, Mailer mailer, AccountLanguages languages, AuditTrail audit, @Value("${caseshare.base-url}") String baseUrl) {
        this.members = members;
        this.mailer = mailer;
        this.languages = languages;
        this.audit = audit;
        this.baseUrl = baseUrl;
    }

    /** Audits who is to be told and queues their emails, in the reporting transaction: the emails go once it commits. */
    void notifyOfficers(UUID organisationId, UUID incidentId) {
        var officers = members.list(organisationId).stream().filter(Account::active).filter(a -> a.hasRole(Role.DATA_PROTECTION_OFFICER)).toList();
        audit.record(AuditEvent.success("incident.dpo-notified", "system", organisationId, "incident:" + incidentId)
                .with("recipients", officers.stream().map(a -> a.id().toString()).sorted().reduce((a, b) -> a + "," + b).orElse("")));
        if (officers.isEmpty()) {
            log.warn("An incident was reported in an organisation with no data protection officer");
        }
        // The mailer sends after commit itself; queuing here (not in an afterCommit callback, where the
        // transaction is already over) keeps the emails with the report they tell of.
        officers.forEach(this::send);
    }

    /** In the language the officer chose, English when they chose none. */
    private void send(Account officer) {
        try {
            mailer.send(OutgoingMail.written(officer.email(), languages.toWriteTo(officer.id()), Text.of("mail.incident.subject"),
                    List.of(Text.of("mail.incident.reported"), Text.of("mail.incident.clock", baseUrl + "/incidents"))));
        } catch (RuntimeException e) {
            log.warn("Could not email a data protection officer about an incident; it is on their incident list: {}", e.getClass().getSimpleName());
        }
    }
}
