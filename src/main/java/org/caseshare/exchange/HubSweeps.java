package org.caseshare.exchange;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Expires and shreds packages past their date, and removes orphaned blobs. Idempotent on every node. */
@Component
class HubSweeps {

    private static final Logger log = LoggerFactory.getLogger(HubSweeps.class);

    private final PackageShredding shredding;

    HubSweeps(PackageShredding shredding) {
        this.shredding = shredding;
    }

    @Scheduled(initialDelayString = "${caseshare.exchange.sweep-every:PT5M}", fixedDelayString = "${caseshare.exchange.sweep-every:PT5M}")
    void sweep() {
        try {
            int expired = shredding.expireDue();
            int orphans = shredding.removeOrphans();
            if (expired + orphans > 0) {
                log.info("Secure hub sweep: {} package(s) expired and shredded, {} orphaned blob(s) removed", expired, orphans);
            }
        } catch (RuntimeException e) {
            log.warn("Secure hub sweep failed; it runs again later", e);
        }
    }
}
