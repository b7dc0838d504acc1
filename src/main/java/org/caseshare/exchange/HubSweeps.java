package org.caseshare.exchange;

import java.time.Duration;

import org.caseshare.system.ClusterJob;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Component;

/** Expires and shreds packages past their date, and removes orphaned blobs. Idempotent on every node. */
@Component
class HubSweeps {

    private static final Logger log = LoggerFactory.getLogger(HubSweeps.class);

    private final PackageShredding shredding;

    HubSweeps(PackageShredding shredding) {
        this.shredding = shredding;
    }

    /** Expiry, shredding and orphan clean-up, once across the cluster. */
    @Bean
    ClusterJob hubSweepJob(@Value("${caseshare.exchange.sweep-every:PT5M}") Duration every) {
        return new ClusterJob("hub-sweep", every, this::sweep);
    }

    void sweep() {
        int expired = shredding.expireDue();
        int orphans = shredding.removeOrphans();
        if (expired + orphans > 0) {
            log.info("Secure hub sweep: {} package(s) expired and shredded, {} orphaned blob(s) removed", expired, orphans);
        }
    }
}
