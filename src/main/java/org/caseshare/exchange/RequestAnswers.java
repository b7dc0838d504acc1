package org.caseshare.exchange;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.caseshare.audit.AuditEvent;
import org.caseshare.audit.AuditTrail;
import org.caseshare.identity.Members;
import org.caseshare.mail.Mailer;
import org.caseshare.mail.OutgoingMail;
import org.caseshare.sharing.RequestedFilesReceived;
import org.caseshare.system.Actor;
import org.caseshare.system.AccountLanguages;
import org.caseshare.system.Text;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What a package answering a request for files does to the request, called by {@link Packages} in
 * the package's own transaction: sending it fulfils the request and tells the requester (no personal
 * data in the email); the requester's first download confirms, on the "request made" sharing record
 * the request was made under, that the information was received.
 */
@Component
class RequestAnswers {

    private final JdbcClient jdbc;
    private final Members members;
    private final Mailer mailer;
    private final AccountLanguages languages;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final String baseUrl;

    RequestAnswers(JdbcClient jdbc, Members members, Mailer mailer, AccountLanguages languages, AuditTrail audit, ApplicationEventPublisher events, Clock clock,
            @Value("${caseshare.base-url}") String baseUrl) {
        this.jdbc = jdbc;
        this.members = members;
        this.mailer = mailer;
        this.languages = languages;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
        this.baseUrl = baseUrl;
    }

    /** The package was sent: the open request it answers is fulfilled, audited and the requester told. */
    void sent(Actor caller, UUID packageId) {
        List<Map<String, Object>> answered = jdbc.sql("select id, organisation_id, requester_id from hub_file_request where package_id = ? and status = 'OPEN'")
                .param(packageId).query().listOfRows();
        for (Map<String, Object> request : answered) {
            UUID requestId = (UUID) request.get("id");
            if (jdbc.sql("update hub_file_request set status = 'FULFILLED', fulfilled_at = ? where id = ? and status = 'OPEN'")
                    .params(Timestamp.from(clock.instant()), requestId).update() != 1) {
                continue;
            }
            audit.record(AuditEvent.success("hub.request.fulfilled", caller.actorId(), (UUID) request.get("organisation_id"),
                    "hub-request:" + requestId).with("package", packageId.toString()));
            members.findById((UUID) request.get("requester_id")).ifPresent(requester -> mailer.send(OutgoingMail.written(requester.email(),
                    languages.toWriteTo(requester.id()), Text.of("mail.private"), List.of(Text.of("mail.request.answered"), Text.of("mail.request.answered.sign-in"),
                            Text.literal(baseUrl + "/hub/requests/" + requestId)))));
        }
    }

    /**
     * The package was downloaded for the first time, by the requester (the only person it is addressed
     * to): a linked "request made" record moves to receipt confirmed, by the sharing register, which
     * hears of it by a {@link RequestedFilesReceived} event once this commits (ADR 0014).
     */
    void firstDownloaded(Actor caller, UUID packageId) {
        List<Map<String, Object>> answered = jdbc.sql("""
                select id, sharing_record_id from hub_file_request
                where package_id = ? and organisation_id = ? and status = 'FULFILLED'""")
                .params(packageId, caller.organisationId()).query().listOfRows();
        for (Map<String, Object> request : answered) {
            UUID requestId = (UUID) request.get("id");
            audit.record(AuditEvent.success("hub.request.files-received", caller.actorId(), caller.organisationId(), "hub-request:" + requestId)
                    .with("package", packageId.toString()));
            UUID record = (UUID) request.get("sharing_record_id");
            if (record != null) {
                events.publishEvent(new RequestedFilesReceived(caller.organisationId(), caller.accountId(), record, requestId, packageId));
            }
        }
    }
}
