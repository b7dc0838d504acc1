package org.caseshare.audit;

import java.util.Map;

/**
 * Published in-process after an audit entry's transaction commits, for counters (the metrics module):
 * every action worth counting is audited already, so counting entries adds no call to any service.
 * Carries what the entry carries (identifiers and field names only) and how long the append took.
 *
 * @param appendNanos the time the insert into audit_pending took, in the writer's transaction
 */
public record AuditRecorded(String action, AuditEvent.Outcome outcome, Map<String, String> details, long appendNanos) {
}
