package org.caseshare.oversight;

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
import org.caseshare.exchange.PackageFigures;
import org.caseshare.incident.Incident;
import org.caseshare.incident.IncidentRegister;
import org.caseshare.oversight.OversightReport.Figure;
import org.caseshare.oversight.OversightReport.Month;
import org.caseshare.oversight.OversightReport.Table;
import org.caseshare.sharing.RegisterFigures;
import org.caseshare.sharing.RegisterFigures.By;
import org.caseshare.sharing.RegisterFigures.Criteria;
import org.caseshare.system.Actor;
import org.caseshare.system.Catalogue;
import org.caseshare.system.Plurals;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Service;

/**
 * Builds one organisation's {@link OversightReport} from the register's own queries (through
 * {@link RegisterTables}), the tombstones of deleted records, the secure hub, incidents and the audit trail.
 */
@Service
class OversightFigures {

    /** How far ahead a secure hub package's expiry needs attention now. */
    static final int EXPIRING_DAYS = 7;

    /** The audit actions counted as failed or throttled sign-ins, with the catalogue code of what the figure is called. */
    static final Map<String, String> SIGN_IN_ACTIONS = linked("login.failure", "oversight.figure.login-failure",
            "sso.sign-in-failed", "oversight.figure.sso-failed", "login.throttled", "oversight.figure.login-throttled",
            "password.reset-throttled", "oversight.figure.reset-throttled");

    private final RegisterFigures register;
    private final RegisterTables tables;
    private final PackageFigures packages;
    private final AuditCounts audit;
    private final IncidentRegister incidents;
    private final OversightProperties properties;
    private final Clock clock;

    OversightFigures(RegisterFigures register, RegisterTables tables, PackageFigures packages, AuditCounts audit, IncidentRegister incidents,
            OversightProperties properties, Clock clock) {
        this.register = register;
        this.tables = tables;
        this.packages = packages;
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
        List<Table> all = new ArrayList<>(tables.tables(organisation, period));
        all.add(attention(caller));
        all.add(signIns(organisation, period, previous));
        return new OversightReport(period.from(), period.to(), previous.from(), previous.to(), clock.instant(), List.copyOf(all),
                trend(organisation, period.to()));
    }

    /** What needs someone's attention today, whatever the period. */
    private Table attention(Actor caller) {
        UUID organisation = caller.organisationId();
        Instant instant = clock.instant();
        List<Figure> figures = new ArrayList<>();
        figures.add(new Figure(Catalogue.text("oversight.figure.emergency-overdue"), register.emergencyRecordsOverdue(organisation, instant), null,
                null, "/sharing/overdue"));
        RegisterFigures.Waiting waiting = register.awaitingAuthorisation(organisation);
        figures.add(new Figure(Catalogue.text("oversight.figure.awaiting-authorisation"), waiting.count(), null,
                waiting.oldest() == null ? null : Catalogue.text("oversight.figure.oldest-waited", days(Duration.between(waiting.oldest(), instant))),
                "/sharing/authorisations"));
        // Made more than N whole days ago and still only shared: the register's "to" day is inclusive.
        Criteria outstanding = new Criteria(null, null, "SHARED", null, null, null, today().minusDays(properties.receiptDays() + 1L));
        figures.add(new Figure(Catalogue.text("oversight.figure.receipt-outstanding", properties.receiptDays()),
                register.heldUpTo(organisation, By.STATUS, outstanding.status(), outstanding.to()), null, null,
                RegisterTables.registerLink(outstanding)));
        figures.add(new Figure(Catalogue.text("oversight.figure.packages-expiring", EXPIRING_DAYS),
                packages.expiring(organisation, instant, instant.plus(Duration.ofDays(EXPIRING_DAYS))), null, null, "/hub"));
        if (IncidentRegister.seesAll(caller)) {
            List<Incident> open = incidents.incidents(caller).stream().filter(OversightFigures::clockRunning).toList();
            long late = open.stream().filter(i -> instant.isAfter(i.icoDeadline())).count();
            figures.add(new Figure(Catalogue.text("oversight.figure.incidents-open"), open.size(), null, null, "/incidents"));
            figures.add(new Figure(Catalogue.text("oversight.figure.incidents-late"), late, null, null, "/incidents"));
        }
        return new Table("attention", Catalogue.text("oversight.table.attention"), false, List.copyOf(figures));
    }

    /** Open until the DPO decides, and, when the ICO is to be told, until it has been. */
    private static boolean clockRunning(Incident incident) {
        return !incident.decided() || (incident.decision().notifyIco() && incident.decision().icoNotifiedOn() == null);
    }

    private Table signIns(UUID organisation, Period period, Period previous) {
        Map<String, Long> now = audit.byAction(organisation, SIGN_IN_ACTIONS.keySet(), start(period.from()), start(period.to().plusDays(1)));
        Map<String, Long> before = audit.byAction(organisation, SIGN_IN_ACTIONS.keySet(), start(previous.from()),
                start(previous.to().plusDays(1)));
        List<Figure> figures = SIGN_IN_ACTIONS.entrySet().stream().map(e -> new Figure(Catalogue.text(e.getValue()), now.get(e.getKey()),
                before.get(e.getKey()), null, "/audit?action=" + e.getKey() + "&from=" + period.from() + "&to=" + period.to())).toList();
        return new Table("sign-ins", Catalogue.text("oversight.table.sign-ins"), true, figures);
    }

    /**
     * Records made in each of the twelve months up to the one the period ends in, those deleted under
     * the retention schedule included: one read of the register's monthly totals.
     */
    private List<Month> trend(UUID organisation, LocalDate end) {
        YearMonth last = YearMonth.from(end);
        return register.months(organisation, last.minusMonths(11), last).stream()
                .map(m -> new Month(m.month(), m.held() + m.deleted(), m.deleted())).toList();
    }

    private static Instant start(LocalDate day) {
        return day.atStartOfDay().toInstant(ZoneOffset.UTC);
    }

    private static String days(Duration age) {
        return Plurals.inLanguage(LocaleContextHolder.getLocale(), "oversight.days", age.toDays());
    }

    private static Map<String, String> linked(String... pairs) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i], pairs[i + 1]);
        }
        return map;
    }
}
