package org.caseshare.identity;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import org.caseshare.audit.AuditEntry;
import org.caseshare.audit.AuditTrail;
import org.caseshare.directory.Organisation;
import org.caseshare.mail.Outbox;
import org.caseshare.support.ApiClient;
import org.caseshare.support.Fixtures;
import org.caseshare.support.IntegrationTest;
import org.caseshare.support.Visitor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Inviting someone who already has a login at another organisation answers exactly as inviting a new
 * address does, so an admin cannot learn who uses Caseshare elsewhere; the person is told by email
 * instead, and nothing is created that could move them (issue #13 §7).
 */
abstract class InvitationElsewhereTests extends IntegrationTest {

    @LocalServerPort
    int port;
    @Autowired
    MockMvc mvc;
    @Autowired
    Fixtures fixtures;
    @Autowired
    Outbox outbox;
    @Autowired
    AuditTrail audit;
    @Autowired
    Members members;
    @Autowired
    Invitations invitations;

    @Test
    void theApiAnswersAsForANewAddressAndTellsThePersonByEmail() throws Exception {
        Organisation council = fixtures.organisation("Council");
        Organisation school = fixtures.organisation("School");
        Account elsewhere = fixtures.person(school, Role.MANAGER);
        String token = fixtures.token(fixtures.person(council, Role.ORGANISATION_ADMIN));
        String path = "/api/v1/organisations/" + council.id() + "/invitations";
        String fresh = Fixtures.unique("fresh") + "@council.example.org";

        HttpResponse<String> forNew = new ApiClient(port).post(path, token, "{\"email\":\"" + fresh + "\",\"role\":\"manager\"}");
        HttpResponse<String> forExisting = new ApiClient(port).post(path, token, "{\"email\":\"" + elsewhere.email() + "\",\"role\":\"manager\"}");

        assertThat(forExisting.statusCode()).as(forExisting.body()).isEqualTo(forNew.statusCode()).isEqualTo(201);
        assertThat(forExisting.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).startsWith(path + "/"));
        assertThat(fields(forExisting.body())).isEqualTo(fields(forNew.body()));
        assertThat(forExisting.body()).contains("\"role\":\"MANAGER\"", "\"email\":\"" + elsewhere.email() + "\"");
        List<AuditEntry> entries = audit.latestWithAction("invitation.created", 20).stream()
                .filter(e -> council.id().equals(e.organisationId())).limit(2).toList();
        assertThat(entries).hasSize(2);
        assertThat(entries.get(0).details()).isEqualTo(entries.get(1).details());
        assertThat(entries.get(0).target().replaceAll("[0-9a-f-]{36}", "ID")).isEqualTo(entries.get(1).target().replaceAll("[0-9a-f-]{36}", "ID"));
        assertThat(entries.get(0).outcome()).isEqualTo(entries.get(1).outcome());

        assertThatTheyWereToldAndNotMoved(elsewhere, council, school);
    }

    @Test
    void thePageAnswersAsForANewAddress() throws Exception {
        Organisation council = fixtures.organisation("Council");
        Organisation school = fixtures.organisation("School");
        Account elsewhere = fixtures.person(school, Role.PRACTITIONER);
        Visitor admin = fixtures.signIn(mvc, fixtures.person(council, Role.ORGANISATION_ADMIN));
        String fresh = Fixtures.unique("fresh") + "@council.example.org";

        MvcResult forNew = admin.post("/organisation/members/invitations", "email", fresh, "role", "MANAGER").andReturn();
        MvcResult forExisting = admin.post("/organisation/members/invitations", "email", elsewhere.email(), "role", "MANAGER").andReturn();
        assertThat(forExisting.getResponse().getStatus()).isEqualTo(forNew.getResponse().getStatus()).isEqualTo(302);
        assertThat(forExisting.getResponse().getRedirectedUrl()).isEqualTo(forNew.getResponse().getRedirectedUrl());
        assertThat(forExisting.getFlashMap().get("notice")).isNotNull().isEqualTo(forNew.getFlashMap().get("notice"));
        assertThat(forExisting.getFlashMap().keySet()).isEqualTo(forNew.getFlashMap().keySet());
        String list = admin.get("/organisation/members").andReturn().getResponse().getContentAsString();
        assertThat(list).contains(fresh, elsewhere.email());

        assertThatTheyWereToldAndNotMoved(elsewhere, council, school);
    }

    private void assertThatTheyWereToldAndNotMoved(Account elsewhere, Organisation council, Organisation school) {
        Outbox.OutboxMessage message = outbox.list().stream().filter(m -> m.to().equals(elsewhere.email())).findFirst().orElseThrow();
        assertThat(message.body()).contains(council.name(), "tried to invite you").doesNotContain("/invitations/")
                .doesNotContain(school.name()).doesNotContain("Test Organisation admin");
        // the only invitation in the council's list for them can never be accepted: no link was sent, and none is usable
        assertThat(invitations.list(council.id()).stream().filter(i -> i.email().equals(elsewhere.email())).toList())
                .allSatisfy(i -> assertThat(i.acceptedAt()).isNull());
        assertThat(members.findById(elsewhere.id()).orElseThrow().organisationId()).isEqualTo(school.id());
    }

    private static List<String> fields(String json) {
        JsonNode node = JsonMapper.builder().build().readTree(json);
        List<String> names = new ArrayList<>();
        node.propertyNames().forEach(names::add);
        return names;
    }
}
