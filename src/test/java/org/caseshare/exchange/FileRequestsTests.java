package org.caseshare.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.UUID;

import org.caseshare.identity.Invitations;
import org.caseshare.identity.Role;
import org.caseshare.support.Fixtures;
import org.caseshare.support.Visitor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * Requests for files: a practitioner asks a named person at a school; the teacher sees it on the hub,
 * answers by uploading into a package addressed back, and sending it fulfils the request; the
 * requester is told and downloads. Only the requesting organisation and the named person see it.
 */
abstract class FileRequestsTests extends FileRequestsFixture {

    @LocalServerPort
    int port;
    @Autowired
    Invitations invitations;

    final HttpClient http = HttpClient.newHttpClient();
    final ObjectMapper json = JsonMapper.builder().build();

    String due() {
        LocalDate d = LocalDate.now().plusDays(10);
        return d.getDayOfMonth() + "/" + d.getMonthValue() + "/" + d.getYear();
    }

    @Test
    void aPartnerAnswersARequestByUploadingAndTheRequesterDownloads() throws Exception {
        Visitor requester = fixtures.signIn(mvc, practitioner);
        assertThat(requester.get("/hub").andReturn().getResponse().getContentAsString()).contains("id=\"new-request\"");
        String invalid = requester.post("/hub/requests/new", "recipientEntryId", schoolEntry.id().toString(), "recipient", teacher.email(),
                "what", "", "why", "Child protection conference", "dueOn", "31/2/2020").andReturn().getResponse().getContentAsString();
        assertThat(invalid).contains("There is a problem", "Say which files you need", "Enter the date like 27/3/2027");
        String invisible = requester.post("/hub/requests/new", "recipientEntryId", schoolEntry.id().toString(), "recipient", teacher.email(),
                "what", "Attendance\u202E record", "why", "Child protection\r\nconference", "dueOn", due()).andReturn().getResponse()
                .getContentAsString();
        assertThat(invisible).contains("There is a problem", "What must not contain the invisible text-direction character U+202E (at position 11)")
                .doesNotContain("Why must not");

        MockHttpServletResponse created = requester.post("/hub/requests/new", "recipientEntryId", schoolEntry.id().toString(),
                "recipient", teacher.email(), "what", "Attendance record for this term", "why", "Child protection conference on Friday",
                "dueOn", due()).andReturn().getResponse();
        assertThat(created.getStatus()).as(created.getContentAsString()).isEqualTo(302);
        String requestUrl = created.getRedirectedUrl();
        UUID requestId = UUID.fromString(requestUrl.substring("/hub/requests/".length()));
        assertThat(requester.get(requestUrl).andReturn().getResponse().getContentAsString()).contains("Waiting for files", "id=\"cancel-request\"")
                .doesNotContain("id=\"fulfil\"");
        assertThat(audit.latestWithAction("hub.request.created", 20)).anySatisfy(e -> assertThat(e.target()).isEqualTo("hub-request:" + requestId));

        // only the requesting organisation and the named person see it
        Visitor stranger = fixtures.signIn(mvc, fixtures.person(fixtures.organisation("Elsewhere"), Role.PRACTITIONER));
        Visitor colleague = fixtures.signIn(mvc, fixtures.person(school, Role.PARTNER));
        for (Visitor other : new Visitor[] {stranger, colleague}) {
            assertThat(other.get(requestUrl).andReturn().getResponse().getStatus()).isEqualTo(404);
            assertThat(other.post(requestUrl + "/fulfil").andReturn().getResponse().getStatus()).isEqualTo(404);
            assertThat(other.get("/hub").andReturn().getResponse().getContentAsString()).doesNotContain("Attendance record for this term");
        }
        assertThat(requester.post(requestUrl + "/fulfil").andReturn().getResponse().getStatus()).as("the requester does not answer").isEqualTo(404);

        Visitor partner = fixtures.signIn(mvc, teacher);
        assertThat(partner.get("/hub").andReturn().getResponse().getContentAsString()).contains("Files asked of you", "Attendance record for this term");
        assertThat(partner.get(requestUrl).andReturn().getResponse().getContentAsString())
                .contains("Child protection conference on Friday", "id=\"fulfil\"").doesNotContain("cancel-request");
        assertThat(partner.post(requestUrl + "/cancel").andReturn().getResponse().getStatus()).isEqualTo(404);
        MockHttpServletResponse answering = partner.post(requestUrl + "/fulfil").andReturn().getResponse();
        assertThat(answering.getStatus()).isEqualTo(302);
        String packageUrl = answering.getRedirectedUrl();
        assertThat(partner.post(requestUrl + "/fulfil").andReturn().getResponse().getRedirectedUrl()).as("the same draft").isEqualTo(packageUrl);
        byte[] content = "Attendance: 94%\n".repeat(1000).getBytes(StandardCharsets.UTF_8);
        assertThat(partner.perform(MockMvcRequestBuilders.multipart(packageUrl + "/files")
                .file(new MockMultipartFile("file", "attendance.txt", "text/plain", content)).with(csrf())).andReturn().getResponse().getStatus())
                .isEqualTo(302);
        partner.get(packageUrl);
        assertThat(partner.post(packageUrl + "/send", "password", "false").andReturn().getResponse().getStatus()).isEqualTo(302);
        assertThat(jdbc.sql("select status from hub_file_request where id = ?").param(requestId).query(String.class).single()).isEqualTo("FULFILLED");
        assertThat(audit.latestWithAction("hub.request.fulfilled", 20)).anySatisfy(e -> {
            assertThat(e.target()).isEqualTo("hub-request:" + requestId);
            assertThat(e.organisationId()).isEqualTo(council.id());
        });
        assertThat(partner.post(requestUrl + "/fulfil").andReturn().getResponse().getStatus()).as("answered already").isEqualTo(409);
        // both emails name no one and nothing: only a link
        assertThat(outbox.list()).anySatisfy(m -> {
            assertThat(m.to()).isEqualTo(teacher.email());
            assertThat(m.subject()).isEqualTo("Private and Confidential");
            assertThat(m.body()).contains("/hub/requests/" + requestId).doesNotContain("Attendance", "Child protection");
        });
        assertThat(outbox.list()).anySatisfy(m -> {
            assertThat(m.to()).isEqualTo(practitioner.email());
            assertThat(m.body()).contains("Files you asked for", "/hub/requests/" + requestId).doesNotContain("Attendance", "Child protection");
        });

        // the requester sees it answered on the hub and downloads after acknowledging
        assertThat(requester.get("/hub").andReturn().getResponse().getContentAsString()).contains("Files your organisation asked for", "Files sent");
        assertThat(requester.get(requestUrl).andReturn().getResponse().getContentAsString()).contains("id=\"answer-link\"", packageUrl);
        requester.post(packageUrl + "/acknowledge", "confirm", "true");
        String fileId = jdbc.sql("select f.id from hub_file f join hub_file_request r on r.package_id = f.package_id where r.id = ?")
                .param(requestId).query(UUID.class).single().toString();
        MockHttpServletResponse download = requester.post(packageUrl + "/files/" + fileId + "/download").andReturn().getResponse();
        assertThat(download.getStatus()).isEqualTo(200);
        assertThat(download.getContentAsByteArray()).isEqualTo(content);
    }

    @Test
    void theApiCreatesListsAnswersAndCancelsRequests() throws Exception {
        String requesterToken = fixtures.token(practitioner);
        String partnerToken = fixtures.token(teacher);
        String newcomer = Fixtures.unique("newcomer") + "@school.example.org";
        HttpResponse<String> invited = send("POST", "/api/v1/file-requests", requesterToken, """
                {"recipientEntryId":"%s","recipient":"%s","what":"Care plan","why":"Review meeting","dueOn":"%s"}"""
                .formatted(schoolEntry.id(), newcomer, LocalDate.now().plusDays(3)));
        assertThat(invited.statusCode()).as(invited.body()).isEqualTo(201);
        assertThat(invitations.list(school.id())).anySatisfy(i -> assertThat(i.email()).isEqualTo(newcomer));
        String invitedId = json.readTree(invited.body()).get("id").asString();
        assertThat(send("POST", "/api/v1/file-requests/" + invitedId + "/cancel", partnerToken, null).statusCode()).isEqualTo(404);
        assertThat(send("POST", "/api/v1/file-requests/" + invitedId + "/cancel", requesterToken, null).statusCode()).isEqualTo(204);
        assertThat(json.readTree(send("GET", "/api/v1/file-requests/" + invitedId, requesterToken, null).body()).get("status").asString())
                .isEqualTo("CANCELLED");

        HttpResponse<String> invalid = send("POST", "/api/v1/file-requests", requesterToken, """
                {"recipientEntryId":"%s","recipient":"%s","what":"","why":"x","dueOn":"2001-01-01"}""".formatted(schoolEntry.id(), teacher.email()));
        assertThat(invalid.statusCode()).isEqualTo(422);
        assertThat(invalid.body()).contains("what", "dueOn");
        assertThat(send("POST", "/api/v1/file-requests", partnerToken, """
                {"recipientEntryId":"%s","recipient":"%s","what":"x","why":"y","dueOn":"%s"}"""
                .formatted(schoolEntry.id(), practitioner.email(), LocalDate.now().plusDays(3))).statusCode()).as("partners do not ask").isEqualTo(403);

        HttpResponse<String> created = send("POST", "/api/v1/file-requests", requesterToken, """
                {"recipientEntryId":"%s","recipient":"%s","what":"Behaviour log","why":"Team around the family","dueOn":"%s"}"""
                .formatted(schoolEntry.id(), teacher.email(), LocalDate.now().plusDays(3)));
        String id = json.readTree(created.body()).get("id").asString();
        JsonNode received = json.readTree(send("GET", "/api/v1/file-requests", partnerToken, null).body()).get("received");
        assertThat(received.findValuesAsString("id")).contains(id).doesNotContain(invitedId);
        String outsider = fixtures.token(fixtures.person(fixtures.organisation("Elsewhere"), Role.PRACTITIONER));
        assertThat(send("GET", "/api/v1/file-requests/" + id, outsider, null).statusCode()).isEqualTo(404);
        assertThat(send("POST", "/api/v1/file-requests/" + id + "/fulfil", outsider, null).statusCode()).isEqualTo(404);

        HttpResponse<String> answering = send("POST", "/api/v1/file-requests/" + id + "/fulfil", partnerToken, null);
        assertThat(answering.statusCode()).as(answering.body()).isEqualTo(201);
        String packageId = json.readTree(answering.body()).get("packageId").asString();
        HttpResponse<String> uploaded = http.send(request("/api/v1/packages/" + packageId + "/files?name=log.txt", partnerToken)
                .PUT(HttpRequest.BodyPublishers.ofString("Behaviour log")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(201);
        assertThat(send("POST", "/api/v1/packages/" + packageId + "/send", partnerToken, "{}").statusCode()).isEqualTo(200);
        JsonNode answered = json.readTree(send("GET", "/api/v1/file-requests/" + id, requesterToken, null).body());
        assertThat(answered.get("status").asString()).isEqualTo("FULFILLED");
        assertThat(answered.get("packageId").asString()).isEqualTo(packageId);
        assertThat(send("GET", "/api/v1/packages/" + packageId, requesterToken, null).statusCode()).isEqualTo(200);
        assertThat(send("POST", "/api/v1/file-requests/" + id + "/cancel", requesterToken, null).statusCode()).isEqualTo(409);
    }

    HttpRequest.Builder request(String path, String token) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + token);
    }

    HttpResponse<String> send(String method, String path, String token, String body) throws Exception {
        HttpRequest.Builder r = request(path, token).header("Content-Type", "application/json");
        r.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return http.send(r.build(), HttpResponse.BodyHandlers.ofString());
    }
}
