package org.caseshare.mail;

import java.time.Instant;
import java.util.List;

import org.caseshare.mail.MailFailures.MailFailure;
import org.caseshare.system.Actor;
import org.caseshare.system.Callers;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Email not yet delivered, for system administrators (the API's security chain allows no one else here). */
@RestController
@RequestMapping(path = "/api/v1/system/mail", produces = "application/json")
class MailApiController {

    private final FailedMail failedMail;

    MailApiController(FailedMail failedMail) {
        this.failedMail = failedMail;
    }

    record FailedMailResponse(String id, String messageId, String recipientDomain, String subject, int attempts, String lastError,
            Instant firstFailedAt, Instant lastFailedAt) {
        static FailedMailResponse of(MailFailure f) {
            return new FailedMailResponse(f.id(), "<" + f.id() + "@caseshare>", f.recipientDomain(), f.subject(), f.attempts(),
                    f.lastError(), f.firstFailedAt(), f.lastFailedAt());
        }
    }

    @Callers("system admins")
    @GetMapping("/failed")
    List<FailedMailResponse> failed() {
        return failedMail.list().stream().map(FailedMailResponse::of).toList();
    }

    /** 202: the retry is under way; the email leaves the failed list once it has gone. */
    @Callers("system admins")
    @PostMapping("/{id}/retry")
    ResponseEntity<Void> retry(@PathVariable String id, Actor caller) {
        failedMail.retry(caller, id);
        return ResponseEntity.accepted().build();
    }
}
