package org.caseshare.identity;

import java.net.http.HttpResponse;
import java.time.Duration;


import org.caseshare.audit.AuditTrail;
import org.caseshare.directory.Organisation;
import org.caseshare.support.ApiClient;
import org.caseshare.support.Fixtures;
import org.caseshare.support.IntegrationTest;
import org.caseshare.support.TestClock;
import org.caseshare.support.Visitor;
import org.caseshare.system.Dates;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Personal access tokens do not live for ever (issue #13 §7): they expire (90 days unless the owner
 * chooses, at most a year), say so when they have, and an organisation admin can see and revoke them.
 */
abstract class TokenExpiryTests extends IntegrationTest {

    @LocalServerPort
    int port;
    @Autowired
    MockMvc mvc;
    @Autowired
    Fixtures fixtures;
    @Autowired
    ApiTokens tokens;
    @Autowired
    TestClock clock;
    @Autowired
    AuditTrail audit;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void aTokenExpiresAfterTheDaysChosenAndThenAnswersAnExpiredProblem() throws Exception {
        Account person = fixtures.person(fixtures.organisation("Council"), Role.PRACTITIONER);
        Visitor browser = fixtures.signIn(mvc, person);

        String tooLong = browser.post("/account/tokens", "name", "export", "expiresInDays", "366").andReturn().getResponse().getContentAsString();
        assertThat(tooLong).contains("There is a problem", "Choose between 1 and 365 days").doesNotContain("id=\"new-token\"");
        assertThat(tokens.list(person.id())).isEmpty();

        String page = browser.post("/account/tokens", "name", "export", "expiresInDays", "30").andReturn().getResponse().getContentAsString();
        assertThat(page).contains("id=\"new-token\"", ">Expires</th>");
        ApiToken created = tokens.list(person.id()).get(0);
        assertThat(Duration.between(created.createdAt(), created.expiresAt())).isEqualTo(Duration.ofDays(30));
        assertThat(page).as("the expiry is shown on /account").contains(
                Dates.time(created.expiresAt()));
        String secret = page.replaceAll("(?s).*id=\"new-token\">(cs_pat_[^<]+)<.*", "$1");
        assertThat(api().get("/api/v1/me", secret).statusCode()).isEqualTo(200);

        ApiToken byDefault = tokens.create(person.id(), "default", person.id().toString()).token();
        assertThat(Duration.between(byDefault.createdAt(), byDefault.expiresAt())).isEqualTo(Duration.ofDays(90));

        clock.advance(Duration.ofDays(31));
        HttpResponse<String> expired = api().get("/api/v1/me", secret);
        assertThat(expired.statusCode()).isEqualTo(401);
        assertThat(expired.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(expired.body()).contains("\"status\":401", "has expired");
        assertThat(api().get("/api/v1/me", "cs_pat_not-a-real-token").body()).doesNotContain("expired");
    }

    @Test
    void anOrganisationAdminListsAndRevokesTheOrganisationsTokensOverTheApi() throws Exception {
        Organisation council = fixtures.organisation("Council");
        Organisation school = fixtures.organisation("School");
        Account member = fixtures.person(council, Role.PRACTITIONER);
        ApiTokens.CreatedToken created = tokens.create(member.id(), "case export", 10, member.id().toString());
        String adminToken = fixtures.token(fixtures.person(council, Role.ORGANISATION_ADMIN));
        String otherAdmin = fixtures.token(fixtures.person(school, Role.ORGANISATION_ADMIN));
        String base = "/api/v1/organisations/" + council.id() + "/tokens";

        HttpResponse<String> list = api().get(base, adminToken);
        assertThat(list.statusCode()).as(list.body()).isEqualTo(200);
        assertThat(list.body()).contains("\"id\":\"" + created.token().id() + "\"", "\"name\":\"case export\"",
                "\"ownerId\":\"" + member.id() + "\"", "\"expiresAt\":", "\"lastUsedAt\":").doesNotContain(created.secret())
                .doesNotContain("cs_pat_");
        assertThat(api().get(base, created.secret()).statusCode()).as("a practitioner may not").isEqualTo(403);
        assertThat(api().get(base, otherAdmin).statusCode()).as("another organisation's admin").isEqualTo(404);
        assertThat(api().send("DELETE", base + "/" + created.token().id(), otherAdmin, "", null).statusCode()).isEqualTo(404);
        assertThat(api().send("DELETE", "/api/v1/organisations/" + school.id() + "/tokens/" + created.token().id(), otherAdmin, "", null)
                .statusCode()).as("not found through another organisation either").isEqualTo(404);
        assertThat(api().get("/api/v1/me", created.secret()).statusCode()).isEqualTo(200);

        assertThat(api().send("DELETE", base + "/" + created.token().id(), adminToken, "", null).statusCode()).isEqualTo(204);
        assertThat(api().get("/api/v1/me", created.secret()).statusCode()).isEqualTo(401);
        assertThat(api().send("DELETE", base + "/" + created.token().id(), adminToken, "", null).statusCode()).isEqualTo(404);
        assertThat(audit.latest(council.id(), 5)).anySatisfy(e -> {
            assertThat(e.action()).isEqualTo("token.revoked");
            assertThat(e.target()).isEqualTo("token:" + created.token().id());
        });
    }

    @Test
    void anOrganisationAdminSeesAndRevokesTokensOnAPage() throws Exception {
        Organisation council = fixtures.organisation("Council");
        Account member = fixtures.person(council, Role.PRACTITIONER);
        ApiTokens.CreatedToken created = tokens.create(member.id(), "nightly report", member.id().toString());
        ApiTokens.CreatedToken elsewhere = tokens.create(fixtures.person(fixtures.organisation("School"), Role.PRACTITIONER).id(),
                "not yours", "test");
        Visitor admin = fixtures.signIn(mvc, fixtures.person(council, Role.ORGANISATION_ADMIN));

        String page = admin.get("/organisation/tokens").andReturn().getResponse().getContentAsString();
        assertThat(page).contains("nightly report", member.displayName(), "Expires", created.token().id().toString())
                .doesNotContain(created.secret()).doesNotContain(elsewhere.token().id().toString());
        assertThat(admin.post("/organisation/tokens/" + elsewhere.token().id() + "/revoke").andReturn().getResponse().getStatus())
                .isEqualTo(404);
        assertThat(admin.post("/organisation/tokens/" + created.token().id() + "/revoke").andReturn().getResponse().getRedirectedUrl())
                .isEqualTo("/organisation/tokens");
        assertThat(api().get("/api/v1/me", created.secret()).statusCode()).isEqualTo(401);
        assertThat(api().get("/api/v1/me", elsewhere.secret()).statusCode()).isEqualTo(200);
        Visitor practitioner = fixtures.signIn(mvc, member);
        assertThat(practitioner.get("/organisation/tokens").andReturn().getResponse().getStatus()).isEqualTo(403);
    }

    private ApiClient api() {
        return new ApiClient(port);
    }
}
