package org.caseshare.mail;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.stereotype.Component;

/**
 * The mail backlog ("mailBacklog"), in readiness and in a "mailqueue" group of its own. Its worst is
 * WARNING (HTTP 200), never DOWN: every node shares the one queue, so a backlog (a relay that is
 * down or slow) is the same on all of them, and taking nodes out of the load balancer for it would
 * stop the whole service without sending one more email. Monitoring alerts on the WARNING; the
 * check counts rows in the database and never talks to the mail server.
 */
@Component("mailBacklogHealthIndicator")
class MailBacklogHealthIndicator implements HealthIndicator {

    static final Status WARNING = new Status("WARNING", "More unsent email than caseshare.mail.backlog.warn-above");

    private final UnsentMail unsent;
    private final MailBacklogProperties properties;

    MailBacklogHealthIndicator(UnsentMail unsent, MailBacklogProperties properties) {
        this.unsent = unsent;
        this.properties = properties;
    }

    @Override
    public Health health() {
        long count = unsent.count();
        return Health.status(count > properties.warnAbove() ? WARNING : Status.UP)
                .withDetail("unsent", count).withDetail("warnAbove", properties.warnAbove()).build();
    }
}
