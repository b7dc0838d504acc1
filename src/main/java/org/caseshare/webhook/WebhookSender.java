package org.caseshare.webhook;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

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
    /** Delivered rows are listed this long, then deleted; failed and waiting ones stay until they are delivered. */
    static final Duration KEEP_DELIVERED = Duration.ofDays(30);

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
        CompletableFuture<HttpResponse<Void>> answer = http.sendAsync(request, HttpResponse.BodyHandlers.discarding());
        try {
            // The request's timeout ends at the answer's headers; a body dripped out slowly must not hold
            // the job either, so the whole exchange has a limit too.
            HttpResponse<Void> response = answer.get(properties.connectTimeout().plus(properties.readTimeout()).toMillis(), TimeUnit.MILLISECONDS);
            if (response.statusCode() / 100 == 2) {
                deliveries.delivered(delivery.id(), response.statusCode());
            } else {
                failed(delivery, response.statusCode(), "The endpoint answered HTTP " + response.statusCode());
            }
        } catch (ExecutionException e) {
            // the cause's class says enough (refused, timed out, TLS); its message may repeat the address
            Throwable cause = e.getCause() == null ? e : e.getCause();
            failed(delivery, null, "Not delivered: " + cause.getClass().getSimpleName());
        } catch (TimeoutException e) {
            answer.cancel(true);
            failed(delivery, null, "Not delivered: no complete answer in time");
        } catch (InterruptedException e) {
            answer.cancel(true);
            Thread.currentThread().interrupt();
            failed(delivery, null, "Not delivered: the node was stopping");
        }
    }

    private void failed(Delivery delivery, Integer status, String reason) {
        Duration wait = properties.waitAfter(delivery.attempts() + 1);
        deliveries.failed(delivery, status, reason, properties.maxAttempts(), wait);
    }
}
