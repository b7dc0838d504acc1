package org.caseshare.oversight;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.caseshare.audit.AuditEntry;
import org.caseshare.audit.AuditTrail;
import org.caseshare.directory.Directory;
import org.caseshare.directory.DirectoryEntry;
import org.caseshare.directory.OrganisationKind;
import org.caseshare.identity.Account;
import org.caseshare.identity.Role;
import org.caseshare.oversight.OversightData.Council;
import org.caseshare.oversight.OversightReport.Figure;
import org.caseshare.oversight.OversightReport.Table;
import org.caseshare.sharing.RegisterTotals;
import org.caseshare.sharing.SharingRegister;
import org.caseshare.support.Fixtures;
import org.caseshare.support.IntegrationTest;
import org.caseshare.support.Visitor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The oversight figures against the register: hundreds of records across channels, markings,
 * recipients, statuses and three periods, and every figure's link opens the register search showing
 * the same number. Another organisation sees only its own; only overseers see any; every export is audited.
 */
abstract class OversightTests extends IntegrationTest {

    private static final Pattern COUNT = Pattern.compile("id=\"count\">(?:More than )?([0-9]+) record");
    private static final String[] CHANNELS = {"TELEPHONE", "POST", "BY_HAND"};
    private static final String[] MARKINGS = {"OFFICIAL", "OFFICIAL_SENSITIVE"};
    private static final String[] STATUSES = {"READY", "SHARED", "CLOSED", "DECLINED", "REFUSED", "AWAITING_AUTHORISATION"};
    private static final String[] BASES = {"PUBLIC_TASK", "LEGAL_OBLIGATION", "VITAL_INTERESTS"};

    @Autowired
    MockMvc mvc;
    @Autowired
    Fixtures fixtures;
    @Autowired
    Directory directory;
    @Autowired
    SharingRegister register;
    @Autowired
    OversightFigures figures;
    @Autowired
    AuditTrail audit;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    RegisterTotals totals;

    OversightData data;

    @BeforeEach
    void data() {
        data = new OversightData(fixtures, directory, register, jdbc, totals);
    }

    Council council(String name, String... recipientNames) {
        return data.council(name, recipientNames);
    }

    UUID share(Council c, String channel, String marking, DirectoryEntry recipient) {
        return data.share(c, channel, marking, recipient);
    }

    @Test
    void everyFigureEqualsTheRegistersOwnSearchBehindItsLink() throws Exception {
        Council c = data.council("Council", List.of(OrganisationKind.HEALTH, OrganisationKind.SCHOOL, OrganisationKind.SOCIAL_CARE),
                "Wessex Health Trust", "Ysgol Gymraeg <Caerdydd> & \"Co\"", "Helping Hands Charity");
        LocalDate today = figures.today();
        Period period = Period.lastThirtyDays(today);
        int inPeriod = 0;
        int inPrevious = 0;
        for (int i = 0; i < 240; i++) {
            UUID id = data.share(c, CHANNELS[i % 3], MARKINGS[(i / 3) % 2], c.recipients().get((i / 2) % 3), BASES[(i / 4) % BASES.length],
                    "C-1001");
            // A third in this period, a third in the one before, a third earlier still (only the monthly trend counts them).
            LocalDate day = switch (i % 3 == 0 ? 0 : i % 5 < 2 ? 1 : 2) {
                case 0 -> period.from().plusDays(i % 30);
                case 1 -> period.previous().from().plusDays(i % 30);
                default -> period.previous().from().minusDays(1 + i % 200);
            };
            if (!day.isBefore(period.from())) {
                inPeriod++;
            } else if (!day.isBefore(period.previous().from())) {
                inPrevious++;
            }
            data.shape(id, day, STATUSES[(i / 7) % STATUSES.length]);
            if (i % 11 == 0) {
                data.madeBeforeTypesWereKept(id);
            }
        }
        OversightReport report = figures.report(c.actor(c.dpo()), period);
        Visitor dpo = fixtures.signIn(mvc, c.dpo());

        for (String id : List.of("channel", "marking", "recipient", "recipient-type", "lawful-basis", "status")) {
            Table table = table(report, id);
            assertThat(table.total()).as(id + " adds up to the records made in the period").isEqualTo(inPeriod);
            assertThat(table.previousTotal()).as(id + " in the period before").isEqualTo(inPrevious);
            for (Figure figure : table.figures()) {
                assertThat(registerCount(dpo, figure.link())).as(id + " " + figure.label() + " at " + figure.link()).isEqualTo(figure.current());
            }
        }
        assertThat(table(report, "channel").figures()).extracting(Figure::label).containsExactlyInAnyOrder("Telephone", "Post", "By hand");
        assertThat(table(report, "status").figures()).extracting(Figure::label).contains("Not shared", "Refused by the authoriser");
        // Social care is a council's, as the share form maps it; records made before the columns were kept say so.
        assertThat(table(report, "recipient-type").figures()).extracting(Figure::label)
                .containsExactlyInAnyOrder("Health", "School or setting", "Council", "Not recorded");
        assertThat(table(report, "lawful-basis").figures()).extracting(Figure::label).containsExactlyInAnyOrder(
                "Public task (Art. 6(1)(e))", "Legal obligation (Art. 6(1)(c))", "Vital interests (Art. 6(1)(d))", "Not recorded");
        assertThat(figure(report, "lawful-basis", "Not recorded").link()).contains("lawfulBasis=NONE");
        assertThat(table(report, "channel").note()).as("nothing was deleted").isNull();
        for (Figure request : table(report, "requests").figures()) {
            assertThat(registerCount(dpo, request.link())).as(request.label()).isGreaterThanOrEqualTo(request.current());
        }
        assertThat(report.trend()).hasSize(12);
        long trendTotal = report.trend().stream().mapToLong(OversightReport.Month::records).sum();
        for (OversightReport.Month month : report.trend()) {
            assertThat(registerCount(dpo, "/sharing?from=" + month.month().atDay(1) + "&to=" + month.month().atEndOfMonth()))
                    .as("records in " + month.month()).isEqualTo(month.records());
        }
        assertThat(trendTotal).as("every record is at most about eight months old").isEqualTo(240);

        Figure waiting = figure(report, "attention", "Shares waiting for authorisation");
        assertThat(waiting.current()).isEqualTo(registerCount(dpo, "/sharing?status=AWAITING_AUTHORISATION")).isPositive();
        assertThat(waiting.note()).startsWith("The oldest has waited ");
        Figure receipts = figure(report, "attention", "Shares whose receipt is outstanding after 14 days");
        assertThat(receipts.current()).isEqualTo(registerCount(dpo, receipts.link())).isPositive();

        // The page shows the same figures, each a link, with the organisation's name escaped in the table and in the chart.
        String page = dpo.get("/oversight").andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        Figure telephone = figure(report, "channel", "Telephone");
        assertThat(page).contains("href=\"" + telephone.link().replace("&", "&amp;") + "\"")
                .contains("Ysgol Gymraeg &lt;Caerdydd&gt; &amp; &quot;Co&quot;").doesNotContain("<Caerdydd>");
    }

    @Test
    void aTenantSeesOnlyItsOwnFiguresAndOnlyOverseersSeeAny() throws Exception {
        Council a = council("Council", "Wessex Health Trust");
        Council b = council("School", "Berkshire Healthcare");
        for (int i = 0; i < 5; i++) {
            share(a, "TELEPHONE", "OFFICIAL", a.recipients().get(0));
        }
        share(b, "POST", "OFFICIAL", b.recipients().get(0));
        Period period = Period.lastThirtyDays(figures.today());
        assertThat(table(figures.report(b.actor(b.dpo()), period), "channel").figures())
                .containsExactly(new Figure("Post", 1, 0L, null, "/sharing?channel=POST&from=" + period.from() + "&to=" + period.to()));

        Visitor school = fixtures.signIn(mvc, b.dpo());
        String page = school.get("/oversight").andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Berkshire Healthcare", "id=\"nav-oversight\"").doesNotContain("Wessex Health Trust");

        Visitor practitioner = fixtures.signIn(mvc, a.practitioner());
        practitioner.get("/oversight").andExpect(status().isForbidden());
        practitioner.get("/oversight/figures.csv").andExpect(status().isForbidden());
        assertThat(practitioner.get("/").andReturn().getResponse().getContentAsString()).doesNotContain("id=\"nav-oversight\"");
        mvc.perform(get("/api/v1/reports/oversight").header("Authorization", "Bearer " + fixtures.token(a.practitioner())))
                .andExpect(status().isForbidden());
        Account manager = fixtures.person(a.organisation(), Role.MANAGER);
        fixtures.signIn(mvc, manager).get("/oversight").andExpect(status().isOk());
    }

    @Test
    void theFiguresTravelAsCsvXlsxAndJsonAndEveryExportIsAudited() throws Exception {
        Council c = council("Council", "Wessex Health Trust");
        share(c, "TELEPHONE", "OFFICIAL", c.recipients().get(0));
        LocalDate today = figures.today();
        String from = today.minusDays(6).toString();
        String to = today.toString();
        Visitor dpo = fixtures.signIn(mvc, c.dpo());

        byte[] csv = dpo.get("/oversight/figures.csv?from=" + from + "&to=" + to).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray();
        String text = new String(csv, java.nio.charset.StandardCharsets.UTF_8);
        assertThat(text).startsWith("\uFEFFtable,figure,period from").contains("Records by channel,Telephone," + from + "," + to + ",1,");
        assertOneExport(c, "csv", from, to);

        byte[] xlsx = dpo.get("/oversight/figures.xlsx?from=" + from + "&to=" + to).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            assertThat(workbook.getSheet("channel").getRow(2).getCell(0).getStringCellValue()).isEqualTo("Telephone");
            assertThat(workbook.getSheet("channel").getRow(2).getCell(1).getNumericCellValue()).isEqualTo(1.0);
            assertThat(workbook.getNumberOfSheets()).isEqualTo(1 + 9 + 1);
        }
        assertOneExport(c, "xlsx", from, to);

        String json = mvc.perform(get("/api/v1/reports/oversight?from=" + from + "&to=" + to)
                        .header("Authorization", "Bearer " + fixtures.token(c.dpo())))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(json).contains("\"from\":\"" + from + "\"", "\"id\":\"channel\"", "\"label\":\"Telephone\",\"current\":1");
        assertOneExport(c, "json", from, to);

        // A bad period: the page's error summary, the API's problem, nothing exported.
        dpo.get("/oversight?fromDay=31&fromMonth=2&fromYear=2026").andExpect(status().isOk()).andExpect(result ->
                assertThat(result.getResponse().getContentAsString()).contains("govuk-error-summary", "must be a real date", "href=\"#from\""));
        mvc.perform(get("/api/v1/reports/oversight?from=" + to + "&to=" + from).header("Authorization", "Bearer " + fixtures.token(c.dpo())))
                .andExpect(status().isUnprocessableContent()).andExpect(result -> assertThat(result.getResponse().getContentType())
                        .startsWith("application/problem+json"));
        assertThat(audit.latest(c.organisation().id(), 50)).filteredOn(e -> e.action().equals("oversight.exported")).hasSize(3);
    }

    @Test
    void theChartsAreSvgWithATitleADescriptionAndTheirTableBeneath() throws Exception {
        Council c = council("Council", "Wessex Health Trust");
        share(c, "TELEPHONE", "OFFICIAL", c.recipients().get(0));
        String page = fixtures.signIn(mvc, c.dpo()).get("/oversight").andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        for (String chart : List.of("chart-trend", "chart-channel", "chart-marking", "chart-recipient")) {
            assertThat(page).contains("<svg role=\"img\" aria-labelledby=\"" + chart + "-title " + chart + "-desc\"",
                    "<title id=\"" + chart + "-title\">", "<desc id=\"" + chart + "-desc\">", "id=\"" + chart + "-summary\"");
        }
        assertThat(page).contains("id=\"table-channel\"", "id=\"table-trend\"", "fill=\"rgb(29,112,184)\"").doesNotContain("<script>");
        String svg = page.substring(page.indexOf("<svg"), page.lastIndexOf("</svg>"));
        assertThat(svg).as("the content security policy forbids style attributes: the bars would draw black").doesNotContain("style=");
    }

    private void assertOneExport(Council c, String format, String from, String to) {
        AuditEntry entry = audit.latestWithAction("oversight.exported", 1).get(0);
        assertThat(entry.organisationId()).isEqualTo(c.organisation().id());
        assertThat(entry.details()).contains("\"format\":\"" + format + "\"", "\"from\":\"" + from + "\"", "\"to\":\"" + to + "\"")
                .doesNotContain("Wessex");
    }

    static long registerCount(Visitor visitor, String link) throws Exception {
        // As a browser sends the link: already encoded (MockMvc would encode a String's "%" a second time).
        String page = visitor.perform(get(URI.create(link))).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        Matcher m = COUNT.matcher(page);
        assertThat(m.find()).as("the register says how many at " + link).isTrue();
        return Long.parseLong(m.group(1));
    }

    static Table table(OversightReport report, String id) {
        return report.tables().stream().filter(t -> t.id().equals(id)).findFirst().orElseThrow();
    }

    static Figure figure(OversightReport report, String table, String label) {
        return table(report, table).figures().stream().filter(f -> f.label().equals(label)).findFirst().orElseThrow();
    }
}
