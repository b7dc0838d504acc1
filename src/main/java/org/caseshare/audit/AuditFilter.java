package org.caseshare.audit;

import java.time.LocalDate;
import java.util.UUID;

/**
 * What an organisation's overseer asks of its trail. Blank text means "any"; dates are whole UTC days,
 * both inclusive; the organisation is always the caller's own, or null for a system administrator's
 * view of the entries that belong to no organisation.
 */
record AuditFilter(UUID organisationId, String actor, String action, String target, LocalDate from, LocalDate to) {
}
