package org.caseshare.custody;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.caseshare.audit.AuditEvent;
import org.caseshare.audit.AuditTrail;
import org.caseshare.identity.Account;
import org.caseshare.identity.Members;
import org.caseshare.identity.Role;
import org.caseshare.mail.Mailer;
import org.caseshare.mail.OutgoingMail;
import org.caseshare.system.AccountLanguages;
import org.caseshare.system.ClusterJob;
import org.caseshare.system.Text;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reminds people of overdue items. Runs on every node on a fixed delay, like the hub's sweeps; each
 * reminder is claimed by a conditional update of its row (see {@link CustodyItems#claimReminder}), so
 * with several nodes each reminder is sent once. Paper overdue: the holder and the organisation's
 * managers, once a day. Information left on a device beyond its time (device.delete-after-use): the
 * holder daily, and at once an escalation to the managers and the data protection officer. The emails
 * say only that an item is overdue and to sign in: no description, no names.
 */
@Component
class OverdueReminders {

    private static final Logger log = LoggerFactory.getLogger(OverdueReminders.class);
    static final Duration REMIND_EVERY = Duration.ofDays(1);

    private final CustodyItems items;
    private final Members members;
    private final Mailer mailer;
    private final AccountLanguages languages;
    private final AuditTrail audit;
    private final Clock clock;
    private final TransactionTemplate transaction;
    private final String baseUrl;

    OverdueReminders(CustodyItems items, Members members, Mailer mailer, AccountLanguages languages, AuditTrail audit, Clock clock,
            PlatformTransactionManager transactions, @Value("${caseshare.base-url}") String baseUrl) {
        this.items = items;
        this.members = members;
        this.mailer = mailer;
        this.languages = languages;
        this.audit = audit;
        this.clock = clock;
        this.transaction = new TransactionTemplate(transactions);
        this.baseUrl = baseUrl;
    }

    @Bean
    ClusterJob custodyReminderJob(@Value("${caseshare.custody.remind-every:PT15M}") Duration every) {
        return new ClusterJob("custody-overdue-reminders", every, () -> {
            int sent = sweep();
            if (sent > 0) {
                log.info("Custody register: {} overdue reminder(s) or escalation(s) sent", sent);
            }
        });
    }

    /** Sends what is due now; returns how many reminders and escalations this node claimed. */
    int sweep() {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        int sent = 0;
        for (CustodyItem item : items.overdueEverywhere(now, 500)) {
            if (item.kind() == ItemKind.DEVICE && claimAndQueue(item, now, true)) {
                sent++;
            }
            if (claimAndQueue(item, now, false)) {
                sent++;
            }
        }
        return sent;
    }

    /**
     * Claims the reminder (or escalation), audits it and queues its emails in one transaction; false when another node
     * has it. The emails go after commit and are retried until they do, so a claimed reminder is never lost; an email
     * that cannot be queued undoes the claim, and the next sweep tries again.
     */
    private boolean claimAndQueue(CustodyItem item, Instant now, boolean escalation) {
        try {
            Boolean claimed = transaction.execute(status -> {
                boolean won = escalation ? items.claimEscalation(item.id(), now) : items.claimReminder(item.id(), now, now.minus(REMIND_EVERY));
                if (!won) {
                    return false;
                }
                audit.record(AuditEvent.success(escalation ? "custody.overdue-escalated" : "custody.overdue-reminded", "system",
                        item.organisationId(), "custody-item:" + item.id()).with("kind", item.kind().name()));
                if (escalation) {
                    queueEscalation(item);
                } else {
                    queueReminder(item);
                }
                return true;
            });
            return Boolean.TRUE.equals(claimed);
        } catch (RuntimeException e) {
            log.warn("Could not queue a custody reminder; the next sweep tries again: {}", e.getClass().getSimpleName());
            return false;
        }
    }

    private void queueEscalation(CustodyItem item) {
        Map<String, Account> to = new LinkedHashMap<>();
        add(to, members(item.organisationId(), Role.MANAGER));
        add(to, members(item.organisationId(), Role.DATA_PROTECTION_OFFICER));
        send(to, Text.of("mail.custody.device.subject"), Text.of("mail.custody.device"));
    }

    private void queueReminder(CustodyItem item) {
        Map<String, Account> to = new LinkedHashMap<>();
        members.findById(item.holderId()).filter(Account::active).ifPresent(a -> to.putIfAbsent(a.email(), a));
        if (item.kind() == ItemKind.PAPER) {
            add(to, members(item.organisationId(), Role.MANAGER));
        }
        send(to, Text.of("mail.custody.overdue.subject"), Text.of("mail.custody.overdue"));
    }

    private List<Account> members(UUID organisationId, Role role) {
        return members.list(organisationId).stream().filter(Account::active).filter(account -> account.hasRole(role)).toList();
    }

    /** Once an address: someone who is both a manager and the officer gets one email. */
    private static void add(Map<String, Account> to, List<Account> accounts) {
        accounts.forEach(account -> to.putIfAbsent(account.email(), account));
    }

    /** To each in the language they chose, English when they chose none. */
    private void send(Map<String, Account> to, Text subject, Text what) {
        Text signIn = Text.of("mail.custody.sign-in", baseUrl + "/custody/overdue");
        to.forEach((address, account) -> mailer.send(OutgoingMail.written(address, languages.toWriteTo(account.id()), subject,
                List.of(what, signIn))));
    }
}
