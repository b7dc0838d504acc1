package org.caseshare.decision;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.caseshare.audit.AuditEntry;
import org.caseshare.audit.AuditTrail;
import org.caseshare.directory.Organisation;
import org.caseshare.identity.Role;
import org.caseshare.policy.PolicyLoader;
import org.caseshare.support.Fixtures;
import org.caseshare.support.IntegrationTest;
import org.caseshare.support.NoEnglishLeft;
import org.caseshare.support.Visitor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A data protection officer replaces the organisation's policy: a bad file is refused with every
 * problem placed by line and column and changes nothing; a good one becomes the next version,
 * audited by number and hash; other organisations are untouched; nobody else can change it.
 */
abstract class PolicyJourneyTests extends IntegrationTest {

    private static final String DEFAULT_TEXT = PolicyLoader.defaultPolicy().text();
    private static final String DEFAULT_SHA = PolicyLoader.defaultPolicy().version().sha256();

    @Autowired
    MockMvc mvc;
    @Autowired
    Fixtures fixtures;
    @Autowired
    PolicyVersions versions;
    @Autowired
    AuditTrail audit;

    @Test
    void aBadPolicyIsRefusedPreciselyAndAGoodOneBecomesVersionTwo() throws Exception {
        Organisation council = fixtures.organisation("Council");
        Organisation school = fixtures.organisation("School");
        Visitor dpo = fixtures.signIn(mvc, fixtures.person(council, Role.DATA_PROTECTION_OFFICER));
        Visitor otherDpo = fixtures.signIn(mvc, fixtures.person(school, Role.DATA_PROTECTION_OFFICER));
        String good = PolicyVersions.withVersion(DEFAULT_TEXT, 2).orElseThrow()
                .replace("full-record-due-after-emergency: 24h", "full-record-due-after-emergency: 36h");

        // The edit page starts from the policy in force with the next number already written in.
        String edit = page(dpo.get("/policy/edit").andExpect(status().isOk()));
        assertThat(edit).contains("version: 2").contains("Version <strong>1</strong> is in force");

        // Malformed YAML, typed on the page: the error says where, and version 1 stays in force.
        String malformed = good.replace("channels: [telephone, fax]", "channels: [telephone, fax");
        int malformedLine = lineOf(malformed, "channels: [telephone, fax");
        String refused = page(dpo.post("/policy/edit", "text", malformed).andExpect(status().isOk()));
        assertThat(refused).contains("There is a problem").contains("The policy was not changed")
                .contains("not valid YAML").containsPattern("Line (" + malformedLine + "|" + (malformedLine + 1) + "), column \\d+");
        assertThat(refused).contains("href=\"#text\"");
        assertThat(versions.current(council.id()).version().number()).isEqualTo(1);

        // An unknown channel, uploaded as a file: the line of the mistake, and the line itself.
        String pigeon = good.replace("channels: [telephone, fax]", "channels: [telephone, pigeon]");
        int pigeonLine = lineOf(pigeon, "channels: [telephone, pigeon]");
        String refusedUpload = page(upload(dpo, pigeon));
        assertThat(refusedUpload).contains("There is a problem").contains("Line " + pigeonLine + ", column")
                .contains("unknown channel &#39;pigeon&#39;").contains("channels: [telephone, pigeon]")
                .contains("href=\"#file\"");
        assertThat(versions.current(council.id()).version().number()).isEqualTo(1);

        // A valid file that forgets to raise the version number.
        String unnumbered = page(upload(dpo, DEFAULT_TEXT));
        assertThat(unnumbered).contains("Line " + lineOf(DEFAULT_TEXT, "version: 1") + ", column 10")
                .contains("The version must be 2, not 1");
        assertThat(versions.current(council.id()).version().number()).isEqualTo(1);
        assertThat(audit.latest(council.id(), 20)).noneMatch(e -> e.action().equals("policy.replaced"))
                .anyMatch(e -> e.action().equals("policy.rejected"));

        // The good file: version 2 is in force, kept with its text, audited by number and hash only.
        upload(dpo, good).andExpect(redirectedUrl("/policy"));
        InForce now = versions.current(council.id());
        assertThat(now.version().number()).isEqualTo(2);
        assertThat(now.policy().text()).isEqualTo(good);
        assertThat(now.stored().source()).isEqualTo(PolicySource.UPLOADED);
        AuditEntry replaced = audit.latest(council.id(), 20).stream().filter(e -> e.action().equals("policy.replaced"))
                .findFirst().orElseThrow();
        assertThat(replaced.details()).contains("\"version\":\"2\"").contains(now.version().sha256())
                .doesNotContain("safeguards").doesNotContain("telephone");
        assertThat(versions.history(council.id())).extracting(StoredPolicy::number).containsExactly(2, 1);
        assertThat(versions.history(council.id()).get(1).sha256()).isEqualTo(DEFAULT_SHA);

        String view = page(dpo.get("/policy").andExpect(status().isOk()));
        assertThat(view).contains("Version 2 of the policy is now in force").contains(now.version().sha256())
                .contains("36 hours").contains("Uploaded as a file");
        assertThat(page(dpo.get("/policy/versions/2"))).isEqualTo(good);
        assertThat(page(dpo.get("/policy/versions/1"))).isEqualTo(DEFAULT_TEXT);

        // The school is still on the default and cannot see the council's version.
        assertThat(versions.current(school.id()).version().number()).isEqualTo(1);
        assertThat(versions.current(school.id()).version().sha256()).isEqualTo(DEFAULT_SHA);
        assertThat(page(otherDpo.get("/policy"))).contains(DEFAULT_SHA).doesNotContain(now.version().sha256());
        otherDpo.get("/policy/versions/2").andExpect(status().isNotFound());

        // Back to the default: the guide's wording again, as version 3; the history keeps all three.
        dpo.post("/policy/edit/revert").andExpect(redirectedUrl("/policy"));
        InForce reverted = versions.current(council.id());
        assertThat(reverted.version().number()).isEqualTo(3);
        assertThat(reverted.stored().source()).isEqualTo(PolicySource.REVERTED);
        assertThat(reverted.policy().text().replace("version: 3", "version: 1")).isEqualTo(DEFAULT_TEXT);
        assertThat(versions.history(council.id())).extracting(StoredPolicy::number).containsExactly(3, 2, 1);
    }

    @Test
    void onlyTheDataProtectionOfficerMayChangeThePolicy() throws Exception {
        Organisation council = fixtures.organisation("Council");
        Visitor practitioner = fixtures.signIn(mvc, fixtures.person(council, Role.PRACTITIONER));
        Visitor admin = fixtures.signIn(mvc, fixtures.person(council, Role.ORGANISATION_ADMIN, Role.MANAGER));
        String good = PolicyVersions.withVersion(DEFAULT_TEXT, 2).orElseThrow();

        String view = page(practitioner.get("/policy").andExpect(status().isOk()));
        assertThat(view).contains("Sharing policy").contains("Whatever the channel").contains("email.encrypted-attachment")
                .doesNotContain("id=\"edit-policy\"");
        practitioner.get("/policy/edit").andExpect(status().isForbidden());
        practitioner.post("/policy/edit", "text", good).andExpect(status().isForbidden());
        upload(practitioner, good).andExpect(status().isForbidden());
        practitioner.post("/policy/edit/revert").andExpect(status().isForbidden());
        admin.get("/policy/edit").andExpect(status().isForbidden());
        assertThat(versions.current(council.id()).version().number()).isEqualTo(1);
    }

    @Test
    void inWelshThePolicyShowsItsWelshRenderingsAndKeepsTheGuidesQuotesInEnglish() throws Exception {
        Organisation council = fixtures.organisation("Council");
        Visitor dpo = fixtures.signIn(mvc, fixtures.person(council, Role.DATA_PROTECTION_OFFICER));

        String view = page(dpo.get("/policy?lang=cy").andExpect(status().isOk()));
        assertThat(view).contains("lang=\"cy\"").contains("Polisi rhannu").contains("Pa sianel bynnag")
                .contains("Sut i rannu gwybodaeth bersonol yn ddiogel, fesul achos")
                .contains("Gwnewch yn siŵr bod y derbynnydd yn deall at ba ddiben y mae’r wybodaeth yn cael ei rhannu.")
                .contains("Nid yw e-bost heb ei amgryptio yn ddiogel ar gyfer gwybodaeth bersonol sensitif")
                .contains("Unencrypted email is not a safe or secure method of transporting personal information.")
                .contains("24 awr").contains("Y rhagosodiad a ddaeth gyda’r gwasanaeth: y canllaw");
        NoEnglishLeft.assertNone(withoutTheGuide(view), "the policy");

        String edit = page(dpo.get("/policy/edit").andExpect(status().isOk()));
        assertThat(edit).contains("Newid y polisi rhannu").contains("Uwchlwytho ffeil polisi");
        NoEnglishLeft.assertNone(withoutTheGuide(edit), "the edit page");
        assertThat(page(dpo.post("/policy/edit", "text", "   "))).contains("Mae problem wedi codi").contains("Rhowch y polisi");

        // The loader's refusals in Welsh too: the version, and YAML it cannot read (the YAML library's own words stay English).
        String unnumbered = page(upload(dpo, DEFAULT_TEXT));
        assertThat(unnumbered).contains("Rhaid i’r fersiwn fod yn 2, nid 1: fersiwn 1 sydd mewn grym")
                .doesNotContain("The version must be");
        String malformed = page(dpo.post("/policy/edit", "text", PolicyVersions.withVersion(DEFAULT_TEXT, 2).orElseThrow()
                .replace("channels: [telephone, fax]", "channels: [telephone, fax")));
        assertThat(malformed).contains("nid yw’r ffeil yn YAML dilys: ").doesNotContain("the file is not valid YAML");
    }

    @Test
    void aFieldLevelMistakeIsSaidInWelshWithThePolicysOwnNamesLeftAsWritten() throws Exception {
        Organisation council = fixtures.organisation("Council");
        Visitor dpo = fixtures.signIn(mvc, fixtures.person(council, Role.DATA_PROTECTION_OFFICER));
        String broken = PolicyVersions.withVersion(DEFAULT_TEXT, 2).orElseThrow()
                .replace("      channels: [telephone, fax]\n      outcome: refused", "      channels: [telephone, pigeon]\n      outcome: maybe")
                .replace("    then:\n      channels: all\n      outcome: allowed", "    then:\n      chanels: all\n      outcome: allowed");
        dpo.get("/policy/edit?lang=cy").andExpect(status().isOk());

        String html = page(dpo.post("/policy/edit", "text", broken));
        org.jsoup.nodes.Element summary = org.jsoup.Jsoup.parse(html).selectFirst("#error-summary");
        assertThat(summary).isNotNull();
        assertThat(summary.text()).contains("Mae problem wedi codi",
                "maes anhysbys 'chanels' o fewn y rheol 'baseline-risk-based': then; disgwylir un o’r rhain: advice,",
                "y rheol 'baseline-risk-based': then: mae’r maes 'channels' ar goll",
                "sianel anhysbys 'pigeon'; disgwylir un o’r rhain: telephone, by-hand,",
                "canlyniad anhysbys 'maybe'; disgwylir un o’r rhain: allowed,");
        NoEnglishLeft.assertNone(summary.text(), "the loader's field-level errors");
        assertThat(versions.current(council.id()).version().number()).isEqualTo(1);

        // The same mistakes in English, word for word as the loader has always said them.
        dpo.get("/policy/edit?lang=en").andExpect(status().isOk());
        String english = org.jsoup.Jsoup.parse(page(dpo.post("/policy/edit", "text", broken))).selectFirst("#error-summary").text();
        assertThat(english).contains("unknown field 'chanels' in rule 'baseline-risk-based': then; expected one of: advice,",
                "rule 'baseline-risk-based': then is missing the field 'channels'", "unknown channel 'pigeon'; expected one of:",
                "unknown outcome 'maybe'; expected one of: allowed,");
    }

    @Test
    void emptyAndMissingInputIsAnsweredInPlainWords() throws Exception {
        Organisation council = fixtures.organisation("Council");
        Visitor dpo = fixtures.signIn(mvc, fixtures.person(council, Role.DATA_PROTECTION_OFFICER));
        assertThat(page(dpo.post("/policy/edit", "text", "   "))).contains("There is a problem").contains("Enter the policy");
        assertThat(page(dpo.perform(MockMvcRequestBuilders.multipart("/policy/edit/upload").with(csrf()))))
                .contains("Select a policy file");
        assertThat(page(dpo.perform(MockMvcRequestBuilders.multipart("/policy/edit/upload")
                .file(new MockMultipartFile("file", "policy.yaml", "text/yaml", new byte[] {(byte) 0xff, (byte) 0xfe, 0x41}))
                .with(csrf())))).contains("saved as UTF-8");
        assertThat(versions.current(council.id()).version().number()).isEqualTo(1);
        assertThat(versions.history(council.id())).hasSize(1);
    }

    /**
     * The page's text without the guide's passages, quoted in English on every page by design, nor
     * the policy file being edited, which is the file as written.
     */
    private static String withoutTheGuide(String html) {
        org.jsoup.nodes.Document page = org.jsoup.Jsoup.parse(html);
        page.select(".caseshare-passage, textarea").remove();
        return page.text();
    }

    private ResultActions upload(Visitor visitor, String text) throws Exception {
        return visitor.perform(MockMvcRequestBuilders.multipart("/policy/edit/upload")
                .file(new MockMultipartFile("file", "policy.yaml", "text/yaml", text.getBytes(StandardCharsets.UTF_8)))
                .with(csrf()));
    }

    private static String page(ResultActions result) throws Exception {
        return result.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    private static int lineOf(String text, String fragment) {
        List<String> lines = text.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(fragment)) {
                return i + 1;
            }
        }
        throw new IllegalArgumentException(fragment + " is not in the text");
    }
}
