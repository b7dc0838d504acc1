package org.caseshare.webhook;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.caseshare.audit.AuditEvent;
import org.caseshare.audit.AuditTrail;
import org.caseshare.crypto.SecretBox;
import org.caseshare.crypto.WebhookSignatures;
import org.caseshare.system.Actor;
import org.caseshare.system.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * An organisation's endpoints: registering one (its signing secret returned this once, stored
 * sealed), listing and removing them. Only an organisation admin may; another organisation's
 * endpoint is ‘not found’. Each change is audited, by identifier only.
 */
@Service
class WebhookEndpoints {

    static final int MAX_DESCRIPTION = 200;
    static final int MAX_URL = 2000;

    private final JdbcClient jdbc;
    private final TargetGuard guard;
    private final SecretBox secrets;
    private final AuditTrail audit;
    private final Clock clock;
    private final TransactionTemplate transaction;

    WebhookEndpoints(JdbcClient jdbc, TargetGuard guard, SecretBox secrets, AuditTrail audit, Clock clock,
            PlatformTransactionManager transactions) {
        this.transaction = new TransactionTemplate(transactions);
        this.jdbc = jdbc;
        this.guard = guard;
        this.secrets = secrets;
        this.audit = audit;
        this.clock = clock;
    }

    /** A new endpoint and its secret, which is never shown again. */
    record Registered(Endpoint endpoint, String secret) {
    }

    // Not one transaction: the address is looked up in DNS first, and no network call waits inside one.
    Registered register(Actor admin, String url, String description, List<String> eventTypes) {
        requireAdmin(admin);
        Map<String, String> errors = new LinkedHashMap<>();
        String checkedUrl = checkUrl(url, errors);
        String text = description == null ? "" : description.strip();
        if (text.isEmpty()) {
            errors.put("description", "Enter a description, such as the name of the case system");
        } else if (text.length() > MAX_DESCRIPTION) {
            errors.put("description", "Description must be " + MAX_DESCRIPTION + " characters or fewer");
        }
        List<EventType> types = new ArrayList<>();
        for (String name : eventTypes == null ? List.<String>of() : eventTypes) {
            Optional<EventType> type = EventType.named(name);
            if (type.isEmpty()) {
                errors.putIfAbsent("events", "Select events from the list");
            } else if (!types.contains(type.get())) {
                types.add(type.get());
            }
        }
        if (types.isEmpty()) {
            errors.putIfAbsent("events", "Select at least one event");
        }
        if (!errors.isEmpty()) {
            throw new InvalidEndpointException(errors);
        }
        UUID id = UUID.randomUUID();
        String secret = WebhookSignatures.newSecret();
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        transaction.executeWithoutResult(status -> insert(admin, id, checkedUrl, text, types, secret, now));
        return new Registered(new Endpoint(id, admin.organisationId(), checkedUrl, text, List.copyOf(types), now, null), secret);
    }

    private void insert(Actor admin, UUID id, String checkedUrl, String text, List<EventType> types, String secret, Instant now) {
        jdbc.sql("""
                insert into webhook_endpoint (id, organisation_id, url, description, event_types, sealed_secret, created_by, created_at)
                values (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, admin.organisationId(), checkedUrl, text, Endpoint.store(types), secrets.seal(secret, sealingContext(id)),
                        admin.accountId(), Timestamp.from(now)).update();
        audit.record(AuditEvent.success("webhook.endpoint-added", admin.actorId(), admin.organisationId(), target(id))
                .with("events", Endpoint.store(types)));
    }

    private String checkUrl(String url, Map<String, String> errors) {
        String text = url == null ? "" : url.strip();
        if (text.isEmpty()) {
            errors.put("url", "Enter the address that will receive the events");
            return null;
        }
        if (text.length() > MAX_URL) {
            errors.put("url", "Address must be " + MAX_URL + " characters or fewer");
            return null;
        }
        try {
            return guard.check(text).uri().toString();
        } catch (TargetGuard.RefusedTargetException e) {
            errors.put("url", e.getMessage());
            return null;
        }
    }

    List<Endpoint> list(Actor admin) {
        requireAdmin(admin);
        return jdbc.sql("select * from webhook_endpoint where organisation_id = ? and removed_at is null order by created_at")
                .param(admin.organisationId()).query(Endpoint::map).list();
    }

    @Transactional
    void remove(Actor admin, UUID id) {
        requireAdmin(admin);
        int removed = jdbc.sql("update webhook_endpoint set removed_at = ? where id = ? and organisation_id = ? and removed_at is null")
                .params(Timestamp.from(clock.instant()), id, admin.organisationId()).update();
        if (removed != 1) {
            throw new NotFoundException("Webhook endpoint");
        }
        audit.record(AuditEvent.success("webhook.endpoint-removed", admin.actorId(), admin.organisationId(), target(id)));
    }

    /** The organisation's active endpoints that receive this type of event, for the listener. */
    List<Endpoint> subscribed(UUID organisationId, EventType type) {
        return jdbc.sql("select * from webhook_endpoint where organisation_id = ? and removed_at is null order by created_at")
                .param(organisationId).query(Endpoint::map).list().stream().filter(e -> e.eventTypes().contains(type)).toList();
    }

    /** Any endpoint, removed or not, for the sender. */
    Optional<Endpoint> find(UUID id) {
        return jdbc.sql("select * from webhook_endpoint where id = ?").param(id).query(Endpoint::map).optional();
    }

    /** The endpoint's signing secret, opened for one send. */
    String secret(UUID id) {
        String sealed = jdbc.sql("select sealed_secret from webhook_endpoint where id = ?").param(id).query(String.class).single();
        return secrets.open(sealed, sealingContext(id));
    }

    static void requireAdmin(Actor actor) {
        if (!actor.organisationAdmin()) {
            throw new AccessDeniedException("Only an organisation admin may manage webhooks");
        }
    }

    static String target(UUID endpointId) {
        return "webhook-endpoint:" + endpointId;
    }

    private static String sealingContext(UUID endpointId) {
        return "webhook-endpoint-secret:" + endpointId;
    }
}
