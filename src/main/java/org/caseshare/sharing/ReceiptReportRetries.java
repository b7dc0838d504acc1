package org.caseshare.sharing;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.FailedEventPublications;
import org.springframework.modulith.events.ResubmissionOptions;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Tries again the receipt reports {@link ReceiptReports} failed to handle (say the record was being
 * changed at that moment). The mail module resubmits only its own publications, so without this a
 * failed report would wait for a restart. The registry claims a publication before handing it over,
 * so several nodes may run this at once.
 */
@Component
class ReceiptReportRetries {

    private static final Logger log = LoggerFactory.getLogger(ReceiptReportRetries.class);

    private final FailedEventPublications failed;

    ReceiptReportRetries(FailedEventPublications failed) {
        this.failed = failed;
    }

    @Scheduled(initialDelayString = "${caseshare.sharing.retry-reports-every:PT5M}",
            fixedDelayString = "${caseshare.sharing.retry-reports-every:PT5M}")
    void resubmitFailed() {
        try {
            failed.resubmit(ResubmissionOptions.defaults().withFilter(publication -> publication.getEvent() instanceof PackageReceiptConfirmed
                    || publication.getEvent() instanceof RequestedFilesReceived));
        } catch (RuntimeException e) {
            log.warn("Resubmitting failed receipt reports failed; it runs again later: {}", e.getClass().getSimpleName());
        }
    }
}
