package org.caseshare.oversight;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.caseshare.audit.AuditCounts;
import org.caseshare.incident.Incident;
import org.caseshare.incident.IncidentRegister;
import org.caseshare.oversight.OversightReport.Figure;
import org.caseshare.oversight.OversightReport.Month;
import org.caseshare.oversight.OversightReport.Table;
import org.caseshare.sharing.RegisterFigures;
import org.caseshare.sharing.RegisterFigures.By;
import org.caseshare.sharing.RegisterFigures.Criteria;
import org.caseshare.sharing.RegisterFigures.Group;
import org.caseshare.system.Actor;
import org.springframework.stereotype.Service;

/** Builds one organisation's {@link OversightReport} from the register's own queries and the audit trail. */
@Service
class OversightFigures {

    /** The audit actions counted as failed or throttled sign-ins, with what the figure is called. */
    static final Map<String, String> SIGN_IN_ACTIONS = linked("login.failure", "Failed sign-ins (wrong password or code)",
            "sso.sign-in-failed", "Failed single sign-ons", "login.throttled", "Sign-ins refused by the throttle",
            "password.reset-throttled", "Password resets refused by the throttle");

    private final RegisterFigures register;
    private final AuditCounts audit;
    private final IncidentRegister incidents;
    private final OversightProperties properties;
    private final Clock clock;

    OversightFigures(RegisterFigures register, AuditCounts audit, IncidentRegister incidents, OversightProperties properties, Clock clock) {
        this.register = register;
        this.audit = audit;
        this.incidents = incidents;
        this.properties = properties;
        this.clock = clock;
    }

    LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    OversightReport report(Actor caller, Period period) {
        UUID organisation = caller.organisationId();
        Period previous = period.previous();
        Criteria now = Criteria.period(period.from(), period.to());
        Criteria before = Criteria.period(previous.from(), previous.to());
        List<Table> tables = new ArrayList<>();
        tables.add(grouped(organisation, "channel", "Records by channel", By.CHANNEL, now, before));
        tables.add(grouped(organisation, "marking", "Records by marking", By.MARKING, now, before));
        tables.add(grouped(organisation, "recipient", "Records by recipient organisation", By.RECIPIENT_ORGANISATION, now, before));
        tables.add(grouped(organisation, "status", "Records by status, with decisions not to share and refusals", By.STATUS, now, before));
        tables.add(requests(organisation, now, before));
        tables.add(attention(caller));
        tables.add(signIns(organisation, period, previous));
        return new OversightReport(period.from(), period.to(), previous.from(), previous.to(), clock.instant(), List.copyOf(tables),
                trend(organisation, period.to()));
    }

    /** One row per value found in either period, largest first as the register's grouping orders them. */
    private Table grouped(UUID organisation, String id, String title, By by, Criteria now, Criteria before) {
        Map<String, Group> current = byValue(register.countBy(organisation, by, now));
        Map<String, Group> earlier = byValue(register.countBy(organisation, by, before));
        Map<String, Group> all = new LinkedHashMap<>(current);
        earlier.forEach(all::putIfAbsent);
        List<Figure> figures = all.values().stream().map(g -> new Figure(g.label(),
                current.containsKey(g.value()) ? current.get(g.value()).count() : 0,
                earlier.containsKey(g.value()) ? earlier.get(g.value()).count() : 0L, null,
                registerLink(now.with(by, g.value())))).toList();
        return new Table(id, title, true, figures);
    }

    private Table requests(UUID organisation, Criteria now, Criteria before) {
        Criteria received = now.with(By.DIRECTION, "REQUEST_RECEIVED");
        Criteria receivedBefore = before.with(By.DIRECTION, "REQUEST_RECEIVED");
        Criteria made = now.with(By.DIRECTION, "REQUEST_MADE");
        return new Table("requests", "Requests", true, List.of(
                new Figure("Requests received", register.count(organisation, received), register.count(organisation, receivedBefore), null,
                        registerLink(received)),
                new Figure("Requests received whose caller was verified by calling back", register.verifiedByCallBack(organisation, received),
                        register.verifiedByCallBack(organisation, receivedBefore), null, registerLink(received)),
                new Figure("Requests made to others", register.count(organisation, made),
                        register.count(organisation, before.with(By.DIRECTION, "REQUEST_MADE")), null, registerLink(made))));
    }

    /** What needs someone's attention today, whatever the period. */
    private Table attention(Actor caller) {
        UUID organisation = caller.organisationId();
        Instant instant = clock.instant();
        List<Figure> figures = new ArrayList<>();
        figures.add(new Figure("Emergency shares whose full record is overdue", register.emergencyRecordsOverdue(organisation, instant), null,
                null, "/sharing/overdue"));
        RegisterFigures.Waiting waiting = register.awaitingAuthorisation(organisation);
        figures.add(new Figure("Shares waiting for authorisation", waiting.count(), null,
                waiting.oldest() == null ? null : "The oldest has waited " + days(Duration.between(waiting.oldest(), instant)),
                "/sharing/authorisations"));
        // Made more than N whole days ago and still only shared: the register's "to" day is inclusive.
        Criteria outstanding = new Criteria(null, null, "SHARED", null, null, null, today().minusDays(properties.receiptDays() + 1L));
        figures.add(new Figure("Shares whose receipt is outstanding after " + properties.receiptDays() + " days",
                register.count(organisation, outstanding), null, null, registerLink(outstanding)));
        if (IncidentRegister.seesAll(caller)) {
            List<Incident> open = incidents.incidents(caller).stream().filter(OversightFigures::clockRunning).toList();
            long late = open.stream().filter(i -> instant.isAfter(i.icoDeadline())).count();
            figures.add(new Figure("Incidents open with the ICO clock running", open.size(), null, null, "/incidents"));
            figures.add(new Figure("Incidents past the ICO's 72 hours", late, null, null, "/incidents"));
        }
        return new Table("attention", "Needing attention now", false, List.copyOf(figures));
    }

    /** Open until the DPO decides, and, when the ICO is to be told, until it has been. */
    private static boolean clockRunning(Incident incident) {
        return !incident.decided() || (incident.decision().notifyIco() && incident.decision().icoNotifiedOn() == null);
    }

    private Table signIns(UUID organisation, Period period, Period previous) {
        Map<String, Long> now = audit.byAction(organisation, SIGN_IN_ACTIONS.keySet(), start(period.from()), start(period.to().plusDays(1)));
        Map<String, Long> before = audit.byAction(organisation, SIGN_IN_ACTIONS.keySet(), start(previous.from()),
                start(previous.to().plusDays(1)));
        List<Figure> figures = SIGN_IN_ACTIONS.entrySet().stream().map(e -> new Figure(e.getValue(), now.get(e.getKey()),
                before.get(e.getKey()), null, "/audit?action=" + e.getKey() + "&from=" + period.from() + "&to=" + period.to())).toList();
        return new Table("sign-ins", "Failed and throttled sign-ins", true, figures);
    }

    /** Records made in each of the twelve months up to the one the period ends in. */
    private List<Month> trend(UUID organisation, LocalDate end) {
        YearMonth last = YearMonth.from(end);
        List<Month> months = new ArrayList<>();
        for (int i = 11; i >= 0; i--) {
            YearMonth month = last.minusMonths(i);
            months.add(new Month(month, register.count(organisation, Criteria.period(month.atDay(1), month.atEndOfMonth()))));
        }
        return List.copyOf(months);
    }

    /** The register page filtered as the figure was counted (GET: no person is ever among the filters). */
    static String registerLink(Criteria c) {
        StringBuilder link = new StringBuilder("/sharing?");
        param(link, "channel", c.channel());
        param(link, "marking", c.marking());
        param(link, "status", c.status());
        param(link, "direction", c.direction());
        param(link, "recipient", c.recipientOrganisation());
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

    private static Map<String, Group> byValue(List<Group> groups) {
        Map<String, Group> map = new LinkedHashMap<>();
        groups.forEach(g -> map.put(g.value(), g));
        return map;
    }

    private static Instant start(LocalDate day) {
        return day.atStartOfDay().toInstant(ZoneOffset.UTC);
    }

    private static String days(Duration age) {
        long days = age.toDays();
        return days == 1 ? "1 day" : days + " days";
    }

    private static Map<String, String> linked(String... pairs) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i], pairs[i + 1]);
        }
        return map;
    }
}
