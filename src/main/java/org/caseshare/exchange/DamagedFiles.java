package org.caseshare.exchange;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

import org.caseshare.audit.AuditEvent;
import org.caseshare.audit.AuditTrail;
import org.caseshare.identity.Account;
import org.caseshare.identity.Members;
import org.caseshare.mail.Mailer;
import org.caseshare.mail.OutgoingMail;
import org.caseshare.system.Actor;
import org.caseshare.system.AccountLanguages;
import org.caseshare.system.Text;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What happens when a hub file's stored bytes fail authentication during a download: the attempt
 * is not counted, the file is marked damaged (later attempts are refused at once), the failure is
 * audited by identifiers only, and the sender is emailed a link — no names, no file name.
 */
@Service
class DamagedFiles {

    private static final Logger log = LoggerFactory.getLogger(DamagedFiles.class);

    /** Where in the file the damage was found: before anything was sent, or part way through. */
    enum Where {
        FIRST_SEGMENT("first-segment"), LATER_SEGMENT("later-segment");

        private final String label;

        Where(String label) {
            this.label = label;
        }
    }

    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final Members members;
    private final Mailer mailer;
    private final AccountLanguages languages;
    private final Clock clock;
    private final String baseUrl;

    DamagedFiles(JdbcClient jdbc, AuditTrail audit, Members members, Mailer mailer, AccountLanguages languages, Clock clock,
            @Value("${caseshare.base-url}") String baseUrl) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.members = members;
        this.mailer = mailer;
        this.languages = languages;
        this.clock = clock;
        this.baseUrl = baseUrl;
    }

    /**
     * Records the failure.
     *
     * @param countedDownload the download already counted for this attempt, to take back; null if
     *                        none was counted yet
     */
    @Transactional
    void record(Actor caller, UUID organisationId, UUID senderId, UUID packageId, UUID fileId, UUID countedDownload, Where where) {
        log.warn("Hub file {} of package {} failed authentication ({}); marked damaged", fileId, packageId, where.label);
        if (countedDownload != null && jdbc.sql("delete from hub_download where id = ?").param(countedDownload).update() == 1) {
            jdbc.sql("update hub_file set downloads = downloads - 1 where id = ? and downloads > 0").param(fileId).update();
        }
        int marked = jdbc.sql("update hub_file set damaged_at = ? where id = ? and damaged_at is null")
                .params(Timestamp.from(clock.instant()), fileId).update();
        audit.record(AuditEvent.failure("hub.file.integrity-failed", caller.actorId(), organisationId, "hub-package:" + packageId)
                .with("file", fileId.toString()).with("where", where.label)
                .with("downloadCounted", Boolean.toString(false)));
        if (marked == 1) {
            members.findById(senderId).ifPresent(sender -> tell(sender, packageId));
        }
    }

    private void tell(Account sender, UUID packageId) {
        try {
            mailer.send(OutgoingMail.written(sender.email(), languages.toWriteTo(sender.id()), Text.of("mail.private"), List.of(Text.of("mail.package.damaged"),
                    Text.of("mail.package.damaged.again"), Text.of("mail.package.damaged.see"),
                    Text.literal(baseUrl + "/hub/packages/" + packageId))));
        } catch (RuntimeException e) {
            // the damage is recorded and audited whatever the mail server does; the package page shows it
            log.warn("Could not email the sender of package {} about a damaged file", packageId, e);
        }
    }
}
