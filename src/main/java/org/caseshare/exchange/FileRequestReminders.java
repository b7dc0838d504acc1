package org.caseshare.exchange;

import java.time.Duration;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import org.caseshare.audit.AuditEvent;
import org.caseshare.audit.AuditTrail;
import org.caseshare.identity.Account;
import org.caseshare.identity.Members;
import org.caseshare.mail.Mailer;
import org.caseshare.mail.OutgoingMail;
import org.caseshare.system.AccountLanguages;
import org.caseshare.system.Text;
import org.caseshare.system.ClusterJob;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reminds the named person, and tells the requester, once, when a request for files is still open
 * after the day it was needed by. Runs on every node on a fixed delay, like the custody register's
 * reminders; each request is claimed by a conditional update of its row ({@code reminded_at} set only
 * where it is null and the request still open), so with several nodes each reminder is sent once, and
 * a request fulfilled or cancelled first is never reminded. The emails carry only a link to the
 * request's page: no names, no description of the files.
 */
@Component
class FileRequestReminders {

    private static final Logger log = LoggerFactory.getLogger(FileRequestReminders.class);

    private final JdbcClient jdbc;
    private final Members members;
    private final PackageRecipients addressees;
    private final Mailer mailer;
    private final AccountLanguages languages;
    private final AuditTrail audit;
    private final Clock clock;
    private final TransactionTemplate transaction;
    private final String baseUrl;

    FileRequestReminders(JdbcClient jdbc, Members members, PackageRecipients addressees, Mailer mailer, AccountLanguages languages, AuditTrail audit, Clock clock,
            PlatformTransactionManager transactions, @Value("${caseshare.base-url}") String baseUrl) {
        this.jdbc = jdbc;
        this.members = members;
        this.addressees = addressees;
        this.mailer = mailer;
        this.languages = languages;
        this.audit = audit;
        this.clock = clock;
        this.transaction = new TransactionTemplate(transactions);
        this.baseUrl = baseUrl;
    }

    @Bean
    ClusterJob fileRequestReminderJob(@Value("${caseshare.exchange.request-remind-every:PT15M}") Duration every) {
        return new ClusterJob("hub-request-reminders", every, () -> {
            int sent = sweep();
            if (sent > 0) {
                log.info("Secure hub: {} overdue request(s) for files reminded", sent);
            }
        });
    }

    record Overdue(UUID id, UUID organisationId, UUID requesterId, String recipientEmail, UUID recipientOrganisationId) {
    }

    /** Reminds what is overdue now; returns how many requests this node claimed. */
    int sweep() {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        LocalDate today = FileRequests.today(clock);
        List<Overdue> overdue = jdbc.sql("""
                select id, organisation_id, requester_id, recipient_email, recipient_organisation_id from hub_file_request
                where status = 'OPEN' and reminded_at is null and due_on < ? order by due_on limit 500""")
                .param(today).query(Overdue.class).list();
        int sent = 0;
        for (Overdue request : overdue) {
            try {
                if (claimAndQueue(request, now)) {
                    sent++;
                }
            } catch (RuntimeException e) {
                // Nothing was claimed (the transaction rolled back): the next sweep tries this request again.
                log.warn("Could not remind an overdue request for files: {}", e.getClass().getSimpleName());
            }
        }
        return sent;
    }

    /**
     * Claims the reminder, audits it and queues its emails in one transaction: false when another node has it or the
     * request moved on. The emails go after commit and are retried until they do, so a claimed reminder is never lost;
     * an email that cannot be queued undoes the claim.
     */
    private boolean claimAndQueue(Overdue request, Instant now) {
        Boolean claimed = transaction.execute(status -> {
            boolean won = jdbc.sql("update hub_file_request set reminded_at = ? where id = ? and status = 'OPEN' and reminded_at is null")
                    .params(Timestamp.from(now), request.id()).update() == 1;
            if (!won) {
                return false;
            }
            audit.record(AuditEvent.success("hub.request.overdue-reminded", "system", request.organisationId(),
                    "hub-request:" + request.id()));
            Text link = Text.literal(baseUrl + "/hub/requests/" + request.id());
            send(request.recipientEmail(), addressees.languages(request.organisationId(), request.recipientOrganisationId()),
                    Text.of("mail.request.overdue"), Text.of("mail.request.overdue.sign-in"), link);
            // The person who asked is one of our own members: in the language they chose.
            members.findById(request.requesterId()).filter(Account::active).ifPresent(requester -> send(requester.email(), languages.toWriteTo(requester.id()),
                    Text.of("mail.request.overdue.requester"), Text.of("mail.request.overdue.requester.sign-in"), link));
            return true;
        });
        return Boolean.TRUE.equals(claimed);
    }

    private void send(String to, List<java.util.Locale> languages, Text... paragraphs) {
        mailer.send(OutgoingMail.written(to, languages, Text.of("mail.private"), List.of(paragraphs)));
    }
}
