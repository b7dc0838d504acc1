package org.caseshare.oversight;

import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import org.caseshare.directory.Directory;
import org.caseshare.directory.Organisation;
import org.caseshare.directory.OrganisationKind;
import org.caseshare.exchange.NewPackage;
import org.caseshare.exchange.PackageUploads;
import org.caseshare.exchange.Packages;
import org.caseshare.identity.Account;
import org.caseshare.identity.Role;
import org.caseshare.oversight.OversightData.Council;
import org.caseshare.oversight.OversightReport.Figure;
import org.caseshare.oversight.OversightReport.Month;
import org.caseshare.oversight.OversightReport.Table;
import org.caseshare.retention.Retention;
import org.caseshare.sharing.RegisterFigures;
import org.caseshare.sharing.RegisterFigures.By;
import org.caseshare.sharing.RegisterFigures.Criteria;
import org.caseshare.sharing.RegisterTotals;
import org.caseshare.sharing.SharingRegister;
import org.caseshare.support.Fixtures;
import org.caseshare.support.IntegrationTest;
import org.caseshare.support.Visitor;
import org.caseshare.system.Actor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.caseshare.oversight.OversightTests.figure;
import static org.caseshare.oversight.OversightTests.registerCount;
import static org.caseshare.oversight.OversightTests.table;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The figures after the retention schedule deleted records (counted from their tombstones, said so on
 * the page, the links showing the records still held) and the secure hub packages about to expire;
 * another organisation's deletions and packages never reach them.
 */
abstract class DeletedAndExpiringFiguresTests extends IntegrationTest {

    private static final List<String> COUNTED = List.of("channel", "marking", "recipient-type", "lawful-basis", "status");
    private static final String LEGAL_OBLIGATION = "Legal obligation (Art. 6(1)(c))";

    @Autowired
    MockMvc mvc;
    @Autowired
    Fixtures fixtures;
    @Autowired
    Directory directory;
    @Autowired
    SharingRegister register;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    RegisterTotals totals;
    @Autowired
    RegisterFigures registerFigures;
    @Autowired
    OversightFigures figures;
    @Autowired
    Retention retention;
    @Autowired
    Packages packages;
    @Autowired
    PackageUploads uploads;

    OversightData data;

    @BeforeEach
    void data() {
        data = new OversightData(fixtures, directory, register, jdbc, totals);
    }

    @Test
    void recordsDeletedUnderTheRetentionScheduleStillCountAndTheLinksShowTheRecordsHeld() throws Exception {
        Council a = data.council("Council", List.of(OrganisationKind.SCHOOL), "Ysgol Bro Morgannwg");
        Council b = data.council("Other council", List.of(OrganisationKind.POLICE), "Thames Valley Police");
        Period period = Period.lastThirtyDays(figures.today());
        for (int i = 0; i < 3; i++) {
            keep(a, "PUBLIC_TASK", "C-KEEP", period.from().plusDays(i));
        }
        // About one person: four made this period and two the period before, then erased.
        for (int i = 0; i < 6; i++) {
            keep(a, "LEGAL_OBLIGATION", "C-GONE", i < 4 ? period.from().plusDays(i) : period.previous().from().plusDays(i));
        }
        // The other organisation erases five of its own about someone with the same case reference.
        for (int i = 0; i < 5; i++) {
            data.shape(data.share(b, "POST", "OFFICIAL_SENSITIVE", b.recipients().get(0), "VITAL_INTERESTS", "C-GONE"),
                    period.from().plusDays(i), "CLOSED");
        }
        assertThat(retention.erase(a.actor(a.dpo()), "C-GONE", null).deleted()).isEqualTo(6);
        assertThat(retention.erase(b.actor(b.dpo()), "C-GONE", null).deleted()).isEqualTo(5);

        OversightReport report = figures.report(a.actor(a.dpo()), period);
        Visitor dpo = fixtures.signIn(mvc, a.dpo());
        for (String id : COUNTED) {
            Table table = table(report, id);
            assertThat(table.total()).as(id + ": the three held and the four deleted").isEqualTo(7);
            assertThat(table.previousTotal()).as(id + " in the period before: the two deleted").isEqualTo(2);
            assertThat(table.note()).as(id).contains("4 records in this period and 2 records in the period before");
            for (Figure f : table.figures()) {
                assertThat(registerCount(dpo, f.link())).as(id + " " + f.label() + ": the link shows the records still held")
                        .isEqualTo(f.current() - f.deleted());
            }
        }
        Figure telephone = figure(report, "channel", "Telephone");
        assertThat(telephone).extracting(Figure::current, Figure::previous, Figure::deleted, Figure::previousDeleted)
                .containsExactly(7L, 2L, 4L, 2L);
        assertThat(telephone.note()).isEqualTo("Includes 4 records deleted under the retention schedule (2 in the period before)");
        Figure legal = figure(report, "lawful-basis", LEGAL_OBLIGATION);
        assertThat(legal.current()).isEqualTo(legal.deleted()).isEqualTo(4);
        assertThat(registerCount(dpo, legal.link())).isZero();
        assertThat(figure(report, "recipient-type", "School or setting").current()).isEqualTo(7);
        assertThat(figure(report, "status", "Closed").current()).isEqualTo(7);
        assertThat(table(report, "recipient").total()).as("a tombstone keeps no organisation's name").isEqualTo(3);
        assertThat(table(report, "recipient").note()).isNull();
        assertThat(report.trend().stream().mapToLong(Month::records).sum()).isEqualTo(9);
        assertThat(report.trend().stream().mapToLong(Month::deleted).sum()).isEqualTo(6);
        assertThat(report.tables()).flatExtracting(Table::figures).extracting(Figure::label)
                .doesNotContain("Post", "Police", "Vital interests (Art. 6(1)(d))", "Thames Valley Police");

        String page = dpo.get("/oversight").andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("id=\"note-channel\"", "id=\"note-trend\"",
                "Includes 4 records deleted under the retention schedule (2 in the period before)");

        // The other organisation sees its own deletions only.
        OversightReport other = figures.report(b.actor(b.dpo()), period);
        assertThat(table(other, "channel").figures()).extracting(Figure::label, Figure::current, Figure::deleted)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("Post", 5L, 5L));
        assertThat(table(other, "lawful-basis").figures()).extracting(Figure::label).containsExactly("Vital interests (Art. 6(1)(d))");
    }

    /**
     * Records counted when made, then changed through the register's verbs and erased under retention:
     * after each step every figure equals the register's own grouping of the records still held, plus
     * the records deleted as their tombstones keep them.
     */
    @Test
    void theFiguresFollowRecordsThroughTheirChangesAndTheirDeletion() throws Exception {
        Council c = data.council("Council", List.of(OrganisationKind.SCHOOL, OrganisationKind.HEALTH), "Ysgol Bro Morgannwg",
                "Wessex Health Trust");
        Period period = Period.lastThirtyDays(figures.today());
        Actor practitioner = c.actor(c.practitioner());
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            ids.add(data.share(c, i % 2 == 0 ? "TELEPHONE" : "POST", i % 3 == 0 ? "OFFICIAL_SENSITIVE" : "OFFICIAL", c.recipients().get(i % 2),
                    i < 4 ? "PUBLIC_TASK" : "LEGAL_OBLIGATION", i < 5 ? "C-KEEP" : "C-GONE"));
        }
        assertEqualsRegister(c, period, 0);
        register.cancel(practitioner, ids.get(0), null, "No longer needed");
        register.decline(practitioner, ids.get(5), null, "Not proportionate");
        register.cancel(practitioner, ids.get(6), null, null);
        OversightReport changed = assertEqualsRegister(c, period, 0);
        assertThat(figure(changed, "status", "Cancelled").current()).isEqualTo(2);
        assertThat(figure(changed, "status", "Not shared").current()).isEqualTo(1);

        assertThat(retention.erase(c.actor(c.dpo()), "C-GONE", null).deleted()).isEqualTo(3);
        OversightReport erased = assertEqualsRegister(c, period, 3);
        assertThat(figure(erased, "status", "Cancelled")).extracting(Figure::current, Figure::deleted).containsExactly(2L, 1L);
        assertThat(figure(erased, "status", "Not shared")).extracting(Figure::current, Figure::deleted).containsExactly(1L, 1L);
        assertThat(figure(erased, "lawful-basis", LEGAL_OBLIGATION)).extracting(Figure::current, Figure::deleted).containsExactly(4L, 3L);
        assertThat(table(erased, "recipient").total()).as("a tombstone keeps no organisation's name").isEqualTo(5);
        assertThat(erased.trend().stream().mapToLong(Month::records).sum()).isEqualTo(8);
        assertThat(erased.trend().stream().mapToLong(Month::deleted).sum()).isEqualTo(3);
    }

    /**
     * Every table of the period against the register's own grouping of the records still held
     * ({@link RegisterFigures#countBy}), and the records deleted against the tombstones.
     */
    private OversightReport assertEqualsRegister(Council c, Period period, long deleted) {
        OversightReport report = figures.report(c.actor(c.dpo()), period);
        Map<String, By> tables = Map.of("channel", By.CHANNEL, "marking", By.MARKING, "recipient", By.RECIPIENT_ORGANISATION,
                "recipient-type", By.RECIPIENT_TYPE, "lawful-basis", By.LAWFUL_BASIS, "status", By.STATUS);
        tables.forEach((id, by) -> {
            Map<String, Long> held = new TreeMap<>();
            table(report, id).figures().stream().filter(f -> f.current() > f.deleted())
                    .forEach(f -> held.put(f.label(), f.current() - f.deleted()));
            Map<String, Long> counted = new TreeMap<>();
            registerFigures.countBy(c.organisation().id(), by, Criteria.period(period.from(), period.to()))
                    .forEach(g -> counted.put(g.label(), g.count()));
            assertThat(held).as(id + ": the records held").isEqualTo(counted);
            long tombstones = by == By.RECIPIENT_ORGANISATION ? 0 : deleted;
            assertThat(table(report, id).figures().stream().mapToLong(Figure::deleted).sum()).as(id + ": the records deleted")
                    .isEqualTo(tombstones);
        });
        Figure received = figure(report, "requests", "Requests received");
        assertThat(received.current()).isZero();
        return report;
    }

    @Test
    void packagesExpiringWithinAWeekAreCountedForTheOrganisationThatSentThem() throws Exception {
        Organisation partnerOrganisation = fixtures.organisation("Partner school");
        Account partner = fixtures.person(partnerOrganisation, Role.PARTNER);
        Council a = data.council("Council", List.of(OrganisationKind.SCHOOL), partnerOrganisation.name());
        Council b = data.council("Other council", List.of(OrganisationKind.SCHOOL), partnerOrganisation.name());
        send(a, partner, 3);
        send(a, partner, 6);
        send(a, partner, 14);
        send(b, partner, 2);
        Period period = Period.lastThirtyDays(figures.today());
        String label = "Secure hub packages expiring in the next 7 days";

        Figure expiring = figure(figures.report(a.actor(a.dpo()), period), "attention", label);
        assertThat(expiring.current()).as("two of A's three; none of B's").isEqualTo(2);
        assertThat(expiring.link()).isEqualTo("/hub");
        fixtures.signIn(mvc, a.dpo()).get(expiring.link()).andExpect(status().isOk());
        assertThat(figure(figures.report(b.actor(b.dpo()), period), "attention", label).current()).isEqualTo(1);
        Council c = data.council("Third council", "Nobody");
        assertThat(figure(figures.report(c.actor(c.dpo()), period), "attention", label).current()).isZero();
    }

    private void keep(Council c, String basis, String reference, LocalDate day) {
        data.shape(data.share(c, "TELEPHONE", "OFFICIAL", c.recipients().get(0), basis, reference), day, "CLOSED");
    }

    /** A package sent under a hub share, available for the given number of days. */
    private void send(Council c, Account partner, int days) throws Exception {
        UUID record = fixtures.hubShare(c.practitioner(), c.recipients().get(0), partner.email());
        Actor sender = c.actor(c.practitioner());
        UUID id = packages.create(sender, new NewPackage(null, List.of(partner.email()), null, null, "None", days, 3, record));
        uploads.addFile(sender, id, "probe.txt", new ByteArrayInputStream(new byte[] {1, 2, 3}), 3);
        packages.send(sender, id, false);
    }
}
