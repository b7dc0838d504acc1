package org.caseshare.audit;

import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.caseshare.directory.Organisation;
import org.caseshare.identity.Account;
import org.caseshare.identity.Role;
import org.caseshare.support.Fixtures;
import org.caseshare.support.IntegrationTest;
import org.caseshare.support.Visitor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** A data protection officer reads, filters, exports and verifies their organisation's trail. */
abstract class AuditViewerTests extends IntegrationTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    Fixtures fixtures;
    @Autowired
    AuditTrail audit;

    Organisation a;
    Organisation b;

    @BeforeEach
    void twoOrganisationsWithTheirOwnEntries() {
        a = fixtures.organisation("Audit A");
        b = fixtures.organisation("Audit B");
        audit.record(AuditEvent.success("test.viewer.share", "actor-a1", a.id(), "record:a-1"));
        audit.record(AuditEvent.success("test.viewer.share", "actor-a2", a.id(), "record:a-2"));
        audit.record(AuditEvent.failure("test.viewer.login", "actor-a1", a.id(), "account:a-1"));
        audit.record(AuditEvent.success("test.viewer.share", "actor-b1", b.id(), "record:b-1"));
    }

    @Test
    void aDataProtectionOfficerSeesTheirOrganisationsEntriesOnlyNewestFirst() throws Exception {
        Visitor dpo = fixtures.signIn(mvc, fixtures.person(a, Role.DATA_PROTECTION_OFFICER));

        String page = dpo.get("/audit").andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(page).contains("record:a-1", "record:a-2", "account:a-1").doesNotContain("record:b-1", "actor-b1");
        assertThat(page.indexOf("record:a-2")).as("newest first").isLessThan(page.indexOf("record:a-1"));
        assertThat(page).contains("id=\"verifier-key\"").contains("id=\"nav-audit\"");
    }

    @Test
    void filtersByActorActionTargetAndDates() throws Exception {
        Visitor dpo = fixtures.signIn(mvc, fixtures.person(a, Role.DATA_PROTECTION_OFFICER));

        assertThat(body(dpo, "/audit?actor=actor-a1")).contains("record:a-1", "account:a-1").doesNotContain("record:a-2");
        assertThat(body(dpo, "/audit?action=test.viewer.login")).contains("account:a-1").doesNotContain("record:a-");
        assertThat(body(dpo, "/audit?action=test.viewer")).contains("account:a-1", "record:a-1", "record:a-2");
        assertThat(body(dpo, "/audit?target=record:a-2")).contains("record:a-2").doesNotContain("record:a-1");
        assertThat(body(dpo, "/audit?action=test.viewer&to=2000-01-01")).contains("No entries match.");
        assertThat(body(dpo, "/audit?action=test.viewer&from=2000-01-01")).contains("record:a-1");
    }

    @Test
    void showsPeoplesNamesAndFindsTheirEntriesByName() throws Exception {
        Account practitioner = fixtures.person(a, Role.PRACTITIONER);
        Account elsewhere = fixtures.person(b, Role.PRACTITIONER);
        audit.record(AuditEvent.success("test.viewer.named", practitioner.id().toString(), a.id(), "record:named-1"));
        // an id that is no account of this organisation is shown as it is, never named from another organisation
        audit.record(AuditEvent.success("test.viewer.named", elsewhere.id().toString(), a.id(), "record:named-2"));
        Visitor dpo = fixtures.signIn(mvc, fixtures.person(a, Role.DATA_PROTECTION_OFFICER));

        String page = body(dpo, "/audit?action=test.viewer.named");
        assertThat(page).contains(">" + practitioner.displayName() + "</td>", ">" + elsewhere.id() + "</td>")
                .doesNotContain(">" + practitioner.id() + "</td>");

        assertThat(body(dpo, "/audit?actor=" + practitioner.displayName().substring(5).toLowerCase()))
                .contains("record:named-1").doesNotContain("record:named-2", "record:a-1");
        assertThat(body(dpo, "/audit?actor=" + practitioner.id())).contains("record:named-1").doesNotContain("record:named-2");
        assertThat(body(dpo, "/audit?actor=Nobody")).contains("No entries match.");
    }

    @Test
    void badDatesAreExplainedBesideTheirFields() throws Exception {
        Visitor admin = fixtures.signIn(mvc, fixtures.person(a, Role.ORGANISATION_ADMIN));

        String page = body(admin, "/audit?from=31/02/2025&to=2025-01-01");
        assertThat(page).contains("There is a problem", "The from date must be a real date, like 2025-03-31",
                "govuk-input--error").doesNotContain("record:a-1");
        assertThat(body(admin, "/audit?from=2025-02-01&to=2025-01-01"))
                .contains("The to date must be the same as or after the from date");
    }

    @Test
    void theCsvExportHasAHeaderAndTheFilteredRows() throws Exception {
        Visitor dpo = fixtures.signIn(mvc, fixtures.person(a, Role.DATA_PROTECTION_OFFICER));

        var response = dpo.get("/audit/export.csv?action=test.viewer.share").andExpect(status().isOk()).andReturn().getResponse();

        assertThat(response.getContentType()).startsWith("text/csv");
        List<CSVRecord> rows = CSVFormat.DEFAULT.parse(new java.io.StringReader(response.getContentAsString())).getRecords();
        assertThat(rows.get(0).values()).containsExactly("seq", "occurred_at", "actor", "organisation", "action", "target",
                "outcome", "client_address", "details");
        assertThat(rows.subList(1, rows.size())).extracting(r -> r.get(5)).containsExactly("record:a-2", "record:a-1");
    }

    @Test
    void theCsvExportReadsFormulasAsTextAndIsItselfAudited() throws Exception {
        audit.record(AuditEvent.success("test.viewer.formula", "@SUM(1+1)", a.id(), "=HYPERLINK(\"http://evil.example\")"));
        Account officer = fixtures.person(a, Role.DATA_PROTECTION_OFFICER);
        Visitor dpo = fixtures.signIn(mvc, officer);

        String csv = dpo.perform(MockMvcRequestBuilders.get("/audit/export.csv")
                .param("action", "test.viewer.formula").param("actor", "@SUM(1+1)")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();

        List<CSVRecord> rows = CSVFormat.DEFAULT.parse(new java.io.StringReader(csv)).getRecords();
        assertThat(rows).hasSize(2);
        assertThat(rows.get(1).get(2)).isEqualTo("'@SUM(1+1)");
        assertThat(rows.get(1).get(5)).isEqualTo("'=HYPERLINK(\"http://evil.example\")");
        AuditEntry exported = audit.latestWithAction("audit.exported", 1).get(0);
        assertThat(exported.actorId()).isEqualTo(officer.id().toString());
        assertThat(exported.organisationId()).isEqualTo(a.id());
        assertThat(exported.details()).contains("\"entries\":\"1\"").contains("\"filters\":\"actor,action\"")
                .as("the filter's values may name someone: only which fields were set").doesNotContain("@SUM", "formula");
    }

    @Test
    void aPractitionerIsRefused() throws Exception {
        Visitor practitioner = fixtures.signIn(mvc, fixtures.person(a, Role.PRACTITIONER));

        practitioner.get("/audit").andExpect(status().isForbidden());
        practitioner.get("/audit/export.csv").andExpect(status().isForbidden());
        practitioner.get("/audit/verify").andExpect(status().isForbidden());
        assertThat(body(practitioner, "/")).doesNotContain("id=\"nav-audit\"", "id=\"home-audit\"");
    }

    @Test
    void theVerifyButtonReportsWhatWasChecked() throws Exception {
        Visitor dpo = fixtures.signIn(mvc, fixtures.person(a, Role.DATA_PROTECTION_OFFICER));
        assertThat(body(dpo, "/")).contains("id=\"home-audit\"");

        String page = dpo.post("/audit/verify").andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(page).contains("id=\"result-ok\"", "No changes found", "id=\"entries-checked\"");
    }

    @Test
    void thePublicKeyAndLatestCheckpointCanBeDownloaded(@Autowired AuditCheckpoints checkpoints, @Autowired AuditKeys keys)
            throws Exception {
        Visitor dpo = fixtures.signIn(mvc, fixtures.person(a, Role.DATA_PROTECTION_OFFICER));
        checkpoints.checkpointNow();

        assertThat(body(dpo, "/audit/public-key.txt").strip()).isEqualTo(keys.verifyingKey().verifierKey());
        assertThat(body(dpo, "/audit/checkpoint.txt")).isEqualTo(checkpoints.latest().orElseThrow().signedNote());
    }

    private static String body(Visitor visitor, String url) throws Exception {
        return visitor.get(url).andReturn().getResponse().getContentAsString();
    }
}
