package org.caseshare.identity;

import java.net.http.HttpResponse;

import org.caseshare.audit.AuditTrail;
import org.caseshare.directory.Organisation;
import org.caseshare.mail.Outbox;
import org.caseshare.support.Fixtures;
import org.caseshare.support.ApiClient;
import org.caseshare.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** The JSON API over real HTTP: personal access tokens, problem details, tenant scoping. */
abstract class ApiTests extends IntegrationTest {

    @LocalServerPort
    int port;
    @Autowired
    Fixtures fixtures;
    @Autowired
    Members members;
    @Autowired
    ApiTokens tokens;
    @Autowired
    AuditTrail audit;
    @Autowired
    Outbox outbox;


    @Test
    void whatATokenDoesIsAuditedAsByToken() throws Exception {
        Organisation organisation = fixtures.organisation("Council");
        Account admin = fixtures.person(organisation, Role.ORGANISATION_ADMIN);

        HttpResponse<String> invited = api().post("/api/v1/organisations/" + organisation.id() + "/invitations", fixtures.token(admin),
                "{\"email\":\"" + Fixtures.unique("api.invitee") + "@council.example.org\",\"role\":\"manager\"}");

        assertThat(invited.statusCode()).isEqualTo(201);
        assertThat(audit.latest(organisation.id(), 10)).filteredOn(e -> e.action().equals("invitation.created")).singleElement()
                .satisfies(e -> assertThat(e.details()).contains("\"via\":\"token\""));
    }

    @Test
    void anInvitationMayNameTheLanguageOfItsEmailAndOneThatNamesNoneIsWrittenAsBefore() throws Exception {
        Organisation organisation = fixtures.organisation("Cyngor");
        String token = fixtures.token(fixtures.person(organisation, Role.ORGANISATION_ADMIN));
        String path = "/api/v1/organisations/" + organisation.id() + "/invitations";
        String welsh = Fixtures.unique("api.gweithiwr") + "@cyngor.example.org";
        String both = Fixtures.unique("api.both") + "@cyngor.example.org";
        String none = Fixtures.unique("api.none") + "@cyngor.example.org";

        assertThat(api().post(path, token, "{\"email\":\"" + welsh + "\",\"role\":\"manager\",\"language\":\"cy\"}").statusCode()).isEqualTo(201);
        assertThat(api().post(path, token, "{\"email\":\"" + both + "\",\"role\":\"manager\",\"language\":\"both\"}").statusCode()).isEqualTo(201);
        assertThat(api().post(path, token, "{\"email\":\"" + none + "\",\"role\":\"manager\"}").statusCode()).isEqualTo(201);
        HttpResponse<String> refused = api().post(path, token, "{\"email\":\"" + Fixtures.unique("api.fr") + "@cyngor.example.org\",\"role\":\"manager\",\"language\":\"fr\"}");

        assertThat(subjectTo(welsh)).isEqualTo("Rydych wedi cael gwahoddiad i Caseshare");
        assertThat(subjectTo(both)).isEqualTo("Rydych wedi cael gwahoddiad i Caseshare / You have been invited to Caseshare");
        assertThat(subjectTo(none)).isEqualTo("You have been invited to Caseshare");
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("\"language\":\"Choose the language of the invitation email: one of en, cy, both\"");
    }

    private String subjectTo(String email) {
        return outbox.list().stream().filter(m -> m.to().equals(email)).findFirst().orElseThrow().subject();
    }

    @Test
    void aTokenActsAsItsOwner() throws Exception {
        Organisation organisation = fixtures.organisation("Council");
        Account person = fixtures.person(organisation, Role.PRACTITIONER, Role.MANAGER);
        HttpResponse<String> me = api().get("/api/v1/me", fixtures.token(person));
        assertThat(me.statusCode()).isEqualTo(200);
        assertThat(me.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
        assertThat(me.body()).contains("\"id\":\"" + person.id() + "\"").contains("\"MANAGER\"", "\"PRACTITIONER\"")
                .contains("\"organisationId\":\"" + organisation.id() + "\"");
    }

    @Test
    void noTokenABadTokenARevokedTokenOrADisabledOwnerAreAllUnauthorisedProblems() throws Exception {
        Organisation organisation = fixtures.organisation("Council");
        Account admin = fixtures.person(organisation, Role.ORGANISATION_ADMIN);
        Account person = fixtures.person(organisation, Role.PRACTITIONER);

        HttpResponse<String> none = api().get("/api/v1/me", null);
        assertThat(none.statusCode()).isEqualTo(401);
        assertThat(none.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(none.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
        assertThat(none.body()).contains("\"status\":401");

        assertThat(api().get("/api/v1/me", "cs_pat_not-a-real-token").statusCode()).isEqualTo(401);

        ApiTokens.CreatedToken created = tokens.create(person.id(), "to revoke", person.id().toString());
        assertThat(api().get("/api/v1/me", created.secret()).statusCode()).isEqualTo(200);
        tokens.revoke(person.id(), created.token().id());
        assertThat(api().get("/api/v1/me", created.secret()).statusCode()).isEqualTo(401);

        String live = fixtures.token(person);
        members.disable(organisation.id(), person.id(), admin.id().toString());
        assertThat(api().get("/api/v1/me", live).statusCode()).isEqualTo(401);
    }

    @Test
    void anAdminListsAndInvitesMembersAndBadInputIsA422Problem() throws Exception {
        Organisation organisation = fixtures.organisation("Council");
        Account admin = fixtures.person(organisation, Role.ORGANISATION_ADMIN);
        String token = fixtures.token(admin);

        HttpResponse<String> list = api().get("/api/v1/organisations/" + organisation.id() + "/members", token);
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.body()).contains(admin.email());

        String email = Fixtures.unique("api.invitee") + "@council.example.org";
        HttpResponse<String> invited = api().post("/api/v1/organisations/" + organisation.id() + "/invitations", token,
                "{\"email\":\"" + email + "\",\"role\":\"manager\"}");
        assertThat(invited.statusCode()).isEqualTo(201);
        assertThat(invited.headers().firstValue("Location")).isPresent();
        assertThat(invited.body()).contains("\"role\":\"MANAGER\"");

        HttpResponse<String> bad = api().post("/api/v1/organisations/" + organisation.id() + "/invitations", token,
                "{\"email\":\"not an email\",\"role\":\"wizard\"}");
        assertThat(bad.statusCode()).isEqualTo(422);
        assertThat(bad.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(bad.body()).contains("\"errors\"").contains("email");

        HttpResponse<String> malformed = api().post("/api/v1/organisations/" + organisation.id() + "/invitations", token, "{not json");
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(malformed.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(malformed.body()).doesNotContain("Exception").doesNotContain("at org.");
    }

    @Test
    void aPractitionerCannotListMembersAndNobodySeesAnotherOrganisation() throws Exception {
        Organisation mine = fixtures.organisation("Council");
        Organisation theirs = fixtures.organisation("School");
        String practitioner = fixtures.token(fixtures.person(mine, Role.PRACTITIONER));
        String admin = fixtures.token(fixtures.person(mine, Role.ORGANISATION_ADMIN));

        assertThat(api().get("/api/v1/organisations/" + mine.id() + "/members", practitioner).statusCode()).isEqualTo(403);
        assertThat(api().get("/api/v1/organisations/" + theirs.id(), admin).statusCode()).isEqualTo(404);
        assertThat(api().get("/api/v1/organisations/" + theirs.id() + "/members", admin).statusCode()).isEqualTo(404);
        HttpResponse<String> visible = api().get("/api/v1/organisations", admin);
        assertThat(visible.body()).contains(mine.id().toString()).doesNotContain(theirs.id().toString());
    }

    @Test
    void healthIsPublicAndOtherActuatorEndpointsAreNot() throws Exception {
        HttpResponse<String> health = api().get("/actuator/health", null);
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("UP");
        assertThat(api().get("/actuator/env", null).statusCode()).isIn(401, 403, 404);
        assertThat(api().get("/actuator/beans", null).statusCode()).isIn(401, 403, 404);
    }

    @Test
    void everyAnswerCarriesStrictSecurityHeaders() throws Exception {
        for (String path : new String[] {"/login", "/api/v1/me"}) {
            HttpResponse<String> response = api().get(path, null);
            assertThat(response.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(csp -> assertThat(csp)
                    .contains("default-src 'self'").contains("frame-ancestors 'none'").doesNotContain("unsafe-inline"));
            assertThat(response.headers().firstValue("Strict-Transport-Security")).isPresent();
            assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
            assertThat(response.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
            assertThat(response.headers().firstValue("X-Frame-Options")).hasValue("DENY");
        }
        HttpResponse<String> login = api().get("/login", null);
        assertThat(login.headers().allValues("Set-Cookie")).anySatisfy(cookie -> assertThat(cookie)
                .startsWith("__Host-caseshare=").contains("Secure").contains("HttpOnly").contains("Path=/").doesNotContain("Domain"));
        assertThat(login.body()).doesNotContain("<script>").doesNotContain("style=\"");
    }

    private ApiClient api() {
        return new ApiClient(port);
    }
}
