package org.caseshare.custody;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.caseshare.system.Actor;
import org.caseshare.system.Catalogue;
import org.caseshare.system.Dates;
import org.caseshare.system.WorkItem;
import org.caseshare.system.WorkQueue;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Custody's part of the home page: what the person has off site or on a device and when it is due
 * back; for managers and the data protection officer, every overdue item of the organisation.
 */
@Component
@Order(20)
class CustodyWorkQueue implements WorkQueue {

    private static final int LIMIT = 50;

    private final CustodyItems items;
    private final Clock clock;

    CustodyWorkQueue(CustodyItems items, Clock clock) {
        this.items = items;
        this.clock = clock;
    }

    @Override
    public List<WorkItem> workFor(Actor actor) {
        if (!CustodyRegister.staff(actor)) {
            return List.of();
        }
        Instant now = clock.instant();
        List<WorkItem> work = new ArrayList<>();
        List<UUID> listed = new ArrayList<>();
        items.list(actor.organisationId(), actor.accountId(), LIMIT).stream().filter(CustodyItem::open)
                .sorted(java.util.Comparator.comparing(CustodyItem::dueAt)).forEach(item -> {
                    listed.add(item.id());
                    work.add(new WorkItem(Catalogue.text("custody.work.due-back"), item.description(), "/custody/" + item.id(),
                            Catalogue.text(item.overdue(now) ? "custody.work.kind.overdue" : "custody.work.kind.due",
                                    Catalogue.text("custody.kind." + item.kind().name()), Dates.time(item.dueAt())), item.overdue(now)));
                });
        if (CustodyRegister.oversees(actor)) {
            items.overdue(actor.organisationId(), null, now).stream().filter(item -> !listed.contains(item.id())).limit(LIMIT)
                    .forEach(item -> work.add(new WorkItem(Catalogue.text("custody.work.overdue"),
                            Catalogue.text("custody.work.held-by", Catalogue.text("custody.kind." + item.kind().name()), item.holderName()),
                            "/custody/" + item.id(), Catalogue.text("custody.work.was-due", Dates.time(item.dueAt())), true)));
        }
        return work;
    }
}
