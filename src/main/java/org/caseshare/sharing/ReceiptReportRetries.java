package org.caseshare.sharing;

import java.time.Duration;

import org.caseshare.system.ClusterJob;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.modulith.events.FailedEventPublications;
import org.springframework.modulith.events.ResubmissionOptions;
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

    /** Once across the cluster: two nodes resubmitting at once would report the same receipt twice. */
    @Bean
    ClusterJob receiptReportRetryJob(@Value("${caseshare.sharing.retry-reports-every:PT5M}") Duration every) {
        return new ClusterJob("receipt-report-retry", every, this::resubmitFailed);
    }

    void resubmitFailed() {
        failed.resubmit(ResubmissionOptions.defaults().withFilter(publication -> publication.getEvent() instanceof PackageReceiptConfirmed
                || publication.getEvent() instanceof RequestedFilesReceived));
    }
}
