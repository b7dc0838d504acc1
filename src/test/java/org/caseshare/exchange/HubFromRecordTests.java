package org.caseshare.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.caseshare.audit.AuditTrail;
import org.caseshare.directory.Directory;
import org.caseshare.directory.DirectoryEntry;
import org.caseshare.directory.Organisation;
import org.caseshare.directory.OrganisationKind;
import org.caseshare.identity.Account;
import org.caseshare.identity.Role;
import org.caseshare.system.Actor;
import org.caseshare.sharing.PackageReceiptConfirmed;
import org.caseshare.sharing.SharingRecord;
import org.caseshare.sharing.SharingRegister;
import org.caseshare.sharing.Status;
import org.caseshare.support.Fixtures;
import org.caseshare.support.IntegrationTest;
import org.caseshare.support.SettledOutbox;
import org.caseshare.support.Visitor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A package sent from a sharing record whose channel is the secure hub: it carries the record's
 * purpose and limits of consent to the acknowledgement page, sending it marks the record shared (only
 * with the checklist done), and the first download confirms receipt on the record.
 */
abstract class HubFromRecordTests extends IntegrationTest {

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
    JdbcClient jdbc;
    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    PlatformTransactionManager transactionManager;

    Organisation council;
    Organisation school;
    DirectoryEntry schoolEntry;
    Account practitionerAccount;
    Account partner;
    Visitor practitioner;

    @BeforeEach
    void people() throws Exception {
        council = fixtures.organisation("Council");
        school = fixtures.organisation("School");
        Account admin = fixtures.person(council, Role.ORGANISATION_ADMIN);
        schoolEntry = directory.addEntry(new Actor(admin.id(), council.id(), admin.displayName(), Set.of(Actor.ORGANISATION_ADMIN)),
                school.name(), OrganisationKind.SCHOOL);
        partner = fixtures.person(school, Role.PARTNER);
        practitionerAccount = fixtures.person(council, Role.PRACTITIONER);
        practitioner = fixtures.signIn(mvc, practitionerAccount);
    }

    /** A routine share to the school's named teacher; extra pairs override. */
    static String[] share(DirectoryEntry entry, String email, String... overrides) {
        List<String> fields = new ArrayList<>(List.of("formToken", UUID.randomUUID().toString(), "direction", "WE_SHARE",
                "subjectName", "Robin Pupil", "subjectDateOfBirth", "3/4/2014", "subjectReference", "C-7001",
                "information", "Transition plan and attendance", "categories", "PERSONAL", "marking", "OFFICIAL_SENSITIVE:PERSONAL",
                "urgency", "ROUTINE", "purpose", "Plan the move to secondary school",
                "necessity", "The school cannot plan support without it", "lawfulBasis", "PUBLIC_TASK",
                "consentSought", "yes", "consentGivenBy", "Parent", "consentLimits", "Only the head of year and the SENCo may see it",
                "adviceFrom", "NONE", "decision", "SHARE", "decisionReasons", "Necessary and proportionate for the transition",
                "channel", "SECURE_HUB", "recipientEntry", entry.id().toString(), "recipientName", "Jo Teacher",
                "recipientJobTitle", "Head of year", "recipientDepartment", "Year 6", "recipientTelephone", "0118 974 1000", "recipientEmail", email, "personInformed", "YES", "reviewDate", "31/7/2027"));
        for (int i = 0; i + 1 < overrides.length; i += 2) {
            int at = fields.indexOf(overrides[i]);
            fields.set(at + 1, overrides[i + 1]);
        }
        return fields.toArray(String[]::new);
    }

    UUID record(String... overrides) throws Exception {
        MockHttpServletResponse created = practitioner.post("/sharing/new", share(schoolEntry, partner.email(), overrides)).andReturn().getResponse();
        assertThat(created.getStatus()).as(created.getContentAsString()).isEqualTo(302);
        return UUID.fromString(created.getRedirectedUrl().substring("/sharing/".length(), "/sharing/".length() + 36));
    }

    @Test
    void aPackageFromARecordCarriesItsTermsSharesItAndConfirmsReceiptOnIt() throws Exception {
        UUID recordId = record();
        SharingRecord record = register.get(council.id(), recordId);
        assertThat(record.status()).isEqualTo(Status.READY);
        assertThat(practitioner.get("/sharing/" + recordId).andReturn().getResponse().getContentAsString())
                .contains("id=\"send-by-hub\"", "/hub/new?record=" + recordId);

        String form = practitioner.get("/hub/new?record=" + recordId).andReturn().getResponse().getContentAsString();
        assertThat(form).contains("Plan the move to secondary school", "Only the head of year and the SENCo may see it",
                "Marked OFFICIAL-SENSITIVE [PERSONAL]", "Review or delete it by 2027-07-31");
        // the purpose and consent come from the record whatever is posted; the recipient defaults to the person on it
        MockHttpServletResponse created = practitioner.post("/hub/new", "sharingRecordId", recordId.toString(), "recipients", "",
                "purpose", "Something else", "consentLimits", "None", "furtherHandling", "", "expiresInDays", "7", "downloadLimit", "2")
                .andReturn().getResponse();
        assertThat(created.getStatus()).as(created.getContentAsString()).isEqualTo(302);
        String packageUrl = created.getRedirectedUrl();
        UUID packageId = UUID.fromString(packageUrl.substring("/hub/packages/".length()));
        assertThat(jdbc.sql("select sharing_record_id from hub_package where id = ?").param(packageId).query(UUID.class).single()).isEqualTo(recordId);
        assertThat(jdbc.sql("select purpose from hub_package where id = ?").param(packageId).query(String.class).single())
                .isEqualTo("Plan the move to secondary school");
        assertThat(jdbc.sql("select email from hub_recipient where package_id = ?").param(packageId).query(String.class).list())
                .containsExactly(partner.email());

        byte[] content = "Transition plan\n".repeat(3000).getBytes(StandardCharsets.UTF_8);
        assertThat(practitioner.perform(MockMvcRequestBuilders.multipart(packageUrl + "/files")
                .file(new MockMultipartFile("file", "plan.txt", "text/plain", content)).with(csrf())).andReturn().getResponse().getStatus())
                .isEqualTo(302);
        practitioner.get(packageUrl); // follows the redirect, as a browser does, so its flash notice is used up

        // the checklist is not done: sending is refused and neither the package nor the record moves
        MockHttpServletResponse refusedSend = practitioner.post(packageUrl + "/send", "password", "true").andReturn().getResponse();
        assertThat(refusedSend.getStatus()).as(refusedSend.getContentAsString()).isEqualTo(302);
        assertThat(practitioner.get(packageUrl).andReturn().getResponse().getContentAsString())
                .contains("Complete the sharing record&#39;s checklist before sending the package");
        assertThat(jdbc.sql("select status from hub_package where id = ?").param(packageId).query(String.class).single()).isEqualTo("DRAFT");
        assertThat(register.get(council.id(), recordId).status()).isEqualTo(Status.READY);

        List<String> checklist = new ArrayList<>(List.of("action", "save"));
        record.policy().requiredSafeguards().forEach(s -> {
            checklist.add("safeguard");
            checklist.add(s);
        });
        practitioner.post("/sharing/" + recordId + "/checklist", checklist.toArray(String[]::new));
        assertThat(register.get(council.id(), recordId).readyToShare()).isTrue();
        practitioner.post(packageUrl + "/send", "password", "true");
        String afterSend = practitioner.get(packageUrl).andReturn().getResponse().getContentAsString();
        Matcher shown = Pattern.compile("id=\"package-password\">([a-z-]+)<").matcher(afterSend);
        assertThat(shown.find()).as(afterSend).isTrue();
        assertThat(afterSend).contains("id=\"record-link\"", "Not yet downloaded");
        assertThat(register.get(council.id(), recordId).status()).isEqualTo(Status.SHARED);

        Visitor recipient = fixtures.signIn(mvc, partner);
        String page = recipient.get(packageUrl).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Plan the move to secondary school", "Consent was given by Parent. Limits: Only the head of year and the SENCo may see it",
                "Marked OFFICIAL-SENSITIVE [PERSONAL]", "id=\"acknowledge\"").doesNotContain("record-link");
        recipient.post(packageUrl + "/acknowledge", "confirm", "true");
        String fileId = jdbc.sql("select id from hub_file where package_id = ?").param(packageId).query(UUID.class).single().toString();
        MockHttpServletResponse download = recipient.post(packageUrl + "/files/" + fileId + "/download", "password", shown.group(1))
                .andReturn().getResponse();
        assertThat(download.getStatus()).isEqualTo(200);
        assertThat(download.getContentAsByteArray()).isEqualTo(content);

        SettledOutbox.awaitDeliveries(jdbc); // the register confirms receipt after the download commits (ADR 0014)
        SharingRecord confirmed = register.get(council.id(), recordId);
        assertThat(confirmed.status()).isEqualTo(Status.RECEIPT_CONFIRMED);
        assertThat(confirmed.timeline()).anySatisfy(e -> {
            assertThat(e.action()).isEqualTo("receipt-confirmed");
            assertThat(e.by().accountId()).isEqualTo(partner.id());
        });
        assertThat(audit.latestWithAction("sharing.receipt-confirmed", 50)).anySatisfy(e -> {
            assertThat(e.target()).isEqualTo("sharing-record:" + recordId);
            assertThat(e.actorId()).isEqualTo(partner.id().toString());
            assertThat(e.details()).contains("secure-hub", packageId.toString());
        });
        assertThat(practitioner.get("/sharing/" + recordId).andReturn().getResponse().getContentAsString()).contains("Receipt confirmed");
        assertThat(practitioner.get(packageUrl).andReturn().getResponse().getContentAsString()).contains("Confirmed ");
    }

    @Test
    void onlyASecureHubShareOfTheCallersOwnOrganisationCanCarryAPackage() throws Exception {
        UUID byTelephone = record("channel", "TELEPHONE");
        assertThat(practitioner.get("/sharing/" + byTelephone).andReturn().getResponse().getContentAsString()).doesNotContain("send-by-hub");
        String refused = practitioner.post("/hub/new", "sharingRecordId", byTelephone.toString(), "recipients", "", "furtherHandling", "",
                "expiresInDays", "7", "downloadLimit", "2").andReturn().getResponse().getContentAsString();
        assertThat(refused).contains("There is a problem", "channel is not the secure hub");

        UUID mine = record();
        Organisation other = fixtures.organisation("Other council");
        Visitor stranger = fixtures.signIn(mvc, fixtures.person(other, Role.PRACTITIONER));
        assertThat(stranger.get("/hub/new?record=" + mine).andReturn().getResponse().getStatus()).isEqualTo(404);
        assertThat(stranger.post("/hub/new", "sharingRecordId", mine.toString(), "recipients", partner.email(), "furtherHandling", "",
                "expiresInDays", "7", "downloadLimit", "2").andReturn().getResponse().getStatus()).isEqualTo(404);
        Visitor partnerUser = fixtures.signIn(mvc, partner);
        assertThat(partnerUser.post("/hub/new", "sharingRecordId", mine.toString(), "recipients", practitionerAccount.email(),
                "furtherHandling", "", "expiresInDays", "7", "downloadLimit", "2").andReturn().getResponse().getStatus()).isEqualTo(404);
        assertThat(jdbc.sql("select count(*) from hub_package where sharing_record_id = ?").param(mine).query(Integer.class).single()).isZero();
    }

    /**
     * The hub's report of a first download reaches the register only once the download's transaction
     * has committed (ADR 0014): inside it the record is still shared, so a register that is slow or
     * busy with the record cannot hold up or fail the download; a moment later it is confirmed.
     */
    @Test
    void theRegisterConfirmsAHubReceiptOnlyAfterTheDownloadCommits() {
        UUID recordId = fixtures.hubShare(practitionerAccount, schoolEntry, partner.email());
        register.share(new Actor(practitionerAccount.id(), council.id(), practitionerAccount.displayName(), Role.names(practitionerAccount.roles())),
                recordId, null);
        UUID packageId = UUID.randomUUID();

        Status duringTheDownload = new TransactionTemplate(transactionManager).execute(status -> {
            events.publishEvent(new PackageReceiptConfirmed(council.id(), recordId, packageId, partner.id()));
            return register.get(council.id(), recordId).status();
        });
        assertThat(duringTheDownload).isEqualTo(Status.SHARED);

        SettledOutbox.awaitDeliveries(jdbc);
        SharingRecord confirmed = register.get(council.id(), recordId);
        assertThat(confirmed.status()).isEqualTo(Status.RECEIPT_CONFIRMED);
        assertThat(confirmed.timeline()).anySatisfy(e -> {
            assertThat(e.action()).isEqualTo("receipt-confirmed");
            assertThat(e.by().accountId()).isEqualTo(partner.id());
            assertThat(e.by().name()).isEqualTo(partner.displayName());
        });
    }
}
