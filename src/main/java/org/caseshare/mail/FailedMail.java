package org.caseshare.mail;

import java.util.List;

import org.caseshare.audit.AuditEvent;
import org.caseshare.audit.AuditTrail;
import org.caseshare.mail.MailFailures.MailFailure;
import org.caseshare.system.Actor;
import org.caseshare.system.NotFoundException;
import org.springframework.stereotype.Service;

/** What the system administrator can see and do about email that has not gone: the page and the API share it. */
@Service
class FailedMail {

    private final MailFailures failures;
    private final MailRetries retries;
    private final AuditTrail audit;

    FailedMail(MailFailures failures, MailRetries retries, AuditTrail audit) {
        this.failures = failures;
        this.retries = retries;
        this.audit = audit;
    }

    List<MailFailure> list() {
        return failures.list();
    }

    /** Tries the email again now, whatever its wait; audited with the message's id only. */
    void retry(Actor caller, String id) {
        MailFailure failure = failures.find(id).orElseThrow(() -> new NotFoundException("Email"));
        audit.record(AuditEvent.success("mail.retry-requested", caller.actorId(), caller.organisationId(), "mail:" + failure.id())
                .with("attempts", Integer.toString(failure.attempts())));
        retries.resubmitNow(failure.id());
    }
}
