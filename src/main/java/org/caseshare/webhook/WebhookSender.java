package org.caseshare.webhook;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.caseshare.crypto.WebhookSignatures;
import org.caseshare.system.ClusterJob;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Component;

/**
 * Sends due deliveries, once across the cluster: signed as the Standard Webhooks specification says,
 * over HTTP with connect and read timeouts, redirects not followed (a redirect could lead inward).
 * A 2xx answer delivers; anything else is a failed attempt, tried again after a doubling wait until
 * {@code max-attempts}, then failed for the admin to see and try again. The target is checked again
 * before every attempt, because its name may resolve elsewhere now. No database connection is held
 * while a receiver answers.
 */
@Component
class WebhookSender {

    private static final int BATCH = 50;

    private final Deliveries deliveries;
    private final WebhookEndpoints endpoints;
    private final TargetGuard guard;
    private final WebhookProperties properties;
    private final Clock clock;
    private final HttpClient http;

    WebhookSender(Deliveries deliveries, WebhookEndpoints endpoints, TargetGuard guard, WebhookProperties properties, Clock clock) {
        this.deliveries = deliveries;
        this.endpoints = endpoints;
        this.guard = guard;
        this.properties = properties;
        this.clock = clock;
        this.http = HttpClient.newBuilder().connectTimeout(properties.connectTimeout()).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    @Bean
    ClusterJob webhookDeliveryJob() {
        return new ClusterJob("webhook-delivery", properties.sendEvery(), this::sendDue);
    }

    /** Sends every delivery that is due now; returns how many it tried. */
    int sendDue() {
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
        Optional<Endpoint> endpoint = endpoints.find(delivery.endpointId());
        if (endpoint.isEmpty() || !endpoint.get().active()) {
            deliveries.abandoned(delivery.id(), "The endpoint was removed");
            return;
        }
        URI target;
        try {
            target = guard.check(endpoint.get().url());
        } catch (TargetGuard.RefusedTargetException e) {
            failed(delivery, null, "Refused: " + e.getMessage());
            return;
        }
        String id = delivery.id().toString();
        long timestamp = clock.instant().getEpochSecond();
        HttpRequest request = HttpRequest.newBuilder(target).timeout(properties.readTimeout())
                .header("Content-Type", "application/json")
                .header("User-Agent", "Caseshare-Webhooks/1")
                .header("webhook-id", id)
                .header("webhook-timestamp", Long.toString(timestamp))
                .header("webhook-signature", WebhookSignatures.sign(endpoints.secret(delivery.endpointId()), id, timestamp, delivery.payload()))
                .POST(HttpRequest.BodyPublishers.ofString(delivery.payload())).build();
        try {
            HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
            if (response.statusCode() / 100 == 2) {
                deliveries.delivered(delivery.id(), response.statusCode());
            } else {
                failed(delivery, response.statusCode(), "The endpoint answered HTTP " + response.statusCode());
            }
        } catch (IOException e) {
            // the exception's class says enough (refused, timed out, TLS); its message may repeat the address
            failed(delivery, null, "Not delivered: " + e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            failed(delivery, null, "Not delivered: the node was stopping");
        }
    }

    private void failed(Delivery delivery, Integer status, String reason) {
        Duration wait = properties.waitAfter(delivery.attempts() + 1);
        deliveries.failed(delivery, status, reason, properties.maxAttempts(), wait);
    }
}
