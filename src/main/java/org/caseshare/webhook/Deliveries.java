package org.caseshare.webhook;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.caseshare.audit.AuditEvent;
import org.caseshare.audit.AuditTrail;
import org.caseshare.system.Actor;
import org.caseshare.system.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * The delivery rows: queued by the listener (one per subscribed endpoint, once however often the
 * event is handled), claimed and updated by the sender, listed for the admin and retried by them.
 * Each update outside the listener is a single statement, so nothing is held while a receiver answers.
 */
@Component
class Deliveries {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String SELECT = """
            select d.*, e.url from webhook_delivery d join webhook_endpoint e on e.id = d.endpoint_id
            """;

    private final JdbcClient jdbc;
    private final WebhookEndpoints endpoints;
    private final AuditTrail audit;
    private final Clock clock;

    Deliveries(JdbcClient jdbc, WebhookEndpoints endpoints, AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.endpoints = endpoints;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Queues the event for each of the organisation's endpoints that receive its type. The delivery's
     * id is derived from the endpoint and the event's key, so handling the same event twice (the
     * registry delivers at least once) queues nothing more. Returns how many were queued.
     */
    @Transactional
    int queue(UUID organisationId, EventType type, String eventKey, Instant occurredAt, Map<String, Object> data) {
        int queued = 0;
        Instant now = now();
        for (Endpoint endpoint : endpoints.subscribed(organisationId, type)) {
            UUID id = UUID.nameUUIDFromBytes((endpoint.id() + "|" + type.typeName() + "|" + eventKey).getBytes(StandardCharsets.UTF_8));
            boolean exists = jdbc.sql("select count(*) from webhook_delivery where id = ?").param(id).query(Long.class).single() > 0;
            if (exists) {
                continue;
            }
            String payload = JSON.writeValueAsString(Map.of("type", type.typeName(), "timestamp", occurredAt.toString(), "data", data));
            jdbc.sql("""
                    insert into webhook_delivery (id, organisation_id, endpoint_id, event_type, payload, created_at, status, attempts, next_attempt_at)
                    values (?, ?, ?, ?, ?, ?, 'PENDING', 0, ?)""")
                    .params(id, organisationId, endpoint.id(), type.typeName(), payload, Timestamp.from(now), Timestamp.from(now)).update();
            queued++;
        }
        return queued;
    }

    /**
     * Claims up to {@code limit} due deliveries for one sender until {@code until}: a conditional
     * update, so a delivery is never sent by two senders at once.
     */
    List<Delivery> claimDue(int limit, Instant until) {
        Instant now = now();
        List<UUID> due = jdbc.sql("""
                select id from webhook_delivery
                where status = 'PENDING' and next_attempt_at <= ? and (claimed_until is null or claimed_until < ?)
                order by next_attempt_at fetch first %d rows only""".formatted(limit))
                .params(Timestamp.from(now), Timestamp.from(now)).query(UUID.class).list();
        List<Delivery> claimed = new ArrayList<>();
        for (UUID id : due) {
            int won = jdbc.sql("""
                    update webhook_delivery set claimed_until = ?
                    where id = ? and status = 'PENDING' and next_attempt_at <= ? and (claimed_until is null or claimed_until < ?)""")
                    .params(Timestamp.from(until), id, Timestamp.from(now), Timestamp.from(now)).update();
            if (won == 1) {
                claimed.add(jdbc.sql(SELECT + " where d.id = ?").param(id).query(Delivery::map).single());
            }
        }
        return claimed;
    }

    void delivered(UUID id, int httpStatus) {
        Instant now = now();
        jdbc.sql("""
                update webhook_delivery set status = 'DELIVERED', attempts = attempts + 1, last_attempt_at = ?, last_status = ?,
                  last_error = null, delivered_at = ?, claimed_until = null where id = ?""")
                .params(Timestamp.from(now), httpStatus, Timestamp.from(now), id).update();
    }

    /** A failed attempt: due again after the wait, or given up when it was the last allowed. */
    void failed(Delivery delivery, Integer httpStatus, String reason, int maxAttempts, Duration wait) {
        Instant now = now();
        boolean last = delivery.attempts() + 1 >= maxAttempts;
        jdbc.sql("""
                update webhook_delivery set status = ?, attempts = attempts + 1, last_attempt_at = ?, last_status = ?, last_error = ?,
                  next_attempt_at = ?, claimed_until = null where id = ?""")
                .params(last ? "FAILED" : "PENDING", Timestamp.from(now), httpStatus, shorten(reason), Timestamp.from(now.plus(wait)),
                        delivery.id()).update();
    }

    void forgetDeliveredBefore(Instant before) {
        jdbc.sql("delete from webhook_delivery where status = 'DELIVERED' and delivered_at < ?").param(Timestamp.from(before)).update();
    }

    /** Given up without an attempt: the endpoint was removed. */
    void abandoned(UUID id, String reason) {
        jdbc.sql("update webhook_delivery set status = 'FAILED', last_error = ?, claimed_until = null where id = ?").params(reason, id).update();
    }

    /** The organisation's latest deliveries, newest first. */
    List<Delivery> latest(Actor admin, int limit) {
        WebhookEndpoints.requireAdmin(admin);
        return jdbc.sql(SELECT + " where d.organisation_id = ? order by d.created_at desc, d.id fetch first %d rows only".formatted(limit))
                .param(admin.organisationId()).query(Delivery::map).list();
    }

    /** A failed delivery goes back in the queue with a fresh series of attempts; anything else is not found. */
    @Transactional
    Delivery retry(Actor admin, UUID id) {
        WebhookEndpoints.requireAdmin(admin);
        int moved = jdbc.sql("""
                update webhook_delivery set status = 'PENDING', attempts = 0, next_attempt_at = ?, claimed_until = null
                where id = ? and organisation_id = ? and status = 'FAILED'
                  and exists (select 1 from webhook_endpoint e where e.id = endpoint_id and e.removed_at is null)""")
                .params(Timestamp.from(now()), id, admin.organisationId()).update();
        if (moved != 1) {
            throw new NotFoundException("Failed webhook delivery");
        }
        audit.record(AuditEvent.success("webhook.delivery-retried", admin.actorId(), admin.organisationId(), "webhook-delivery:" + id));
        return jdbc.sql(SELECT + " where d.id = ?").param(id).query(Delivery::map).single();
    }

    private static String shorten(String reason) {
        return reason == null || reason.length() <= 500 ? reason : reason.substring(0, 500);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
