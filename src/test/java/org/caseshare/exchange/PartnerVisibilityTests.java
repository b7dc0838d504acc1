package org.caseshare.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.Set;

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
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * A partner role means "packages addressed to me", even for a partner user who belongs to the sending
 * organisation (issue #13 §7): the hub list, the package page, downloads and the API all agree; and
 * likewise for the requests for files that organisation makes.
 */
abstract class PartnerVisibilityTests extends IntegrationTest {

    @LocalServerPort
    int port;
    @Autowired
    Fixtures fixtures;
    @Autowired
    Directory directory;
    @Autowired
    MockMvc mvc;

    final HttpClient http = HttpClient.newHttpClient();
    final ObjectMapper json = JsonMapper.builder().build();

    @Test
    void aPartnerUserInTheSendingOrganisationSeesNoneOfItsPackages() throws Exception {
        Organisation council = fixtures.organisation("Council");
        Organisation school = fixtures.organisation("School");
        Account admin = fixtures.person(council, Role.ORGANISATION_ADMIN);
        DirectoryEntry entry = directory.addEntry(new Actor(admin.id(), council.id(), admin.displayName(), Set.of(Actor.ORGANISATION_ADMIN)),
                school.name(), OrganisationKind.SCHOOL);
        Account practitioner = fixtures.person(council, Role.PRACTITIONER);
        Account recipient = fixtures.person(school, Role.PARTNER);
        Account insidePartner = fixtures.person(council, Role.PARTNER);
        Account colleague = fixtures.person(council, Role.MANAGER);
        String practitionerToken = fixtures.token(practitioner);

        HttpResponse<String> created = send("POST", "/api/v1/packages", practitionerToken, """
                {"sharingRecordId":"%s","recipients":["%s"],"furtherHandling":"Do not forward","expiresInDays":7,"downloadLimit":3}"""
                .formatted(fixtures.hubShare(practitioner, entry, recipient.email()), recipient.email()));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String id = json.readTree(created.body()).get("id").asString();
        HttpResponse<String> uploaded = http.send(request("/api/v1/packages/" + id + "/files?name=report.pdf", practitionerToken)
                .PUT(HttpRequest.BodyPublishers.ofByteArray(new byte[] {1, 2, 3})).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(201);
        String fileId = json.readTree(uploaded.body()).get("id").asString();
        assertThat(send("POST", "/api/v1/packages/" + id + "/send", practitionerToken, "{}").statusCode()).isEqualTo(200);

        // the API
        String partnerToken = fixtures.token(insidePartner);
        HttpResponse<String> list = send("GET", "/api/v1/packages", partnerToken, null);
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.body()).doesNotContain(id);
        assertThat(send("GET", "/api/v1/packages/" + id, partnerToken, null).statusCode()).isEqualTo(404);
        assertThat(send("GET", "/api/v1/packages/" + id + "/files/" + fileId, partnerToken, null).statusCode()).isEqualTo(404);
        assertThat(send("POST", "/api/v1/packages/" + id + "/revoke", partnerToken, "{}").statusCode()).isEqualTo(404);
        // staff of the sending organisation still see it
        assertThat(send("GET", "/api/v1/packages", fixtures.token(colleague), null).body()).contains(id);

        // the pages
        Visitor partner = fixtures.signIn(mvc, insidePartner);
        assertThat(partner.get("/hub").andReturn().getResponse().getContentAsString()).doesNotContain(id);
        assertThat(partner.get("/hub/packages/" + id).andReturn().getResponse().getStatus()).isEqualTo(404);
        assertThat(partner.post("/hub/packages/" + id + "/files/" + fileId + "/download").andReturn().getResponse().getStatus()).isEqualTo(404);
        Visitor staff = fixtures.signIn(mvc, colleague);
        assertThat(staff.get("/hub").andReturn().getResponse().getContentAsString()).contains(id);
        assertThat(staff.get("/hub/packages/" + id).andReturn().getResponse().getStatus()).isEqualTo(200);
    }

    @Test
    void aPartnerUserInTheRequestingOrganisationSeesNoneOfItsRequestsForFiles() throws Exception {
        Organisation council = fixtures.organisation("Council");
        Organisation school = fixtures.organisation("School");
        Account admin = fixtures.person(council, Role.ORGANISATION_ADMIN);
        DirectoryEntry entry = directory.addEntry(new Actor(admin.id(), council.id(), admin.displayName(), Set.of(Actor.ORGANISATION_ADMIN)),
                school.name(), OrganisationKind.SCHOOL);
        Account practitioner = fixtures.person(council, Role.PRACTITIONER);
        Account teacher = fixtures.person(school, Role.PARTNER);
        Account insidePartner = fixtures.person(council, Role.PARTNER);
        HttpResponse<String> asked = send("POST", "/api/v1/file-requests", fixtures.token(practitioner), """
                {"recipientEntryId":"%s","recipient":"%s","what":"Attendance this term","why":"Review meeting","dueOn":"%s"}"""
                .formatted(entry.id(), teacher.email(), LocalDate.now().plusDays(3)));
        assertThat(asked.statusCode()).as(asked.body()).isEqualTo(201);
        String id = json.readTree(asked.body()).get("id").asString();

        String partnerToken = fixtures.token(insidePartner);
        assertThat(send("GET", "/api/v1/file-requests", partnerToken, null).body()).doesNotContain(id);
        assertThat(send("GET", "/api/v1/file-requests/" + id, partnerToken, null).statusCode()).isEqualTo(404);
        assertThat(send("POST", "/api/v1/file-requests/" + id + "/cancel", partnerToken, null).statusCode()).isEqualTo(404);
        assertThat(fixtures.signIn(mvc, insidePartner).get("/hub/requests/" + id).andReturn().getResponse().getStatus()).isEqualTo(404);
        // the person it is addressed to, and the requester, still see it
        assertThat(send("GET", "/api/v1/file-requests/" + id, fixtures.token(teacher), null).statusCode()).isEqualTo(200);
        assertThat(send("GET", "/api/v1/file-requests", fixtures.token(practitioner), null).body()).contains(id);
    }

    private HttpRequest.Builder request(String path, String token) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).header("Authorization", "Bearer " + token);
    }

    private HttpResponse<String> send(String method, String path, String token, String body) throws Exception {
        HttpRequest.Builder r = request(path, token).header("Content-Type", "application/json");
        r.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return http.send(r.build(), HttpResponse.BodyHandlers.ofString());
    }
}
