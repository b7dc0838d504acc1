package org.caseshare.audit;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * What an organisation's overseer asks of its trail. Blank text means "any"; dates are whole UTC days,
 * both inclusive; the organisation is always the caller's own, or null for a system administrator's
 * view of the entries that belong to no organisation.
 */
record AuditFilter(UUID organisationId, String actor, String action, String target, LocalDate from, LocalDate to, List<String> actorIds) {

    /**
     * @param actorIds the actors whose name matched {@code actor}: entries by them are found as well as
     *                 those whose actor id is {@code actor} itself
     */
    AuditFilter {
        actorIds = actorIds == null ? null : List.copyOf(actorIds);
    }

    AuditFilter(UUID organisationId, String actor, String action, String target, LocalDate from, LocalDate to) {
        this(organisationId, actor, action, target, from, to, null);
    }
}
