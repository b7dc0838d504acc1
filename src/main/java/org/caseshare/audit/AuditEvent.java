package org.caseshare.audit;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * One thing that happened, as a caller describes it. The trail adds the sequence number, the time
 * and the client address itself.
 *
 * @param action         a stable dotted name, e.g. {@code login.failure}, {@code account.disabled}
 * @param actorId        who did it (an account id, {@code cli}, {@code system} or {@code anonymous})
 * @param organisationId whose trail it belongs to; null for events with no organisation yet
 * @param target         what it was done to, as {@code type:id}
 * @param outcome        success, failure or denied
 * @param details        identifiers and field names only — never names, addresses or contents
 */
public record AuditEvent(String action, String actorId, UUID organisationId, String target, Outcome outcome,
        Map<String, String> details) {

    public enum Outcome { SUCCESS, FAILURE, DENIED }

    public AuditEvent {
        Objects.requireNonNull(action);
        Objects.requireNonNull(outcome);
        details = details == null ? Map.of() : Map.copyOf(new LinkedHashMap<>(details));
    }

    public static AuditEvent success(String action, String actorId, UUID organisationId, String target) {
        return new AuditEvent(action, actorId, organisationId, target, Outcome.SUCCESS, Map.of());
    }

    public static AuditEvent failure(String action, String actorId, UUID organisationId, String target) {
        return new AuditEvent(action, actorId, organisationId, target, Outcome.FAILURE, Map.of());
    }

    public AuditEvent with(String key, String value) {
        Map<String, String> more = new LinkedHashMap<>(details);
        more.put(key, value);
        return new AuditEvent(action, actorId, organisationId, target, outcome, more);
    }
}
