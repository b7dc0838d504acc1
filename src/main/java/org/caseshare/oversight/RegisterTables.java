package org.caseshare.oversight;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.caseshare.oversight.OversightReport.Figure;
import org.caseshare.oversight.OversightReport.Table;
import org.caseshare.sharing.RegisterFigures;
import org.caseshare.sharing.RegisterFigures.By;
import org.caseshare.sharing.RegisterFigures.Criteria;
import org.caseshare.sharing.RegisterFigures.Group;
import org.caseshare.sharing.RegisterFigures.HeldAndDeleted;
import org.caseshare.sharing.RegisterFigures.Tallies;
import org.caseshare.system.Catalogue;
import org.caseshare.system.Plurals;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * The period's register tables (by channel, marking, recipient, recipient type, lawful basis and
 * status, and the requests): the records still held plus those deleted under the retention schedule,
 * as their tombstones keep them, so the figures stay true; both read from the register's daily and
 * monthly totals, which equal what its own search counts.
 */
@Component
class RegisterTables {

    private final RegisterFigures register;

    RegisterTables(RegisterFigures register) {
        this.register = register;
    }

    List<Table> tables(UUID organisation, Period period) {
        Period previous = period.previous();
        Criteria now = Criteria.period(period.from(), period.to());
        Criteria before = Criteria.period(previous.from(), previous.to());
        // One read of the register's totals per period for every table.
        HeldAndDeleted current = register.tallies(organisation, period.from(), period.to());
        HeldAndDeleted earlier = register.tallies(organisation, previous.from(), previous.to());
        Tallies live = new Tallies(current.held(), earlier.held());
        Tallies deleted = new Tallies(current.deleted(), earlier.deleted());
        return List.of(
                grouped("channel", Catalogue.text("oversight.table.channel"), By.CHANNEL, live, deleted, now),
                grouped("marking", Catalogue.text("oversight.table.marking"), By.MARKING, live, deleted, now),
                grouped("recipient", Catalogue.text("oversight.table.recipient"), By.RECIPIENT_ORGANISATION, live, deleted, now),
                grouped("recipient-type", Catalogue.text("oversight.table.recipient-type"), By.RECIPIENT_TYPE, live, deleted, now),
                grouped("lawful-basis", Catalogue.text("oversight.table.lawful-basis"), By.LAWFUL_BASIS, live, deleted, now),
                grouped("status", Catalogue.text("oversight.table.status"), By.STATUS, live, deleted, now),
                requests(live, deleted, now, before));
    }

    /** One row per value found in either period, the largest first. */
    private static Table grouped(String id, String title, By by, Tallies live, Tallies deleted, Criteria now) {
        Map<String, String> labels = new LinkedHashMap<>();
        for (List<Group> groups : List.of(live.current().by(by), live.previous().by(by), deleted.current().by(by), deleted.previous().by(by))) {
            groups.forEach(g -> labels.putIfAbsent(g.value(), g.label()));
        }
        List<Figure> figures = new ArrayList<>();
        labels.forEach((value, label) -> {
            long gone = deleted.current().count(by, value);
            long goneBefore = deleted.previous().count(by, value);
            figures.add(new Figure(label, live.current().count(by, value) + gone, live.previous().count(by, value) + goneBefore,
                    deletedNote(gone, goneBefore), registerLink(now.with(by, value)), gone, goneBefore));
        });
        figures.sort(Comparator.comparingLong(Figure::current).reversed().thenComparing(Comparator.comparingLong(Figure::previous).reversed())
                .thenComparing(Figure::label));
        return new Table(id, title, true, List.copyOf(figures), tableNote(figures));
    }

    private static Table requests(Tallies live, Tallies deleted, Criteria now, Criteria before) {
        String received = "REQUEST_RECEIVED";
        String made = "REQUEST_MADE";
        List<Figure> figures = List.of(
                direction(Catalogue.text("oversight.figure.requests-received"), received, live, deleted, now),
                new Figure(Catalogue.text("oversight.figure.requests-verified"), live.current().verifiedByCallBack(),
                        live.previous().verifiedByCallBack(), null, registerLink(now.with(By.DIRECTION, received))),
                direction(Catalogue.text("oversight.figure.requests-made"), made, live, deleted, now));
        return new Table("requests", Catalogue.text("oversight.table.requests"), true, figures, tableNote(figures) == null ? null
                : Catalogue.text("oversight.table.requests.note", tableNote(figures)));
    }

    private static Figure direction(String label, String direction, Tallies live, Tallies deleted, Criteria now) {
        long gone = deleted.current().count(By.DIRECTION, direction);
        long goneBefore = deleted.previous().count(By.DIRECTION, direction);
        return new Figure(label, live.current().count(By.DIRECTION, direction) + gone, live.previous().count(By.DIRECTION, direction)
                + goneBefore, deletedNote(gone, goneBefore), registerLink(now.with(By.DIRECTION, direction)), gone, goneBefore);
    }

    static String deletedNote(long deleted, long previousDeleted) {
        if (deleted == 0 && previousDeleted == 0) {
            return null;
        }
        return previousDeleted == 0 ? Catalogue.text("oversight.figure.deleted", records(deleted))
                : Catalogue.text("oversight.figure.deleted.before", records(deleted), previousDeleted);
    }

    private static String tableNote(List<Figure> figures) {
        long deleted = figures.stream().mapToLong(Figure::deleted).sum();
        long previousDeleted = figures.stream().mapToLong(Figure::previousDeleted).sum();
        if (deleted == 0 && previousDeleted == 0) {
            return null;
        }
        return Catalogue.text("oversight.table.deleted", records(deleted), records(previousDeleted));
    }

    static String records(long n) {
        return Plurals.inLanguage(LocaleContextHolder.getLocale(), "oversight.records-count", n);
    }

    /** The register page filtered as the figure was counted (GET: no person is ever among the filters). */
    static String registerLink(Criteria c) {
        StringBuilder link = new StringBuilder("/sharing?");
        param(link, "channel", c.channel());
        param(link, "marking", c.marking());
        param(link, "status", c.status());
        param(link, "direction", c.direction());
        param(link, "recipient", c.recipientOrganisation());
        param(link, "recipientType", c.recipientType());
        param(link, "lawfulBasis", c.lawfulBasis());
        param(link, "from", c.from() == null ? null : c.from().toString());
        param(link, "to", c.to() == null ? null : c.to().toString());
        return link.substring(0, link.length() - 1);
    }

    private static void param(StringBuilder link, String name, String value) {
        if (value != null) {
            // %20, not "+": a space as "+" is a form's convention, which not every reader of a link applies.
            link.append(name).append('=').append(URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20")).append('&');
        }
    }
}
