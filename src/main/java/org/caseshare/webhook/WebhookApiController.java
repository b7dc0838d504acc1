package org.caseshare.webhook;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.caseshare.system.Actor;
import org.caseshare.system.ApiValidationException;
import org.caseshare.system.Callers;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The organisation admin's webhooks in the API: endpoints (the secret only in the answer to
 * registering) and deliveries, with retry of a failed one. Others get 403; another organisation's
 * endpoint or delivery is 404. Invalid input is a problem detail naming each field.
 */
@RestController
@Callers("organisation admins")
@RequestMapping(path = "/api/v1/webhooks", produces = "application/json")
class WebhookApiController {

    private final WebhookEndpoints endpoints;
    private final Deliveries deliveries;

    WebhookApiController(WebhookEndpoints endpoints, Deliveries deliveries) {
        this.endpoints = endpoints;
        this.deliveries = deliveries;
    }

    record EndpointRequest(String url, String description, List<String> events) {
    }

    record EndpointResponse(UUID id, String url, String description, List<String> events, Instant createdAt) {
        static EndpointResponse of(Endpoint endpoint) {
            return new EndpointResponse(endpoint.id(), endpoint.url(), endpoint.description(), endpoint.eventTypeNames(), endpoint.createdAt());
        }
    }

    /** The answer to registering: the endpoint and, this once, its signing secret. */
    record RegisteredResponse(UUID id, String url, String description, List<String> events, Instant createdAt, String secret) {
    }

    record DeliveryResponse(UUID id, UUID endpointId, String eventType, String status, int attempts, Instant createdAt,
            Instant lastAttemptAt, Integer lastStatus, String lastError, Instant nextAttemptAt, Instant deliveredAt) {
        static DeliveryResponse of(Delivery d) {
            return new DeliveryResponse(d.id(), d.endpointId(), d.eventType(), d.status().name(), d.attempts(), d.createdAt(), d.lastAttemptAt(),
                    d.lastStatus(), d.lastError(), d.status() == Delivery.Status.PENDING ? d.nextAttemptAt() : null, d.deliveredAt());
        }
    }

    @GetMapping
    List<EndpointResponse> list(Actor admin) {
        return endpoints.list(admin).stream().map(EndpointResponse::of).toList();
    }

    @PostMapping
    ResponseEntity<RegisteredResponse> register(Actor admin, @RequestBody EndpointRequest request) {
        WebhookEndpoints.Registered registered;
        try {
            registered = endpoints.register(admin, request.url(), request.description(), request.events());
        } catch (InvalidEndpointException e) {
            throw new ApiValidationException(e.getMessage(), e.errors());
        }
        Endpoint e = registered.endpoint();
        return ResponseEntity.created(URI.create("/api/v1/webhooks/" + e.id()))
                .body(new RegisteredResponse(e.id(), e.url(), e.description(), e.eventTypeNames(), e.createdAt(), registered.secret()));
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> remove(Actor admin, @PathVariable UUID id) {
        endpoints.remove(admin, id);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/deliveries")
    List<DeliveryResponse> deliveries(Actor admin) {
        return deliveries.latest(admin, 200).stream().map(DeliveryResponse::of).toList();
    }

    @PostMapping("/deliveries/{id}/retry")
    DeliveryResponse retry(Actor admin, @PathVariable UUID id) {
        return DeliveryResponse.of(deliveries.retry(admin, id));
    }
}
