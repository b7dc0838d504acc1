package org.caseshare.exchange;

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
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The secure hub's part of the home page, for every role (partners use the hub too): packages
 * received and not yet acknowledged, the person's packages still in draft or not yet downloaded, and
 * requests for files to answer or waiting for an answer; and always a line to the hub itself.
 */
@Component
@Order(40)
class HubWorkQueue implements WorkQueue {

    private static final int LIMIT = 50;

    private final JdbcClient jdbc;
    private final PackageViews packages;
    private final PackageAccess access;
    private final FileRequests requests;
    private final Clock clock;

    HubWorkQueue(JdbcClient jdbc, PackageViews packages, PackageAccess access, FileRequests requests, Clock clock) {
        this.jdbc = jdbc;
        this.packages = packages;
        this.access = access;
        this.requests = requests;
        this.clock = clock;
    }

    @Override
    public List<WorkItem> workFor(Actor actor) {
        String hub = Catalogue.text("hub.work.group");
        Instant now = clock.instant();
        List<WorkItem> work = new ArrayList<>();
        String email = access.email(actor);
        for (HubPackage p : packages.received(actor)) {
            if (p.available(now) && !p.acknowledgedBy(email)) {
                work.add(new WorkItem(hub, Catalogue.text("hub.work.received", p.senderName()), "/hub/packages/" + p.id(),
                        Catalogue.text("hub.work.received.detail", Dates.time(p.sentAt()), Dates.time(p.expiresAt())), false));
            }
        }
        for (UUID id : mine("select id from hub_package where organisation_id = ? and sender_id = ? and status = 'DRAFT' order by created_at limit ?", actor)) {
            HubPackage p = packages.get(actor, id);
            work.add(new WorkItem(hub, Catalogue.text("hub.work.draft", p.recipientOrganisationName()), "/hub/packages/" + id,
                    Catalogue.text("hub.work.draft.detail"), false));
        }
        for (UUID id : mine("select id from hub_package where organisation_id = ? and sender_id = ? and status = 'SENT'"
                + " and first_downloaded_at is null order by sent_at limit ?", actor)) {
            HubPackage p = packages.get(actor, id);
            work.add(new WorkItem(hub, Catalogue.text("hub.work.sent", p.recipientOrganisationName()), "/hub/packages/" + id,
                    Catalogue.text("hub.work.sent.detail", Dates.time(p.expiresAt())), false));
        }
        for (FileRequest r : requests.received(actor)) {
            if (r.open()) {
                work.add(new WorkItem(hub, Catalogue.text("hub.work.requested", r.requesterName()), "/hub/requests/" + r.id(),
                        Catalogue.text(r.overdue() ? "hub.work.requested.overdue" : "hub.work.requested.due", Dates.date(r.dueOn())), r.overdue()));
            }
        }
        for (UUID id : mine("select id from hub_file_request where organisation_id = ? and requester_id = ? and status = 'OPEN'"
                + " order by created_at limit ?", actor)) {
            FileRequest r = requests.get(actor, id);
            work.add(new WorkItem(hub, Catalogue.text("hub.work.asked", r.recipientOrganisationName()), "/hub/requests/" + id,
                    Catalogue.text(r.overdue() ? "hub.work.asked.overdue" : "hub.work.asked.due", Dates.date(r.dueOn())), r.overdue()));
        }
        work.add(new WorkItem(hub, Catalogue.text("hub.work.go"), "/hub", Catalogue.text("hub.work.go.detail"), false));
        return work;
    }

    private List<UUID> mine(String sql, Actor actor) {
        return jdbc.sql(sql).params(actor.organisationId(), actor.accountId(), LIMIT).query(UUID.class).list();
    }
}
