package org.caseshare.webhook;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.caseshare.crypto.WebhookSignatures;
import org.caseshare.system.ClusterJob;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Component;

/**
 * Sends due deliveries, once across the cluster: signed as the Standard Webhooks specification says,
 * through {@link WebhookHttp} (the checked addresses only, timeouts, no redirects). A 2xx answer
 * delivers; anything else is a failed attempt, tried again after a doubling wait until
 * {@code max-attempts}, then failed for the admin to see and try again. The target is checked again
 * before every attempt, because its name may resolve elsewhere now. No database connection is held
 * while a receiver answers.
 */
@Component
class WebhookSender {

    private static final int BATCH = 50;
    /** Delivered rows are listed this long, then deleted; failed and waiting ones stay until they are delivered. */
    static final Duration KEEP_DELIVERED = Duration.ofDays(30);

    private final Deliveries deliveries;
    private final WebhookEndpoints endpoints;
    private final TargetGuard guard;
    private final WebhookHttp http;
    private final WebhookProperties properties;
    private final Clock clock;

    WebhookSender(Deliveries deliveries, WebhookEndpoints endpoints, TargetGuard guard, WebhookHttp http, WebhookProperties properties,
            Clock clock) {
        this.deliveries = deliveries;
        this.endpoints = endpoints;
        this.guard = guard;
        this.http = http;
        this.properties = properties;
        this.clock = clock;
    }

    @Bean
    ClusterJob webhookDeliveryJob() {
        return new ClusterJob("webhook-delivery", properties.sendEvery(), this::sendDue);
    }

    /** Sends every delivery that is due now; returns how many it tried. */
    int sendDue() {
        deliveries.forgetDeliveredBefore(clock.instant().minus(KEEP_DELIVERED));
        int tried = 0;
        List<Delivery> batch;
        do {
            // claimed for longer than one attempt can take, so a slow send is not picked up again meanwhile
            batch = deliveries.claimDue(BATCH, clock.instant().plus(properties.connectTimeout().plus(properties.readTimeout()).multipliedBy(2)));
            for (Delivery delivery : batch) {
                send(delivery);
            }
            tried += batch.size();
        } while (batch.size() == BATCH);
        return tried;
    }

    private void send(Delivery delivery) {
        try {
            attempt(delivery);
        } catch (RuntimeException e) {
            // a bug or a secret that will not open: counted as an attempt, so it cannot loop for ever
            failed(delivery, null, "Not delivered: " + e.getClass().getSimpleName());
        }
    }

    private void attempt(Delivery delivery) {
        Optional<Endpoint> endpoint = endpoints.find(delivery.endpointId());
        if (endpoint.isEmpty() || !endpoint.get().active()) {
            deliveries.abandoned(delivery.id(), "The endpoint was removed");
            return;
        }
        TargetGuard.Target target;
        try {
            target = guard.check(endpoint.get().url());
        } catch (TargetGuard.RefusedTargetException e) {
            failed(delivery, null, "Refused: " + e.getMessage());
            return;
        }
        String id = delivery.id().toString();
        long timestamp = clock.instant().getEpochSecond();
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("User-Agent", "Caseshare-Webhooks/1");
        headers.put("webhook-id", id);
        headers.put("webhook-timestamp", Long.toString(timestamp));
        headers.put("webhook-signature", WebhookSignatures.sign(endpoints.secret(delivery.endpointId()), id, timestamp, delivery.payload()));
        try {
            int status = http.post(target, headers, delivery.payload());
            if (status / 100 == 2) {
                deliveries.delivered(delivery.id(), status);
            } else {
                failed(delivery, status, "The endpoint answered HTTP " + status);
            }
        } catch (IOException e) {
            // the exception's class says enough (refused, timed out, TLS, cut off at the deadline); its
            // message may repeat the address
            failed(delivery, null, "Not delivered: " + e.getClass().getSimpleName());
        }
    }

    private void failed(Delivery delivery, Integer status, String reason) {
        Duration wait = properties.waitAfter(delivery.attempts() + 1);
        deliveries.failed(delivery, status, reason, properties.maxAttempts(), wait);
    }
}
