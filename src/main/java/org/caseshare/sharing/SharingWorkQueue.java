package org.caseshare.sharing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.caseshare.identity.Role;
import org.caseshare.policy.Authoriser;
import org.caseshare.system.Actor;
import org.caseshare.system.Dates;
import org.caseshare.system.WorkItem;
import org.caseshare.system.WorkQueue;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The register's part of the home page: the person's records still to finish (checklist, waiting for
 * authorisation, an emergency share's full record) and, for authorisers, shares waiting for them and
 * for how long. Lines name the record by its reference and recipient organisation, not the people.
 */
@Component
@Order(10)
class SharingWorkQueue implements WorkQueue {

    static final String TO_FINISH = "Your records to finish";
    static final String TO_AUTHORISE = "Waiting for your authorisation";
    private static final int LIMIT = 50;

    private final RegisterSearch search;
    private final Clock clock;

    SharingWorkQueue(RegisterSearch search, Clock clock) {
        this.search = search;
        this.clock = clock;
    }

    @Override
    public List<WorkItem> workFor(Actor actor) {
        if (!actor.staff()) {
            return List.of();
        }
        Instant now = clock.instant();
        List<WorkItem> work = new ArrayList<>();
        for (RegisterSearch.Row row : search.unfinished(actor.organisationId(), actor.accountId(), LIMIT)) {
            work.add(unfinished(row, now));
        }
        List<String> authorisers = new ArrayList<>();
        if (Role.MANAGER.heldBy(actor)) {
            authorisers.add(Authoriser.MANAGER.name());
        }
        if (Role.DATA_PROTECTION_OFFICER.heldBy(actor)) {
            // the data protection officer may stand in for the information security officer
            authorisers.add(Authoriser.INFORMATION_SECURITY_OFFICER.name());
        }
        for (RegisterSearch.Row row : search.awaitingAuthorisationBy(actor.organisationId(), authorisers, actor.accountId(), LIMIT)) {
            Duration waiting = Duration.between(row.createdAt(), now);
            work.add(new WorkItem(TO_AUTHORISE, name(row), "/sharing/" + row.id(),
                    "Waiting " + Dates.span(waiting) + ", recorded by " + row.decidedBy(), waiting.compareTo(Duration.ofDays(1)) > 0));
        }
        return work;
    }

    private static WorkItem unfinished(RegisterSearch.Row row, Instant now) {
        String href = "/sharing/" + row.id();
        if (row.fullRecordDue() != null && !row.status().beforeSharing()) {
            boolean late = now.isAfter(row.fullRecordDue());
            return new WorkItem(TO_FINISH, name(row), href + "/edit", (late ? "Emergency share: the full record was due " : "Emergency share: complete the full record by ")
                    + Dates.time(row.fullRecordDue()), late);
        }
        return switch (row.status()) {
            case AWAITING_AUTHORISATION -> new WorkItem(TO_FINISH, name(row), href, "Waiting for authorisation", false);
            case AUTHORISED -> new WorkItem(TO_FINISH, name(row), href + "/checklist", "Authorised: complete the checklist and share", false);
            default -> new WorkItem(TO_FINISH, name(row), href + "/checklist", "Draft: complete the checklist and share", false);
        };
    }

    private static String name(RegisterSearch.Row row) {
        return row.reference() + " to " + row.recipientOrganisation();
    }
}
