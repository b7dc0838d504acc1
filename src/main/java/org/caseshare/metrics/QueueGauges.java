package org.caseshare.metrics;

import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.caseshare.audit.AuditQueue;
import org.caseshare.crypto.KeysetHealthIndicator;
import org.caseshare.mail.UnsentMail;
import org.springframework.stereotype.Component;

/**
 * Read at scrape time from the shared tables, so every node reports the cluster's figure: the audit
 * entries waiting for the sequencer and how long the oldest has waited, the unsent email, and the
 * age of the key-encryption keyset (since its canary was sealed). A query that fails reports NaN
 * rather than failing the scrape.
 */
@Component
class QueueGauges {

    QueueGauges(MeterRegistry registry, AuditQueue audit, UnsentMail mail, KeysetHealthIndicator keyset) {
        gauge(registry, "caseshare.audit.pending", "Audit entries committed and waiting for their sequence number", null, audit::waiting);
        gauge(registry, "caseshare.audit.integration.delay", "How long the oldest audit entry waiting for the sequencer has waited",
                "seconds", () -> audit.oldestWait().toMillis() / 1000.0);
        gauge(registry, "caseshare.mail.unsent", "Email queued or failed and not yet delivered", null, mail::count);
        gauge(registry, "caseshare.keyset.age", "Days since the key-encryption keyset in use sealed the database's canary", "days",
                () -> keyset.sealedAt().map(sealed -> Duration.between(sealed, Instant.now()).toHours() / 24.0).orElse(0.0));
    }

    private static void gauge(MeterRegistry registry, String name, String description, String unit, Supplier<Number> value) {
        Gauge.builder(name, () -> {
            try {
                return value.get();
            } catch (RuntimeException unavailable) {
                return Double.NaN;
            }
        }).description(description).baseUnit(unit).register(registry);
    }
}
