package org.caseshare.mail;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.caseshare.system.ClusterJob;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.modulith.events.EventPublication;
import org.springframework.modulith.events.FailedEventPublications;
import org.springframework.modulith.events.ResubmissionOptions;
import org.springframework.stereotype.Component;

/**
 * Tries failed deliveries again, each after a wait that doubles with every attempt (retry-after, then
 * twice that, up to retry-at-most). Safe with several nodes: the registry claims a publication
 * (FAILED to RESUBMITTED) before handing it over, so two nodes cannot both resubmit it, and
 * {@link MailDelivery} will not start a second delivery of a message it is still delivering. Should a
 * node die mid-delivery the mail can go twice; its fixed Message-ID makes the repeat recognisable.
 */
@Component
class MailRetries {

    private static final Logger log = LoggerFactory.getLogger(MailRetries.class);

    private final FailedEventPublications failed;
    private final MailProperties properties;
    private final Clock clock;

    MailRetries(FailedEventPublications failed, MailProperties properties, Clock clock) {
        this.failed = failed;
        this.properties = properties;
        this.clock = clock;
    }

    /** Once across the cluster: two nodes resubmitting at once would send the same email twice. */
    @Bean
    ClusterJob mailRetryJob(@Value("${caseshare.mail.retry-every:PT1M}") Duration every) {
        return new ClusterJob("mail-retry", every, this::resubmitDue);
    }

    /** Resubmits the failed deliveries whose wait is over. */
    void resubmitDue() {
        Instant now = clock.instant();
        failed.resubmit(ResubmissionOptions.defaults().withFilter(publication -> publication.getEvent() instanceof MailQueued
                && due(publication, now)));
    }

    /** Resubmits one failed delivery now, whatever its wait (the system administrator's retry button). */
    void resubmitNow(String id) {
        failed.resubmit(ResubmissionOptions.defaults().withFilter(publication -> publication.getEvent() instanceof MailQueued mail
                && mail.id().equals(id)));
    }

    boolean due(EventPublication publication, Instant now) {
        Instant last = publication.getLastResubmissionDate() != null ? publication.getLastResubmissionDate()
                : publication.getPublicationDate();
        return !now.isBefore(last.plus(wait(publication.getCompletionAttempts())));
    }

    /** retry-after after the first failure, doubling with each resubmission, never more than retry-at-most. */
    Duration wait(int resubmissions) {
        Duration wait = properties.retryAfter();
        for (int i = 0; i < resubmissions && wait.compareTo(properties.retryAtMost()) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(properties.retryAtMost()) > 0 ? properties.retryAtMost() : wait;
    }
}
