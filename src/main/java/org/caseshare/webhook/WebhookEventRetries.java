package org.caseshare.webhook;

import java.time.Duration;
import java.util.Set;

import org.caseshare.exchange.PackageDownloaded;
import org.caseshare.incident.IncidentOpened;
import org.caseshare.sharing.RecordReceiptConfirmed;
import org.caseshare.sharing.RecordShared;
import org.caseshare.sharing.ShareRecorded;
import org.caseshare.system.ClusterJob;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.modulith.events.FailedEventPublications;
import org.springframework.modulith.events.ResubmissionOptions;
import org.springframework.stereotype.Component;

/**
 * Tries again the events {@link WebhookListener} failed to turn into delivery rows (the database was
 * briefly unavailable, say). Each module resubmits only its own listeners' publications, so without
 * this a failed one would wait for a restart. Queuing is idempotent, so a repeat queues nothing twice.
 */
@Component
class WebhookEventRetries {

    /** A publication does not say which listener it is for, so the filter goes by the event's type. */
    private static final Set<Class<?>> WEBHOOK_EVENTS = Set.of(ShareRecorded.class, RecordShared.class, RecordReceiptConfirmed.class,
            PackageDownloaded.class, IncidentOpened.class);

    private final FailedEventPublications failed;

    WebhookEventRetries(FailedEventPublications failed) {
        this.failed = failed;
    }

    @Bean
    ClusterJob webhookEventRetryJob(@Value("${caseshare.webhooks.retry-events-every:PT5M}") Duration every) {
        return new ClusterJob("webhook-event-retry", every, this::resubmitFailed);
    }

    void resubmitFailed() {
        failed.resubmit(ResubmissionOptions.defaults()
                .withFilter(publication -> WEBHOOK_EVENTS.contains(publication.getEvent().getClass())));
    }
}
