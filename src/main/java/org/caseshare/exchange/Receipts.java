package org.caseshare.exchange;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import org.caseshare.audit.AuditEvent;
import org.caseshare.audit.AuditTrail;
import org.caseshare.identity.Members;
import org.caseshare.mail.Mailer;
import org.caseshare.mail.OutgoingMail;
import org.caseshare.sharing.PackageReceiptConfirmed;
import org.caseshare.system.Actor;
import org.caseshare.system.AccountLanguages;
import org.caseshare.system.Text;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A package's receipt: its first download that completed, every byte read and authenticated,
 * confirms it — on the package, on its sharing record and on the request it answers — and tells the
 * sender (a link, no personal data). The sharing record hears of it by a {@link PackageReceiptConfirmed} event. A download cut short by a damaged file confirms nothing.
 */
@Service
class Receipts {

    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final Members members;
    private final ApplicationEventPublisher events;
    private final RequestAnswers requestAnswers;
    private final Mailer mailer;
    private final AccountLanguages languages;
    private final String baseUrl;

    Receipts(JdbcClient jdbc, AuditTrail audit, Members members, ApplicationEventPublisher events, RequestAnswers requestAnswers, Mailer mailer, AccountLanguages languages,
            @Value("${caseshare.base-url}") String baseUrl) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.members = members;
        this.events = events;
        this.requestAnswers = requestAnswers;
        this.mailer = mailer;
        this.languages = languages;
        this.baseUrl = baseUrl;
    }

    /** Confirms receipt if this is the package's first complete download; the conditional update makes it once. */
    @Transactional
    void confirmIfFirst(Actor caller, HubRow row, Instant downloadedAt) {
        int first = jdbc.sql("update hub_package set first_downloaded_at = ? where id = ? and first_downloaded_at is null")
                .params(Timestamp.from(downloadedAt), row.id()).update();
        if (first != 1) {
            return;
        }
        audit.record(AuditEvent.success("hub.package.receipt-confirmed", caller.actorId(), row.organisationId(), "hub-package:" + row.id()));
        if (row.sharingRecordId() != null) {
            // the sharing register confirms receipt on the record once this commits (ADR 0014)
            events.publishEvent(new PackageReceiptConfirmed(row.organisationId(), row.sharingRecordId(), row.id(), caller.accountId()));
        }
        requestAnswers.firstDownloaded(caller, row.id());
        // The sender is one of our own members, not another organisation: in the language they chose.
        members.findById(row.senderId()).ifPresent(sender -> mailer.send(OutgoingMail.written(sender.email(), languages.toWriteTo(sender.id()),
                Text.of("mail.private"), List.of(Text.of("mail.package.downloaded"), Text.of("mail.package.downloaded.see"),
                        Text.literal(baseUrl + "/hub/packages/" + row.id())))));
    }
}
