package org.caseshare.channels;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.caseshare.directory.Directory;
import org.caseshare.document.LabelFormat;
import org.caseshare.sharing.SharingRegister;
import org.caseshare.sharing.Status;
import org.caseshare.support.Fixtures;
import org.caseshare.support.IntegrationTest;
import org.caseshare.support.SevenZip;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The channels over /api/v1 with a personal access token: JSON, problem details, and the ZIP and PDFs as downloads. */
abstract class ChannelsApiTests extends IntegrationTest {

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

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void emailAttachmentThroughTheApi() throws Exception {
        SevenZip.require();
        ChannelsFixtures c = ChannelsFixtures.council(fixtures, directory);
        String token = fixtures.token(c.practitioner());
        UUID id = c.share(register, "EMAIL");
        String base = "/api/v1/sharing-records/" + id;

        mvc.perform(bearer(MockMvcRequestBuilders.multipart(base + "/email-attachment").param("recipientEmail", "someone@gmail.com")
                .param("passwordRoute", "TELEPHONE"), token)).andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors.recipientEmail").exists()).andExpect(jsonPath("$.errors.files").exists());
        String made = mvc.perform(bearer(MockMvcRequestBuilders.multipart(base + "/email-attachment")
                .file(new MockMultipartFile("files", "report.pdf", "application/pdf", "%PDF-1.4 test".getBytes()))
                .param("recipientEmail", "sam.nurse@wessex.nhs.uk").param("passwordRoute", "TELEPHONE"), token))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        JsonNode attachment = json.readTree(made);
        String password = attachment.get("password").asString();
        assertThat(attachment.get("fileName").asString()).isEqualTo("documents-" + id.toString().substring(0, 8) + ".zip");

        byte[] zip = mvc.perform(bearer(MockMvcRequestBuilders.get(base + "/email-attachment"), token)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray();
        Path file = Files.createTempFile("api", ".zip");
        Files.write(file, zip);
        assertThat(SevenZip.test(file, password).exitCode()).isZero();
        assertThat(SevenZip.test(file, password + "x").exitCode()).isNotZero();
        Files.delete(file);

        mvc.perform(bearer(post(base + "/email/sent", "{\"safeguards\":[],\"passwordTelephoned\":true}"), token))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.title").value("Not allowed now"));
        mvc.perform(bearer(post(base + "/email/sent", "{\"safeguards\":" + everySafeguard(c, id) + "}"), token))
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.errors.passwordTelephoned").exists());
        mvc.perform(bearer(post(base + "/email/sent", "{\"safeguards\":" + everySafeguard(c, id) + ",\"passwordTelephoned\":true}"), token))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("SHARED")).andExpect(jsonPath("$.archiveKept").value(false));
        mvc.perform(bearer(MockMvcRequestBuilders.get(base + "/email-attachment"), token)).andExpect(status().isNotFound());
    }

    @Test
    void postLabelsThroughTheApiCarryNothingRevealingOnTheOuterLabel() throws Exception {
        ChannelsFixtures c = ChannelsFixtures.council(fixtures, directory);
        String token = fixtures.token(c.practitioner());
        UUID id = c.share(register, "POST");
        String base = "/api/v1/sharing-records/" + id;
        mvc.perform(bearer(post(base + "/post-labels", "{\"recipientName\":\"Sam Nurse\",\"addressLines\":[\"Nowhere\"]}"), token))
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.errors.department").exists())
                .andExpect(jsonPath("$.errors.addressLines").exists()).andExpect(jsonPath("$.errors.returnAddressLines").exists());
        mvc.perform(bearer(post(base + "/post-labels", """
                {"recipientName":"Sam Nurse","jobTitle":"Health visitor","department":"Safeguarding Children Team","organisation":"Wessex Health Trust",
                 "addressLines":["Trust Headquarters","London Road","Reading","RG1 5AN"],"returnOrganisation":"Wokingham Borough Council",
                 "returnAddressLines":["Shute End","Wokingham","RG40 1BN"]}"""), token)).andExpect(status().isOk())
                .andExpect(jsonPath("$.labels.department").value("Safeguarding Children Team"));
        byte[] pdf = mvc.perform(bearer(MockMvcRequestBuilders.get(base + "/post-labels.pdf?format=AVERY_L7165"), token))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        LabelText labels = LabelText.read(pdf, LabelFormat.AVERY_L7165);
        assertThat(labels.inner()).contains("Private and Confidential", "Safeguarding Children Team");
        assertThat(labels.outer()).contains("RG1 5AN").doesNotContain("Private", "Confidential", "Safeguarding", "Sam Nurse", "Wessex");
        mvc.perform(bearer(post(base + "/post/sent", "{\"trackingReference\":\"AB123456789GB\",\"safeguards\":" + everySafeguard(c, id) + "}"), token))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("SHARED")).andExpect(jsonPath("$.trackingReference").value("AB123456789GB"));
    }

    @Test
    void faxThroughTheApi() throws Exception {
        ChannelsFixtures c = ChannelsFixtures.council(fixtures, directory);
        String token = fixtures.token(c.practitioner());
        UUID id = c.share(register, "FAX");
        String base = "/api/v1/sharing-records/" + id;
        mvc.perform(bearer(post(base + "/fax", "{\"faxNumber\":\"0118 974 6099\",\"faxNumberAgain\":\"0118 974 6000\",\"pages\":2,"
                + "\"originatorTelephone\":\"0118 974 1000\",\"recipientTelephoned\":true,\"recipientWaiting\":true,\"numberChecked\":true}"), token))
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.errors.faxNumberAgain").exists());
        mvc.perform(bearer(post(base + "/fax", "{\"faxNumber\":\"0118 974 6099\",\"faxNumberAgain\":\"01189746099\",\"pages\":2,"
                + "\"originatorTelephone\":\"0118 974 1000\",\"recipientTelephoned\":true,\"recipientWaiting\":true,\"numberChecked\":true}"), token))
                .andExpect(status().isOk()).andExpect(jsonPath("$.numberSource").value("TYPED")).andExpect(jsonPath("$.pagesIncludingCover").value(3));
        byte[] pdf = mvc.perform(bearer(MockMvcRequestBuilders.get(base + "/fax/cover-sheet.pdf"), token)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray();
        assertThat(ChannelsJourneyTests.text(pdf)).contains("Private and Confidential", "0118 974 6099");
        mvc.perform(bearer(post(base + "/fax/sent", "{\"reportConfirmed\":true,\"safeguards\":" + everySafeguard(c, id) + "}"), token))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("SHARED"));
        assertThat(register.get(c.organisation().id(), id).status()).isEqualTo(Status.SHARED);
    }

    /** The directory records the recipient's organisation as working in Welsh and English: so are its labels and cover sheet. */
    @Test
    void labelsAndCoverSheetGoInTheLanguageTheDirectoryRecords() throws Exception {
        ChannelsFixtures c = ChannelsFixtures.council(fixtures, directory);
        jdbc.sql("update directory_entry set language = 'both' where id = ?").param(c.health().id()).update();
        String token = fixtures.token(c.practitioner());
        UUID posted = c.share(register, "POST");
        mvc.perform(bearer(post("/api/v1/sharing-records/" + posted + "/post-labels", """
                {"recipientName":"Sam Nurse","jobTitle":"Health visitor","department":"Safeguarding Children Team","organisation":"Wessex Health Trust",
                 "addressLines":["Trust Headquarters","London Road","Reading","RG1 5AN"],"returnOrganisation":"Wokingham Borough Council",
                 "returnAddressLines":["Shute End","Wokingham","RG40 1BN"]}"""), token)).andExpect(status().isOk());
        byte[] labels = mvc.perform(bearer(MockMvcRequestBuilders.get("/api/v1/sharing-records/" + posted + "/post-labels.pdf?format=AVERY_L7165"), token))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        assertThat(ChannelsJourneyTests.text(labels)).contains("Preifat a Chyfrinachol", "Private and Confidential");

        UUID faxed = c.share(register, "FAX");
        mvc.perform(bearer(post("/api/v1/sharing-records/" + faxed + "/fax", "{\"faxNumber\":\"0118 974 6099\",\"faxNumberAgain\":\"01189746099\",\"pages\":2,"
                + "\"originatorTelephone\":\"0118 974 1000\",\"recipientTelephoned\":true,\"recipientWaiting\":true,\"numberChecked\":true}"), token))
                .andExpect(status().isOk());
        byte[] cover = mvc.perform(bearer(MockMvcRequestBuilders.get("/api/v1/sharing-records/" + faxed + "/fax/cover-sheet.pdf"), token))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        assertThat(ChannelsJourneyTests.text(cover)).contains("Preifat a Chyfrinachol", "Private and Confidential", "0118 974 6099");
    }

    private String everySafeguard(ChannelsFixtures c, UUID id) {
        List<String> quoted = new ArrayList<>();
        register.get(c.organisation().id(), id).policy().requiredSafeguards().forEach(s -> quoted.add("\"" + s + "\""));
        return "[" + String.join(",", quoted) + "]";
    }

    private static MockHttpServletRequestBuilder post(String url, String body) {
        return MockMvcRequestBuilders.post(url).contentType("application/json").content(body);
    }

    private static <B extends org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder<B>> B bearer(B request, String token) {
        return request.header("Authorization", "Bearer " + token);
    }
}
