package org.caseshare.sharing;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.caseshare.audit.AuditEntry;
import org.caseshare.audit.AuditTrail;
import org.caseshare.directory.Directory;
import org.caseshare.directory.DirectoryEntry;
import org.caseshare.directory.Organisation;
import org.caseshare.directory.OrganisationKind;
import org.caseshare.directory.Switchboard;
import org.caseshare.directory.TelephoneNumber;
import org.caseshare.identity.Account;
import org.caseshare.identity.Role;
import org.caseshare.support.Fixtures;
import org.caseshare.support.IntegrationTest;
import org.caseshare.support.NameCorpus;
import org.caseshare.support.NoEnglishLeft;
import org.caseshare.support.Poppler;
import org.caseshare.support.TestClock;
import org.caseshare.support.Visitor;
import org.caseshare.system.Actor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.util.AopTestUtils;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The register through the pages: record a share, authorise it, complete the checklist, share,
 * confirm receipt, close; and every way the lifecycle refuses what the guide does not allow.
 */
abstract class SharingJourneyTests extends IntegrationTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    Fixtures fixtures;
    @Autowired
    Directory directory;
    @Autowired
    SharingRegister register;
    @Autowired
    AuditTrail audit;
    @Autowired
    TestClock clock;
    @Autowired
    RegisterSearch search;

    record Council(Organisation organisation, Account practitioner, Account manager, DirectoryEntry health, DirectoryEntry charity) {
    }

    Council council() {
        Organisation council = fixtures.organisation("Council");
        Account admin = fixtures.person(council, Role.ORGANISATION_ADMIN);
        Actor caller = new Actor(admin.id(), council.id(), admin.displayName(), Set.of(Actor.ORGANISATION_ADMIN));
        DirectoryEntry health = directory.addEntry(caller, "Wessex Health Trust", OrganisationKind.HEALTH,
                List.of(new Switchboard(TelephoneNumber.parse("0118 974 6000"), null)));
        directory.markVerified(caller, health.id(), health.switchboards().get(0).id());
        DirectoryEntry charity = directory.addEntry(caller, "Helping Hands Charity", OrganisationKind.VOLUNTARY,
                List.of(new Switchboard(TelephoneNumber.parse("0118 900 1000"), null)));
        return new Council(council, fixtures.person(council, Role.PRACTITIONER), fixtures.person(council, Role.MANAGER), health, charity);
    }

    /** A complete routine telephone share, as the form posts it; extra pairs override. */
    static String[] share(String token, DirectoryEntry entry, String... overrides) {
        List<String> fields = new ArrayList<>(List.of("formToken", token, "direction", "WE_SHARE",
                "subjectName", "Alex Example", "subjectDateOfBirth", "27/3/2015", "subjectReference", "C-1001",
                "subjectName", "", "subjectDateOfBirth", "", "subjectReference", "",
                "information", "School attendance summary for this term", "categories", "PERSONAL", "marking", "OFFICIAL",
                "urgency", "ROUTINE", "purpose", "Health visitor assessment of the child's needs",
                "necessity", "The assessment cannot be done without attendance information",
                "lawfulBasis", "PUBLIC_TASK", "consentSought", "no", "consentNotSought", "WOULD_CAUSE_DELAY",
                "adviceFrom", "NONE", "decision", "SHARE", "decisionReasons", "Proportionate and necessary for the assessment",
                "channel", "TELEPHONE", "recipientEntry", entry.id().toString(), "recipientName", "Sam Nurse",
                "recipientJobTitle", "Health visitor", "recipientDepartment", "Children's community health",
                "personInformed", "YES"));
        for (int i = 0; i + 1 < overrides.length; i += 2) {
            int at = fields.indexOf(overrides[i]);
            if (at >= 0 && at % 2 == 0) {
                fields.set(at + 1, overrides[i + 1]);
            } else {
                fields.add(overrides[i]);
                fields.add(overrides[i + 1]);
            }
        }
        return fields.toArray(String[]::new);
    }

    @Test
    void invisibleCharactersAreExplainedInTheErrorSummaryAndNothingIsRecorded() throws Exception {
        Council c = council();
        Visitor practitioner = fixtures.signIn(mvc, c.practitioner());

        String page = practitioner.post("/sharing/new", share(UUID.randomUUID().toString(), c.health(),
                "subjectName", "Alex \u202EelpmaxE", "decisionReasons", "Necessary\r\nand\u0007 proportionate"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(page).contains("govuk-error-summary",
                "Subject name must not contain the invisible text-direction character U+202E (at position 6)",
                "Decision reasons must not contain the control character U+0007 (at position 15)");
        practitioner.post("/sharing").andExpect(content().string(containsString("0 records")));
    }

    static UUID idFrom(ResultActions result) {
        String url = result.andReturn().getResponse().getRedirectedUrl();
        assertThat(url).startsWith("/sharing/");
        return UUID.fromString(url.substring("/sharing/".length(), "/sharing/".length() + 36));
    }

    @Test
    void aShareNeedingAuthorisationGoesFromDraftToClosed() throws Exception {
        Council c = council();
        Visitor practitioner = fixtures.signIn(mvc, c.practitioner());
        Visitor manager = fixtures.signIn(mvc, c.manager());

        // Step 1: the blank form has sensible defaults and shows the policy beside the channels.
        practitioner.get("/sharing/new").andExpect(status().isOk()).andExpect(content().string(allOf(
                containsString("Record a share"), containsString("Wessex Health Trust"), containsString("Allowed"))));

        // Step 2: sensitive information to a charity by telephone needs a manager (the policy says so).
        UUID id = idFrom(practitioner.post("/sharing/new", share(UUID.randomUUID().toString(), c.charity(),
                "marking", "OFFICIAL_SENSITIVE:PERSONAL", "recipientName", "Pat Worker", "recipientJobTitle", "Family support worker",
                "recipientDepartment", "Family support")).andExpect(status().is3xxRedirection()));
        SharingRecord record = register.get(c.organisation().id(), id);
        assertThat(record.status()).isEqualTo(Status.AWAITING_AUTHORISATION);
        assertThat(record.content().recipient().organisation()).isEqualTo("Helping Hands Charity");
        assertThat(record.content().recipient().telephone()).isEqualTo("0118 900 1000");
        assertThat(record.policy().requiredSafeguards()).contains("telephone.verify-requester", "recipient.purpose");
        assertThat(record.policy().version().number()).isEqualTo(1);

        // Step 3: sharing before authorisation is refused, even with the checklist done.
        String[] everything = checklist(record, "share");
        practitioner.post("/sharing/" + id + "/checklist", everything).andExpect(status().isConflict())
                .andExpect(content().string(containsString("must be authorised by the manager")));
        assertThat(register.get(c.organisation().id(), id).confirmations()).isEmpty();

        // Step 4: the practitioner cannot authorise; the manager sees it in the queue and authorises.
        practitioner.post("/sharing/" + id + "/authorise").andExpect(status().isConflict());
        practitioner.get("/sharing/authorisations").andExpect(status().isForbidden());
        manager.get("/sharing/authorisations").andExpect(status().isOk()).andExpect(content().string(containsString("Helping Hands Charity")));
        manager.post("/sharing/" + id + "/authorise").andExpect(status().is3xxRedirection());
        assertThat(register.get(c.organisation().id(), id).authorisation().orElseThrow().accountId()).isEqualTo(c.manager().id());

        // Step 5: one unticked safeguard and the share is refused; all ticked and it is shared.
        String[] allButOne = checklist(record, "share");
        List<String> fewer = new ArrayList<>(List.of(allButOne));
        int last = fewer.lastIndexOf("safeguard");
        fewer.remove(last + 1);
        fewer.remove(last);
        practitioner.post("/sharing/" + id + "/checklist", fewer.toArray(String[]::new)).andExpect(status().isConflict())
                .andExpect(content().string(containsString("Confirm every safeguard on the checklist before you share")));
        assertThat(register.get(c.organisation().id(), id).status()).isEqualTo(Status.AUTHORISED);
        practitioner.post("/sharing/" + id + "/checklist", checklist(register.get(c.organisation().id(), id), "share"))
                .andExpect(status().is3xxRedirection());
        record = register.get(c.organisation().id(), id);
        assertThat(record.status()).isEqualTo(Status.SHARED);
        assertThat(record.confirmations().values()).allSatisfy(s -> assertThat(s.accountId()).isEqualTo(c.practitioner().id()));

        // Step 6: receipt confirmed, then closed; the page shows the timeline.
        practitioner.post("/sharing/" + id + "/confirm-receipt").andExpect(status().is3xxRedirection());
        practitioner.post("/sharing/" + id + "/close").andExpect(status().is3xxRedirection());
        practitioner.get("/sharing/" + id).andExpect(status().isOk()).andExpect(content().string(allOf(
                containsString("Closed"), containsString("Authorised"), containsString("safeguards confirmed"), containsString("Pat Worker"),
                not(containsString("safeguard-confirmed")))));

        // Step 7: every change is audited by identifiers only.
        List<AuditEntry> trail = audit.latest(c.organisation().id(), 50);
        assertThat(trail).extracting(AuditEntry::action).contains("sharing.record-created", "sharing.authorised",
                "sharing.safeguard-confirmed", "sharing.shared", "sharing.receipt-confirmed", "sharing.closed");
        assertThat(trail).allSatisfy(e -> assertThat(e.details() + e.target()).doesNotContain("Alex", "Pat", "C-1001", "Charity"));
    }

    /** The checklist form with every required safeguard ticked. */
    static String[] checklist(SharingRecord record, String action) {
        List<String> fields = new ArrayList<>(List.of("action", action));
        record.policy().requiredSafeguards().forEach(s -> {
            fields.add("safeguard");
            fields.add(s);
        });
        return fields.toArray(String[]::new);
    }

    @Test
    void aManagerRefusesAndOtherDecisionsAreRecordedWithTheirReasons() throws Exception {
        Council c = council();
        Visitor practitioner = fixtures.signIn(mvc, c.practitioner());
        Visitor manager = fixtures.signIn(mvc, c.manager());
        UUID refused = idFrom(practitioner.post("/sharing/new", share(UUID.randomUUID().toString(), c.charity(),
                "marking", "OFFICIAL_SENSITIVE")));
        manager.post("/sharing/" + refused + "/refuse", "reason", "").andExpect(status().isConflict())
                .andExpect(content().string(containsString("Enter why the share is refused")));
        manager.post("/sharing/" + refused + "/refuse", "reason", "Use the secure hub instead").andExpect(status().is3xxRedirection());
        assertThat(register.get(c.organisation().id(), refused).status()).isEqualTo(Status.REFUSED);
        practitioner.post("/sharing/" + refused + "/checklist", "action", "share").andExpect(status().isConflict());

        UUID declined = idFrom(practitioner.post("/sharing/new", share(UUID.randomUUID().toString(), c.health())));
        practitioner.post("/sharing/" + declined + "/decline", "reason", "Not necessary after all").andExpect(status().is3xxRedirection());
        assertThat(register.get(c.organisation().id(), declined).status()).isEqualTo(Status.DECLINED);
        assertThat(register.get(c.organisation().id(), declined).refusalReason()).hasValue("Not necessary after all");

        UUID notShared = idFrom(practitioner.post("/sharing/new", share(UUID.randomUUID().toString(), c.health(),
                "decision", "DO_NOT_SHARE", "decisionReasons", "Risk to the child outweighs the benefit")));
        assertThat(register.get(c.organisation().id(), notShared).status()).isEqualTo(Status.DECLINED);

        UUID cancelled = idFrom(practitioner.post("/sharing/new", share(UUID.randomUUID().toString(), c.health())));
        practitioner.post("/sharing/" + cancelled + "/cancel").andExpect(status().is3xxRedirection());
        assertThat(register.get(c.organisation().id(), cancelled).status()).isEqualTo(Status.CANCELLED);
        assertThat(audit.latest(c.organisation().id(), 50)).extracting(AuditEntry::action)
                .contains("sharing.refused", "sharing.declined", "sharing.cancelled");
    }

    @Test
    void anEmergencyIsSharedAtOnceAndItsLateFullRecordIsListed() throws Exception {
        Council c = council();
        Visitor practitioner = fixtures.signIn(mvc, c.practitioner());
        Visitor manager = fixtures.signIn(mvc, c.manager());
        UUID id = idFrom(practitioner.post("/sharing/new", "formToken", UUID.randomUUID().toString(), "direction", "WE_SHARE",
                "subjectName", "Jo Emergency", "subjectReference", "C-911", "information", "Address and current risk",
                "categories", "CHILD_SAFEGUARDING", "marking", "OFFICIAL", "urgency", "EMERGENCY", "purpose", "Child at immediate risk",
                "decision", "SHARE", "channel", "TELEPHONE", "recipientEntry", c.health().id().toString(), "recipientName", "Duty nurse"));
        SharingRecord record = register.get(c.organisation().id(), id);
        assertThat(record.status()).isEqualTo(Status.SHARED);
        assertThat(record.fullRecordDue()).hasValue(record.decidedBy().at().plus(Duration.ofHours(24)));
        practitioner.get("/sharing/overdue").andExpect(content().string(not(containsString("Jo Emergency"))));

        clock.advance(Duration.ofHours(25));
        // A day later the sessions have ended: both sign in again.
        practitioner = fixtures.signIn(mvc, c.practitioner());
        manager = fixtures.signIn(mvc, c.manager());
        practitioner.get("/sharing/overdue").andExpect(content().string(containsString("Jo Emergency")));
        manager.get("/sharing/overdue").andExpect(content().string(containsString("Jo Emergency")));
        practitioner.get("/sharing/" + id).andExpect(content().string(containsString("Complete the full record")));
    }

    @Test
    void badInputSavesNothingAndASecondSubmissionFindsTheFirstRecord() throws Exception {
        Council c = council();
        Visitor practitioner = fixtures.signIn(mvc, c.practitioner());
        practitioner.post("/sharing/new", "formToken", UUID.randomUUID().toString(), "direction", "WE_SHARE", "subjectName", "Nobody",
                "subjectDateOfBirth", "31/2/2015", "categories", "PERSONAL", "marking", "OFFICIAL", "urgency", "ROUTINE", "channel", "TELEPHONE",
                "recipientTelephone", "12345")
                .andExpect(status().isOk()).andExpect(content().string(allOf(containsString("There is a problem"),
                        containsString("Enter a date of birth as a real date"), containsString("Describe what information is being shared"),
                        containsString("Enter the purpose"), containsString("Select the decision"), containsString("Select whether consent was sought"),
                        containsString("Enter the recipient&#39;s organisation"), containsString("Enter a UK telephone number"))));
        assertThat(new RegisterCount(practitioner).count()).isZero();

        String token = UUID.randomUUID().toString();
        UUID first = idFrom(practitioner.post("/sharing/new", share(token, c.health())));
        UUID second = idFrom(practitioner.post("/sharing/new", share(token, c.health())));
        assertThat(second).isEqualTo(first);
        assertThat(new RegisterCount(practitioner).count()).isEqualTo(1);
    }

    /** How many records the register page says there are. */
    record RegisterCount(Visitor visitor) {
        long count() throws Exception {
            String page = visitor.get("/sharing").andReturn().getResponse().getContentAsString();
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("id=\"count\">(\\d+) record").matcher(page);
            assertThat(m.find()).isTrue();
            return Long.parseLong(m.group(1));
        }
    }

    @Test
    void aStaleEditIsRefused() throws Exception {
        Council c = council();
        Visitor practitioner = fixtures.signIn(mvc, c.practitioner());
        UUID id = idFrom(practitioner.post("/sharing/new", share(UUID.randomUUID().toString(), c.health())));
        int version = register.get(c.organisation().id(), id).version();
        practitioner.post("/sharing/" + id + "/edit", share("x", c.health(), "version", Integer.toString(version), "purpose", "Updated purpose"))
                .andExpect(status().is3xxRedirection());
        practitioner.post("/sharing/" + id + "/edit", share("x", c.health(), "version", Integer.toString(version), "purpose", "Stale purpose"))
                .andExpect(status().isConflict()).andExpect(content().string(containsString("Someone else changed this record")));
        practitioner.post("/sharing/" + id + "/cancel", "version", Integer.toString(version)).andExpect(status().isConflict());
        assertThat(register.get(c.organisation().id(), id).content().purpose()).isEqualTo("Updated purpose");
        assertThat(register.get(c.organisation().id(), id).status()).isEqualTo(Status.READY);
    }

    @Test
    void anotherTenantNeverSeesTheRecordsAndTheRegisterFindsThem() throws Exception {
        Council c = council();
        Visitor practitioner = fixtures.signIn(mvc, c.practitioner());
        UUID id = idFrom(practitioner.post("/sharing/new", share(UUID.randomUUID().toString(), c.health())));
        idFrom(practitioner.post("/sharing/new", share(UUID.randomUUID().toString(), c.health(), "subjectName", "Billie Other",
                "subjectReference", "C-2002", "channel", "POST", "recipientAddress", "1 High Street, Wokingham RG40 1BN")));

        Organisation school = fixtures.organisation("School");
        Visitor other = fixtures.signIn(mvc, fixtures.person(school, Role.PRACTITIONER));
        other.get("/sharing/" + id).andExpect(status().isNotFound());
        other.post("/sharing/" + id + "/cancel").andExpect(status().isNotFound());
        other.post("/sharing", "person", "Alex").andExpect(content().string(not(containsString("Alex Example"))));
        other.post("/sharing/subjects", "reference", "C-1001").andExpect(content().string(containsString("0 records")));

        practitioner.post("/sharing", "person", "alex").andExpect(content().string(allOf(containsString("1 record"),
                containsString("Alex Example"), not(containsString("Billie Other")))));
        practitioner.post("/sharing", "channel", "POST").andExpect(content().string(allOf(containsString("Billie Other"), not(containsString("Alex Example")))));
        practitioner.post("/sharing", "recipient", "wessex", "status", "READY").andExpect(content().string(containsString("2 records")));
        practitioner.post("/sharing", "from", "1/1/2000", "to", "2/1/2000").andExpect(content().string(containsString("0 records")));
        String csv = practitioner.post("/sharing/export.csv", "person", "C-2002").andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(csv).contains("Billie Other (C-2002)").doesNotContain("Alex Example").startsWith("\uFEFFrecord,recorded,status");
        AuditEntry registerExport = audit.latestWithAction("sharing.register-exported", 1).get(0);
        assertThat(registerExport.organisationId()).isEqualTo(c.organisation().id());
        assertThat(registerExport.details()).contains("\"records\":\"1\"", "\"filters\":\"person\"")
                .as("the person searched for is not in the trail").doesNotContain("C-2002");
        practitioner.post("/sharing/subjects", "reference", "c-1001").andExpect(content().string(allOf(containsString("1 record"),
                containsString("Wessex Health Trust"), containsString("Health visitor assessment"))));
        assertThat(practitioner.post("/sharing/subjects.csv", "reference", "C-1001").andReturn().getResponse().getContentAsString())
                .contains("Alex Example (C-1001)");

        // The subject view printed for a subject access response: this person's records only, marked, audited.
        byte[] pdf = practitioner.post("/sharing/subjects.pdf", "reference", "c-1001").andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", "attachment; filename=\"subject-disclosures.pdf\"; filename*=UTF-8''subject-disclosures.pdf"))
                .andReturn().getResponse().getContentAsByteArray();
        String text = pdfText(pdf);
        assertThat(text).contains("OFFICIAL-SENSITIVE", "Case reference c-1001", "Record 1 of 1", "Wessex Health Trust",
                "Health visitor assessment", "Sam Nurse").doesNotContain("Billie Other", "1 High Street");
        assertThat(pdfText(other.post("/sharing/subjects.pdf", "reference", "C-1001").andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsByteArray())).contains("None: nothing about this person").doesNotContain("Wessex");
        practitioner.post("/sharing/subjects.pdf").andExpect(status().isOk())
                .andExpect(content().string(containsString("case reference or their full name")));
        assertThat(audit.latest(c.organisation().id(), 20)).extracting(AuditEntry::action).contains("sharing.subject-exported");

        // Downloaded by a Welsh reader: the labels and the words in the values are Welsh, what the register holds as stored.
        practitioner.get("/sharing/subjects?lang=cy").andExpect(status().isOk());
        String welsh = Poppler.text(practitioner.post("/sharing/subjects.pdf", "reference", "c-1001").andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray());
        assertThat(welsh).contains("Rhannu a gofnodwyd am un unigolyn", "Unigolyn", "Cyfeirnod achos c-1001", "Cofnodion a ganfuwyd",
                "Cofnod 1 o 1", "Cyfeiriad: Rydym yn rhannu", "Derbynnydd: Sam Nurse, Wessex Health Trust", "Penderfynwyd gan: ", "Sianel: Ffôn",
                "Health visitor assessment")
                .doesNotContain("Sharing recorded", "Case reference", "Record 1 of 1", "Recorded:", "Direction:", "Records found", " by ");
        NoEnglishLeft.assertNone(welsh.replaceAll("(Gwybodaeth|Diben): .*", ""), "the subject access document in Welsh");
    }

    @Test
    void everyNameIsRecordedAsTypedFoundWithoutItsAccentsExportedAndPrinted() throws Exception {
        Council c = council();
        Visitor practitioner = fixtures.signIn(mvc, c.practitioner());
        int n = 0;
        for (NameCorpus.Entry entry : NameCorpus.ENTRIES) {
            // Typed decomposed ("a" and a combining circumflex), as some keyboards and pastes send it: stored composed.
            String typed = Normalizer.normalize(entry.name(), Normalizer.Form.NFD);
            idFrom(practitioner.post("/sharing/new", share(UUID.randomUUID().toString(), c.health(), "subjectName", typed,
                    "subjectReference", "N-" + n++)));
        }

        String register = practitioner.post("/sharing").andReturn().getResponse().getContentAsString();
        assertThat(register).contains(NameCorpus.ENTRIES.stream().map(NameCorpus.Entry::name).toArray(String[]::new));
        practitioner.post("/sharing", "person", "Sian Llyr").andExpect(content().string(allOf(containsString("1 record"),
                containsString("Siân Llŷr"))));
        practitioner.post("/sharing", "person", "lukasz zolc").andExpect(content().string(allOf(containsString("1 record"),
                containsString("Łukasz Żółć"))));
        practitioner.post("/sharing", "person", "Nguyen Thi").andExpect(content().string(containsString("Nguyễn Thị Minh Khai")));
        practitioner.post("/sharing", "person", "Стефан").andExpect(content().string(containsString("0 records")));

        byte[] csv = practitioner.post("/sharing/export.csv").andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        assertThat(Arrays.copyOf(csv, 3)).as("UTF-8 byte order mark").containsExactly(0xEF, 0xBB, 0xBF);
        String csvText = new String(csv, StandardCharsets.UTF_8);
        for (NameCorpus.Entry entry : NameCorpus.ENTRIES) {
            assertThat(csvText).contains(entry.name());
            byte[] pdf = practitioner.post("/sharing/subjects.pdf", "name", entry.name()).andExpect(status().isOk())
                    .andReturn().getResponse().getContentAsByteArray();
            assertThat(Poppler.text(pdf)).contains(entry.name(), "Record 1 of 1");
            assertThat(Poppler.fonts(pdf)).allSatisfy(font -> assertThat(font[1]).as(font[0] + " embedded").isEqualTo("yes"));
        }
    }

    @Test
    void textThatIsNotTextIsRefusedInItsFieldAndNothingIsRecorded() throws Exception {
        Council c = council();
        Visitor practitioner = fixtures.signIn(mvc, c.practitioner());

        String page = practitioner.post("/sharing/new", share(UUID.randomUUID().toString(), c.health(),
                "subjectName", "Ann\uD800 Example", "information", "Attendance \uFFFE summary",
                "purpose", "Q" + "\u0301".repeat(11) + "algo")).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(page).contains("govuk-error-summary", "Subject name contains half of a character (U+D800, an unpaired surrogate, at position 4)",
                "Information must not contain the non-character U+FFFE (at position 12)",
                "Purpose has more than 10 accents or marks on one letter (at position 12)");
        practitioner.post("/sharing").andExpect(content().string(containsString("0 records")));

        // On a Welsh page, in Welsh.
        practitioner.get("/sharing/new?lang=cy").andExpect(status().isOk());
        String welsh = practitioner.post("/sharing/new", share(UUID.randomUUID().toString(), c.health(),
                "information", "Attendance \uFFFE summary")).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(welsh).contains("Ni ddylai’r maes hwn gynnwys y nod annilys U+FFFE (yn safle 12)").doesNotContain("must not contain");
    }

    static String pdfText(byte[] pdf) throws java.io.IOException {
        try (var document = org.apache.pdfbox.Loader.loadPDF(pdf)) {
            return new org.apache.pdfbox.text.PDFTextStripper().getText(document);
        }
    }

    @Test
    void theRecipientFilterPrefersAnExactNameAndTheCountStopsAtItsLimit() throws Exception {
        Council c = council();
        Account admin = fixtures.person(c.organisation(), Role.ORGANISATION_ADMIN);
        Actor caller = new Actor(admin.id(), c.organisation().id(), admin.displayName(), Set.of(Actor.ORGANISATION_ADMIN));
        DirectoryEntry community = directory.addEntry(caller, "Wessex Health Trust Community Services", OrganisationKind.HEALTH,
                List.of(new Switchboard(TelephoneNumber.parse("0118 974 7000"), null)));
        Visitor practitioner = fixtures.signIn(mvc, c.practitioner());
        idFrom(practitioner.post("/sharing/new", share(UUID.randomUUID().toString(), c.health())));
        idFrom(practitioner.post("/sharing/new", share(UUID.randomUUID().toString(), community)));

        practitioner.post("/sharing", "recipient", " wessex HEALTH trust ").andExpect(content().string(allOf(
                containsString("id=\"count\">1 record"), containsString("named exactly ‘wessex HEALTH trust’"))));
        practitioner.post("/sharing", "recipient", "Wessex Health Trust", "recipientMatch", "contains").andExpect(content().string(allOf(
                containsString("id=\"count\">2 records"), containsString("whose name contains ‘Wessex Health Trust’"))));
        practitioner.post("/sharing", "recipient", "community").andExpect(content().string(containsString("id=\"count\">1 record")));

        RegisterSearch target = AopTestUtils.getTargetObject(search);
        target.countLimit = 1;
        try {
            // The last page tells the true number even past the limit.
            practitioner.post("/sharing", "recipient", "wessex").andExpect(content().string(allOf(
                    containsString("id=\"count\">2 records"), not(containsString("id=\"next\"")))));
            for (int i = 0; i < RegisterSearch.PAGE_SIZE; i++) {
                idFrom(practitioner.post("/sharing/new", share(UUID.randomUUID().toString(), community)));
            }
            practitioner.post("/sharing", "recipient", "wessex").andExpect(content().string(allOf(
                    containsString("More than 1 records"), containsString("Page 1 of more than 1"), containsString("id=\"next\""))));
            practitioner.post("/sharing", "recipient", "wessex", "page", "1").andExpect(content().string(allOf(
                    containsString("id=\"count\">27 records"), containsString("id=\"previous\""), not(containsString("id=\"next\"")))));
            assertThat(search.count(c.organisation().id(), new RegisterSearch.Filter(null, "wessex", false, null, null, null, null, null,
                    null, false))).isEqualTo(new RegisterSearch.Count(1, false));
        } finally {
            target.countLimit = RegisterSearch.COUNT_LIMIT;
        }
    }

    @Test
    void aCallerIsVerifiedByCallingBackBeforeAnythingIsDisclosed() throws Exception {
        Council c = council();
        Visitor practitioner = fixtures.signIn(mvc, c.practitioner());
        UUID id = idFrom(practitioner.post("/sharing/new", share(UUID.randomUUID().toString(), c.health(),
                "direction", "REQUEST_RECEIVED", "numberGiven", "07700 900123")));
        SharingRecord record = register.get(c.organisation().id(), id);
        assertThat(record.content().numberCheck()).isEqualTo("MOBILE");
        practitioner.get("/sharing/" + id + "/checklist").andExpect(content().string(allOf(containsString("Call the requester back"),
                containsString("Mobile – call the switchboard instead"), containsString("0118 974 6000"), containsString("Verified"))));
        practitioner.post("/sharing/" + id + "/checklist", checklist(record, "share")).andExpect(status().isConflict())
                .andExpect(content().string(containsString("Call the requester back on their organisation")));

        List<String> withCallBack = new ArrayList<>(List.of(checklist(record, "share")));
        withCallBack.addAll(List.of("callBackNumber", "0118 974 6000", "callBackOutcome", "verified"));
        practitioner.post("/sharing/" + id + "/checklist", withCallBack.toArray(String[]::new)).andExpect(status().is3xxRedirection());
        record = register.get(c.organisation().id(), id);
        assertThat(record.status()).isEqualTo(Status.SHARED);
        assertThat(record.callBack().orElseThrow().by().accountId()).isEqualTo(c.practitioner().id());

        UUID unverified = idFrom(practitioner.post("/sharing/new", share(UUID.randomUUID().toString(), c.health(),
                "direction", "REQUEST_RECEIVED", "numberGiven", "0118 974 6000")));
        practitioner.post("/sharing/" + unverified + "/checklist", "callBackNumber", "0118 974 6000", "callBackOutcome", "not-verified",
                "callBackNote", "Switchboard had nobody of that name", "action", "save").andExpect(status().is3xxRedirection());
        SharingRecord declined = register.get(c.organisation().id(), unverified);
        assertThat(declined.status()).isEqualTo(Status.DECLINED);
        assertThat(declined.refusalReason()).hasValue("Switchboard had nobody of that name");
        assertThat(audit.latest(c.organisation().id(), 50)).extracting(AuditEntry::action)
                .contains("sharing.caller-verified", "sharing.caller-not-verified", "sharing.declined");
    }
}
