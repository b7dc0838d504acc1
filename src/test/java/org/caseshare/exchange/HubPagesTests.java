package org.caseshare.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.caseshare.directory.Directory;
import org.caseshare.directory.DirectoryEntry;
import org.caseshare.directory.Organisation;
import org.caseshare.directory.OrganisationKind;
import org.caseshare.identity.Account;
import org.caseshare.identity.Role;
import org.caseshare.support.Fixtures;
import org.caseshare.support.IntegrationTest;
import org.caseshare.support.Visitor;
import org.caseshare.system.Actor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/** The secure hub's pages: a practitioner sends a password-protected package, the partner acknowledges and downloads. */
abstract class HubPagesTests extends IntegrationTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    Fixtures fixtures;
    @Autowired
    Directory directory;

    @Test
    void aPractitionerSendsAndAPartnerAcknowledgesThenDownloads() throws Exception {
        Organisation council = fixtures.organisation("Council");
        Organisation school = fixtures.organisation("School");
        Account admin = fixtures.person(council, Role.ORGANISATION_ADMIN);
        DirectoryEntry entry = directory.addEntry(new Actor(admin.id(), council.id(), admin.displayName(), Set.of(Actor.ORGANISATION_ADMIN)),
                school.name(), OrganisationKind.SCHOOL);
        Account partner = fixtures.person(school, Role.PARTNER);
        Account practitionerAccount = fixtures.person(council, Role.PRACTITIONER);
        Visitor practitioner = fixtures.signIn(mvc, practitionerAccount);

        // a package is a share: without a sharing record the page sends the practitioner to record one
        String none = practitioner.get("/hub/new").andReturn().getResponse().getContentAsString();
        assertThat(none).contains("id=\"no-records\"", "href=\"/sharing/new\"", "id=\"record-share\"").doesNotContain("id=\"recipients\"");
        String unlinked = practitioner.post("/hub/new", "recipientEntryId", entry.id().toString(), "recipients", partner.email(),
                "purpose", "p", "consentLimits", "c", "furtherHandling", "f", "expiresInDays", "5", "downloadLimit", "2")
                .andReturn().getResponse().getContentAsString();
        assertThat(unlinked).contains("There is a problem", "href=\"#sharingRecordId\"", "Choose the sharing record this package belongs to",
                "id=\"sharingRecordId\"");

        // with one recorded, the page offers it; choosing nothing is an error, choosing it opens the form with its terms
        java.util.UUID record = fixtures.hubShare(practitionerAccount, entry, partner.email());
        String offered = practitioner.get("/hub/new").andReturn().getResponse().getContentAsString();
        assertThat(offered).contains("Robin Pupil (C-7001) to Jo Teacher, " + school.name(), "value=\"" + record + "\"", Fixtures.HUB_PURPOSE,
                "by you", "id=\"choose-record\"");
        Visitor stranger = fixtures.signIn(mvc, fixtures.person(fixtures.organisation("Other council"), Role.PRACTITIONER));
        assertThat(stranger.get("/hub/new").andReturn().getResponse().getContentAsString()).as("another tenant's records are not offered")
                .contains("id=\"no-records\"").doesNotContain(record.toString());
        assertThat(practitioner.get("/hub/new?choose=1").andReturn().getResponse().getContentAsString())
                .contains("There is a problem", "Choose the sharing record this package belongs to", "value=\"" + record + "\"");
        assertThat(practitioner.get("/hub/new?choose=1&record=" + record).andReturn().getResponse().getContentAsString())
                .contains("id=\"record-terms\"", Fixtures.HUB_CONSENT, "id=\"recipients\"");

        MockHttpServletResponse invalid = practitioner.post("/hub/new", "sharingRecordId", record.toString(), "recipients", "not-an-email",
                "furtherHandling", "y", "expiresInDays", "99", "downloadLimit", "2").andReturn().getResponse();
        assertThat(invalid.getStatus()).isEqualTo(200);
        assertThat(invalid.getContentAsString()).contains("There is a problem", "Enter email addresses like", "Choose between 1 and 30 days",
                "id=\"record-terms\"");

        MockHttpServletResponse created = practitioner.post("/hub/new", "sharingRecordId", record.toString(), "recipients", partner.email(),
                "furtherHandling", "Only for the conference; do not forward", "expiresInDays", "5", "downloadLimit", "2").andReturn().getResponse();
        assertThat(created.getStatus()).isEqualTo(302);
        String packageUrl = created.getRedirectedUrl();
        assertThat(packageUrl).startsWith("/hub/packages/");

        byte[] content = "Conference minutes\n".repeat(5000).getBytes(StandardCharsets.UTF_8);
        MockHttpServletResponse uploaded = practitioner.perform(MockMvcRequestBuilders.multipart(packageUrl + "/files")
                .file(new MockMultipartFile("file", "C:\\Users\\me\\minutes\u202Etxt.exe", "text/plain", content)).with(csrf()))
                .andReturn().getResponse();
        assertThat(uploaded.getStatus()).isEqualTo(302);
        assertThat(practitioner.get(packageUrl).andReturn().getResponse().getContentAsString()).contains("minutestxt.exe");

        practitioner.post(packageUrl + "/send", "password", "true");
        String afterSend = practitioner.get(packageUrl).andReturn().getResponse().getContentAsString();
        Matcher shown = Pattern.compile("id=\"package-password\">([a-z-]+)<").matcher(afterSend);
        assertThat(shown.find()).as("the password is shown once").isTrue();
        String password = shown.group(1);
        assertThat(practitioner.get(packageUrl).andReturn().getResponse().getContentAsString()).doesNotContain(password);

        Visitor recipient = fixtures.signIn(mvc, partner);
        assertThat(recipient.get("/hub").andReturn().getResponse().getContentAsString()).contains(Fixtures.HUB_PURPOSE);
        String page = recipient.get(packageUrl).andReturn().getResponse().getContentAsString();
        assertThat(page).contains(Fixtures.HUB_CONSENT, "Only for the conference; do not forward", "id=\"acknowledge\"")
                .doesNotContain("minutestxt.exe");
        String fileId = practitionerFileId(practitioner, packageUrl);
        assertThat(recipient.post(packageUrl + "/files/" + fileId + "/download", "password", password).andReturn().getResponse().getStatus())
                .as("not acknowledged yet").isEqualTo(409);
        assertThat(recipient.post(packageUrl + "/acknowledge").andReturn().getResponse().getStatus()).isEqualTo(302);
        assertThat(recipient.get(packageUrl).andReturn().getResponse().getContentAsString()).contains("Confirm that you have read");
        recipient.post(packageUrl + "/acknowledge", "confirm", "true");
        assertThat(recipient.get(packageUrl).andReturn().getResponse().getContentAsString()).contains("Package password").doesNotContain("id=\"acknowledge\"");

        assertThat(recipient.post(packageUrl + "/files/" + fileId + "/download", "password", "wrong").andReturn().getResponse().getStatus()).isEqualTo(403);
        MockHttpServletResponse download = recipient.post(packageUrl + "/files/" + fileId + "/download", "password", password).andReturn().getResponse();
        assertThat(download.getStatus()).isEqualTo(200);
        assertThat(download.getContentAsByteArray()).isEqualTo(content);
        assertThat(download.getHeader("Content-Disposition")).startsWith("attachment;").contains("minutestxt.exe");
        assertThat(download.getHeader("Content-Security-Policy")).isEqualTo("sandbox; default-src 'none'");

        assertThat(practitioner.get(packageUrl).andReturn().getResponse().getContentAsString()).contains("Confirmed ");
        assertThat(practitioner.post(packageUrl + "/revoke").andReturn().getResponse().getStatus()).isEqualTo(302);
        assertThat(practitioner.get(packageUrl).andReturn().getResponse().getContentAsString()).contains("Revoked", "Destroyed file");
        assertThat(recipient.post(packageUrl + "/files/" + fileId + "/download", "password", password).andReturn().getResponse().getStatus()).isEqualTo(410);
    }

    private static String practitionerFileId(Visitor practitioner, String packageUrl) throws Exception {
        // the sender's page has no download form; the id is in the API view, so read it from the database via the page's table order
        String page = practitioner.get(packageUrl).andReturn().getResponse().getContentAsString();
        Matcher m = Pattern.compile("data-file-id=\"([0-9a-f-]{36})\"").matcher(page);
        assertThat(m.find()).isTrue();
        return m.group(1);
    }
}
