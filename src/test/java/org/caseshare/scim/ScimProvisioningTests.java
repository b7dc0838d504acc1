package org.caseshare.scim;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.caseshare.crypto.Tokens;
import org.caseshare.directory.Organisation;
import org.caseshare.identity.Account;
import org.caseshare.identity.Members;
import org.caseshare.identity.Role;
import org.caseshare.support.ApiClient;
import org.caseshare.support.Fixtures;
import org.caseshare.support.IntegrationTest;
import org.caseshare.support.TestClock;
import org.caseshare.support.Visitor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

/**
 * /scim/v2 over real HTTP, driven by request bodies in the shapes Entra ID sends
 * (src/test/resources/scim/entra): create, find, update, disable, re-enable, delete; and the
 * organisation boundary, tokens, and bad input.
 */
abstract class ScimProvisioningTests extends IntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;
    @Autowired
    Fixtures fixtures;
    @Autowired
    ScimTokens scimTokens;
    @Autowired
    Members members;
    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TestClock clock;

    Organisation organisation;
    Account admin;
    ScimTokens.CreatedToken token;
    ScimHttp scim;

    @BeforeEach
    void anOrganisationWithASCIMToken() {
        organisation = fixtures.organisation("Council");
        admin = fixtures.person(organisation, Role.ORGANISATION_ADMIN);
        token = scimTokens.create(organisation.id(), "Entra ID", null, admin.id());
        scim = new ScimHttp(port);
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void entraCreatesAUserAsAPractitionerWithNoPasswordAndFindsItByUserNameAndExternalId() throws Exception {
        Entra user = Entra.fresh();
        HttpResponse<String> created = scim.send("POST", "/scim/v2/Users", token.secret(), user.create());

        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(created.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/scim+json"));
        JsonNode body = JSON.readTree(created.body());
        String id = body.get("id").asString();
        assertThat(created.headers().firstValue("Location")).hasValueSatisfying(location -> assertThat(location).endsWith("/scim/v2/Users/" + id));
        assertThat(body.get("userName").asString()).isEqualTo(user.userName);
        assertThat(body.get("externalId").asString()).isEqualTo(user.externalId);
        assertThat(body.get("active").asBoolean()).isTrue();
        assertThat(body.get("name").get("givenName").asString()).isEqualTo("givenName");
        assertThat(body.get("meta").get("resourceType").asString()).isEqualTo("User");

        Account account = members.get(organisation.id(), UUID.fromString(id));
        assertThat(account.email()).isEqualTo(user.email.toLowerCase());
        assertThat(account.displayName()).isEqualTo("givenName familyName");
        assertThat(account.roles()).containsExactly(Role.PRACTITIONER);
        assertThat(jdbc.sql("select password_hash from account where id = ?").param(account.id()).query(String.class).optional()).isEmpty();

        JsonNode byUserName = JSON.readTree(scim.get(ScimHttp.filter("userName eq \"" + user.userName + "\""), token.secret()).body());
        assertThat(byUserName.get("totalResults").asInt()).isEqualTo(1);
        assertThat(byUserName.get("Resources").get(0).get("id").asString()).isEqualTo(id);
        assertThat(byUserName.get("schemas").get(0).asString()).isEqualTo("urn:ietf:params:scim:api:messages:2.0:ListResponse");
        JsonNode byExternalId = JSON.readTree(scim.get(ScimHttp.filter("externalId eq \"" + user.externalId + "\""), token.secret()).body());
        assertThat(byExternalId.get("Resources").get(0).get("id").asString()).isEqualTo(id);
        HttpResponse<String> read = scim.get("/scim/v2/Users/" + id, token.secret());
        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(read.body()).get("userName").asString()).isEqualTo(user.userName);

        // Audited with the SCIM client as the actor, by identifiers only.
        List<String> details = audited("scim.user-created", account.id(), "scim:" + token.token().id());
        assertThat(details).hasSize(1);
        assertThat(details.get(0)).contains("\"via\":\"scim\"").doesNotContain(user.userName).doesNotContain(user.email).doesNotContain("givenName");
    }

    @Test
    void inAnOrganisationWithSingleSignOnPeopleTheProviderCreatesGetItsDefaultRole() throws Exception {
        String domain = Fixtures.unique("council").toLowerCase().replaceAll("[^a-z0-9-]", "") + ".example.org";
        fixtures.signIn(mvc, admin).post("/organisation/sso", "issuer", "https://login.example.org/council/v2.0", "clientId", "caseshare",
                "clientSecret", "a client secret", "domains", domain, "roleClaim", "groups", "roleMappings", "", "defaultRole", "manager",
                "mfaAcrValues", "").andExpect(redirectedUrl("/organisation/sso"));

        HttpResponse<String> created = scim.send("POST", "/scim/v2/Users", token.secret(), Entra.fresh().create());

        assertThat(created.statusCode()).isEqualTo(201);
        Account account = members.get(organisation.id(), UUID.fromString(JSON.readTree(created.body()).get("id").asString()));
        assertThat(account.roles()).containsExactly(Role.MANAGER);
        assertThat(audited("scim.user-created", account.id(), "scim:" + token.token().id())).singleElement()
                .satisfies(details -> assertThat(details).contains("\"roles\":\"MANAGER\""));
    }

    @Test
    void anUnknownUserNameIsAnEmptyListAndADuplicateIsA409Uniqueness() throws Exception {
        JsonNode none = JSON.readTree(scim.get(ScimHttp.filter("userName eq \"Test_User_" + UUID.randomUUID() + "\""), token.secret()).body());
        assertThat(none.get("totalResults").asInt()).isZero();
        assertThat(none.get("Resources")).isEmpty();

        Entra user = Entra.fresh();
        assertThat(scim.send("POST", "/scim/v2/Users", token.secret(), user.create()).statusCode()).isEqualTo(201);
        HttpResponse<String> again = scim.send("POST", "/scim/v2/Users", token.secret(), user.create());
        assertThat(again.statusCode()).isEqualTo(409);
        JsonNode error = JSON.readTree(again.body());
        assertThat(error.get("schemas").get(0).asString()).isEqualTo("urn:ietf:params:scim:api:messages:2.0:Error");
        assertThat(error.get("scimType").asString()).isEqualTo("uniqueness");
        assertThat(error.get("status").asString()).isEqualTo("409");

        // A member who already signs in with the address is matched, not created twice.
        Account existing = fixtures.person(organisation, Role.MANAGER);
        String sameAddress = user.create().replace(user.userName, existing.email());
        assertThat(scim.send("POST", "/scim/v2/Users", token.secret(), sameAddress).statusCode()).isEqualTo(409);
        JsonNode found = JSON.readTree(scim.get(ScimHttp.filter("userName eq \"" + existing.email().toUpperCase() + "\""), token.secret()).body());
        assertThat(found.get("Resources").get(0).get("id").asString()).isEqualTo(existing.id().toString());
    }

    @Test
    void entraUpdatesNamesTheWorkEmailAndTheUserName() throws Exception {
        Entra user = Entra.fresh();
        String id = JSON.readTree(scim.send("POST", "/scim/v2/Users", token.secret(), user.create()).body()).get("id").asString();

        String newEmail = "updatedEmail_" + UUID.randomUUID() + "@microsoft.com";
        HttpResponse<String> multi = scim.send("PATCH", "/scim/v2/Users/" + id, token.secret(),
                ScimHttp.entra("update-user-multi-valued.json").replace("updatedEmail_6f8a8d42-52b1-4a4e-b2a5-4c9f1f5a0a11@microsoft.com", newEmail));
        assertThat(multi.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(multi.body()).get("name").get("familyName").asString()).isEqualTo("updatedFamilyName");
        assertThat(members.get(organisation.id(), UUID.fromString(id)).email()).isEqualTo(newEmail.toLowerCase());

        String newUserName = UUID.randomUUID() + "@testuser.com";
        HttpResponse<String> single = scim.send("PATCH", "/scim/v2/Users/" + id, token.secret(),
                ScimHttp.entra("update-user-single-valued.json").replace("5b50642d-79fc-4410-9e90-4c077cdd1a59@testuser.com", newUserName));
        assertThat(single.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(single.body()).get("userName").asString()).isEqualTo(newUserName);
        assertThat(members.get(organisation.id(), UUID.fromString(id)).email()).isEqualTo(newUserName);

        HttpResponse<String> noPath = scim.send("PATCH", "/scim/v2/Users/" + id, token.secret(), ScimHttp.entra("patch-no-path.json"));
        assertThat(noPath.statusCode()).isEqualTo(200);
        assertThat(members.get(organisation.id(), UUID.fromString(id)).displayName()).isEqualTo("Babs Jensen");
        assertThat(JSON.readTree(noPath.body()).get("name").get("givenName").asString()).isEqualTo("Barbara");
        assertThat(audited("scim.user-updated", UUID.fromString(id), "scim:" + token.token().id())).hasSize(3);
    }

    @Test
    void deactivationEndsTheSessionAtOnceAndStopsTheApiTokenAndReactivationRestoresAccess() throws Exception {
        Account person = fixtures.person(organisation, Role.PRACTITIONER);
        Visitor browser = fixtures.signIn(mvc, person);
        String apiToken = fixtures.token(person);
        assertThat(browser.get("/account").andReturn().getResponse().getStatus()).isEqualTo(200);
        ApiClient api = new ApiClient(port);
        assertThat(api.get("/api/v1/me", apiToken).statusCode()).isEqualTo(200);

        // Entra finds the existing member by userName, then disables them with the string "False".
        JsonNode found = JSON.readTree(scim.get(ScimHttp.filter("userName eq \"" + person.email() + "\""), token.secret()).body());
        String id = found.get("Resources").get(0).get("id").asString();
        HttpResponse<String> disabled = scim.send("PATCH", "/scim/v2/Users/" + id, token.secret(), ScimHttp.entra("disable-user-string-false.json"));
        assertThat(disabled.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(disabled.body()).get("active").asBoolean()).isFalse();

        var next = browser.get("/account").andReturn().getResponse();
        assertThat(next.getStatus()).isEqualTo(302);
        assertThat(next.getRedirectedUrl()).endsWith("/login");
        assertThat(api.get("/api/v1/me", apiToken).statusCode()).isEqualTo(401);
        assertThat(audited("scim.user-deactivated", person.id(), "scim:" + token.token().id())).singleElement()
                .satisfies(d -> assertThat(d).contains("\"sessionsEnded\":\"1\"").contains("\"via\":\"scim\""));
        JsonNode read = JSON.readTree(scim.get("/scim/v2/Users/" + id, token.secret()).body());
        assertThat(read.get("active").asBoolean()).isFalse();

        HttpResponse<String> enabled = scim.send("PATCH", "/scim/v2/Users/" + id, token.secret(), ScimHttp.entra("patch-no-path.json"));
        assertThat(enabled.statusCode()).isEqualTo(200);
        assertThat(members.get(organisation.id(), person.id()).active()).isTrue();
        assertThat(audited("scim.user-reactivated", person.id(), "scim:" + token.token().id())).hasSize(1);

        HttpResponse<String> again = scim.send("PATCH", "/scim/v2/Users/" + id, token.secret(), ScimHttp.entra("disable-user.json"));
        assertThat(JSON.readTree(again.body()).get("active").asBoolean()).isFalse();
        assertThat(members.get(organisation.id(), person.id()).active()).isFalse();
    }

    @Test
    void deleteDeprovisionsButKeepsTheDisabledAccountSoRecordsStayAttributable() throws Exception {
        Account person = fixtures.person(organisation, Role.PRACTITIONER);
        Visitor browser = fixtures.signIn(mvc, person);

        HttpResponse<String> deleted = scim.send("DELETE", "/scim/v2/Users/" + person.id(), token.secret(), null);
        assertThat(deleted.statusCode()).isEqualTo(204);
        assertThat(scim.get("/scim/v2/Users/" + person.id(), token.secret()).statusCode()).isEqualTo(404);
        assertThat(JSON.readTree(scim.get(ScimHttp.filter("userName eq \"" + person.email() + "\""), token.secret()).body())
                .get("totalResults").asInt()).isZero();
        assertThat(members.get(organisation.id(), person.id()).active()).isFalse();
        assertThat(browser.get("/account").andReturn().getResponse().getRedirectedUrl()).endsWith("/login");
        assertThat(audited("scim.user-deprovisioned", person.id(), "scim:" + token.token().id())).hasSize(1);
        assertThat(scim.send("DELETE", "/scim/v2/Users/" + person.id(), token.secret(), null).statusCode()).isEqualTo(404);

        // Provisioned again later: the same account comes back, so their history stays theirs.
        Entra again = Entra.fresh();
        HttpResponse<String> restored = scim.send("POST", "/scim/v2/Users", token.secret(), again.create().replace(again.userName(), person.email()));
        assertThat(restored.statusCode()).isEqualTo(201);
        assertThat(JSON.readTree(restored.body()).get("id").asString()).isEqualTo(person.id().toString());
        assertThat(members.get(organisation.id(), person.id()).active()).isTrue();
        assertThat(audited("scim.user-restored", person.id(), "scim:" + token.token().id())).hasSize(1);
    }

    @Test
    void putReplacesTheUser() throws Exception {
        Entra user = Entra.fresh();
        String id = JSON.readTree(scim.send("POST", "/scim/v2/Users", token.secret(), user.create()).body()).get("id").asString();
        String replacement = user.create().replace("\"givenName familyName\"", "\"Robin Hood\"").replace("\"givenName\": \"givenName\"",
                "\"givenName\": \"Robin\"").replace("\"active\": true", "\"active\": false");
        HttpResponse<String> put = scim.send("PUT", "/scim/v2/Users/" + id, token.secret(), replacement);
        assertThat(put.statusCode()).isEqualTo(200);
        assertThat(members.get(organisation.id(), UUID.fromString(id)).displayName()).isEqualTo("Robin Hood");
        assertThat(members.get(organisation.id(), UUID.fromString(id)).active()).isFalse();
    }

    @Test
    void anotherOrganisationsTokenFindsNoneOfOurPeople() throws Exception {
        Account person = fixtures.person(organisation, Role.PRACTITIONER);
        Organisation other = fixtures.organisation("School");
        String theirs = scimTokens.create(other.id(), "Google", null, fixtures.person(other, Role.ORGANISATION_ADMIN).id()).secret();

        assertThat(scim.get("/scim/v2/Users/" + person.id(), theirs).statusCode()).isEqualTo(404);
        HttpResponse<String> patch = scim.send("PATCH", "/scim/v2/Users/" + person.id(), theirs, ScimHttp.entra("disable-user.json"));
        assertThat(patch.statusCode()).isEqualTo(404);
        assertThat(JSON.readTree(patch.body()).get("schemas").get(0).asString()).isEqualTo("urn:ietf:params:scim:api:messages:2.0:Error");
        assertThat(scim.send("PUT", "/scim/v2/Users/" + person.id(), theirs, Entra.fresh().create()).statusCode()).isEqualTo(404);
        assertThat(scim.send("DELETE", "/scim/v2/Users/" + person.id(), theirs, null).statusCode()).isEqualTo(404);
        assertThat(JSON.readTree(scim.get(ScimHttp.filter("userName eq \"" + person.email() + "\""), theirs).body())
                .get("totalResults").asInt()).isZero();
        assertThat(scim.get("/scim/v2/Users", theirs).body()).doesNotContain(person.id().toString());
        assertThat(members.get(organisation.id(), person.id()).active()).isTrue();
    }

    @Test
    void missingRevokedExpiredAndPersonalTokensAreRefusedWith401() throws Exception {
        HttpResponse<String> none = scim.get("/scim/v2/Users", null);
        assertThat(none.statusCode()).isEqualTo(401);
        assertThat(none.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/scim+json"));
        assertThat(JSON.readTree(none.body()).get("schemas").get(0).asString()).isEqualTo("urn:ietf:params:scim:api:messages:2.0:Error");

        assertThat(scim.get("/scim/v2/Users", token.secret()).statusCode()).isEqualTo(200);
        scimTokens.revoke(organisation.id(), token.token().id(), admin.id());
        assertThat(scim.get("/scim/v2/Users", token.secret()).statusCode()).isEqualTo(401);

        String shortLived = scimTokens.create(organisation.id(), "short", 1, admin.id()).secret();
        assertThat(scim.get("/scim/v2/Users", shortLived).statusCode()).isEqualTo(200);
        clock.advance(Duration.ofDays(2));
        assertThat(scim.get("/scim/v2/Users", shortLived).statusCode()).isEqualTo(401);

        // A SCIM token opens SCIM only; a personal access token does not open SCIM.
        String live = scimTokens.create(organisation.id(), "live", null, admin.id()).secret();
        assertThat(new ApiClient(port).get("/api/v1/me", live).statusCode()).isEqualTo(401);
        assertThat(scim.get("/scim/v2/Users", fixtures.token(admin)).statusCode()).isEqualTo(401);
    }

    @Test
    void anUnsupportedFilterIs400InvalidFilterAndBadJsonIs400InvalidSyntax() throws Exception {
        HttpResponse<String> filter = scim.get(ScimHttp.filter("displayName co \"Jensen\""), token.secret());
        assertThat(filter.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(filter.body()).get("scimType").asString()).isEqualTo("invalidFilter");

        HttpResponse<String> json = scim.send("POST", "/scim/v2/Users", token.secret(), "{not json");
        assertThat(json.statusCode()).isEqualTo(400);
        assertThat(json.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/scim+json"));
        JsonNode error = JSON.readTree(json.body());
        assertThat(error.get("schemas").get(0).asString()).isEqualTo("urn:ietf:params:scim:api:messages:2.0:Error");
        assertThat(error.get("scimType").asString()).isEqualTo("invalidSyntax");
        assertThat(json.body()).doesNotContain("Exception").doesNotContain("at org.");

        Account person = fixtures.person(organisation, Role.PRACTITIONER);
        HttpResponse<String> badOp = scim.send("PATCH", "/scim/v2/Users/" + person.id(), token.secret(),
                "{\"Operations\":[{\"op\":\"Explode\",\"path\":\"active\",\"value\":false}]}");
        assertThat(badOp.statusCode()).isEqualTo(400);
        HttpResponse<String> badBoolean = scim.send("PATCH", "/scim/v2/Users/" + person.id(), token.secret(),
                "{\"Operations\":[{\"op\":\"Replace\",\"path\":\"active\",\"value\":\"perhaps\"}]}");
        assertThat(badBoolean.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(badBoolean.body()).get("scimType").asString()).isEqualTo("invalidValue");
        assertThat(members.get(organisation.id(), person.id()).active()).isTrue();
        assertThat(scim.get("/scim/v2/Users/not-a-uuid", token.secret()).statusCode()).isEqualTo(404);
    }

    @Test
    void listsArePagedWithStartIndexAndCount() throws Exception {
        for (int i = 0; i < 3; i++) {
            fixtures.person(organisation, Role.PRACTITIONER);
        }
        JsonNode page = JSON.readTree(scim.get("/scim/v2/Users?startIndex=2&count=2", token.secret()).body());
        assertThat(page.get("totalResults").asInt()).isEqualTo(4);
        assertThat(page.get("startIndex").asInt()).isEqualTo(2);
        assertThat(page.get("itemsPerPage").asInt()).isEqualTo(2);
        assertThat(page.get("Resources")).hasSize(2);
        JsonNode beyond = JSON.readTree(scim.get("/scim/v2/Users?startIndex=9&count=2", token.secret()).body());
        assertThat(beyond.get("Resources")).isEmpty();
    }

    @Test
    void theProviderCanReadWhatWeSupportAndGroupsAreNotImplemented() throws Exception {
        for (String path : new String[] {"/scim/v2/ServiceProviderConfig", "/scim/v2/Schemas", "/scim/v2/ResourceTypes"}) {
            HttpResponse<String> response = scim.get(path, token.secret());
            assertThat(response.statusCode()).as(path).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/scim+json"));
        }
        assertThat(JSON.readTree(scim.get("/scim/v2/ServiceProviderConfig", token.secret()).body()).get("patch").get("supported").asBoolean()).isTrue();
        assertThat(scim.get("/scim/v2/ResourceTypes", token.secret()).body()).contains("\"endpoint\":\"/Users\"");
        HttpResponse<String> groups = scim.get("/scim/v2/Groups?excludedAttributes=members", token.secret());
        assertThat(groups.statusCode()).isEqualTo(501);
        assertThat(JSON.readTree(groups.body()).get("status").asString()).isEqualTo("501");
        HttpResponse<String> nothing = scim.get("/scim/v2/Nothing", token.secret());
        assertThat(nothing.statusCode()).isEqualTo(404);
        assertThat(JSON.readTree(nothing.body()).get("schemas").get(0).asString()).isEqualTo("urn:ietf:params:scim:api:messages:2.0:Error");
    }

    @Test
    void anAdminMakesATokenOnThePageSeesItOnceWithTheUrlToPasteAndRevokesIt() throws Exception {
        Visitor page = fixtures.signIn(mvc, admin);
        String before = page.get("/organisation/scim").andReturn().getResponse().getContentAsString();
        assertThat(before).contains("http://localhost:8080/scim/v2").contains("Entra ID");

        String made = page.post("/organisation/scim/tokens", "name", "Entra provisioning", "expiresInDays", "30").andReturn()
                .getResponse().getContentAsString();
        Matcher shown = Pattern.compile("id=\"new-token\">(cs_scim_[A-Za-z0-9_-]+)<").matcher(made);
        assertThat(shown.find()).isTrue();
        String secret = shown.group(1);
        assertThat(scim.get("/scim/v2/Users", secret).statusCode()).isEqualTo(200);
        assertThat(page.get("/organisation/scim").andReturn().getResponse().getContentAsString())
                .contains("Entra provisioning").doesNotContain(secret);
        // Kept as a hash only.
        assertThat(jdbc.sql("select count(*) from scim_token where token_hash = ?").param(secret).query(Long.class).single()).isZero();
        assertThat(jdbc.sql("select count(*) from scim_token where token_hash = ?").param(Tokens.sha256Hex(secret)).query(Long.class).single())
                .isEqualTo(1);

        UUID id = scimTokens.list(organisation.id()).stream().filter(t -> t.name().equals("Entra provisioning")).findFirst().orElseThrow().id();
        assertThat(page.post("/organisation/scim/tokens/" + id + "/revoke").andReturn().getResponse().getRedirectedUrl()).isEqualTo("/organisation/scim");
        assertThat(scim.get("/scim/v2/Users", secret).statusCode()).isEqualTo(401);

        var tooLong = page.post("/organisation/scim/tokens", "name", "Forever", "expiresInDays", "9999").andReturn().getResponse();
        assertThat(tooLong.getStatus()).isEqualTo(200);
        assertThat(tooLong.getContentAsString()).contains("govuk-error-summary").contains("Choose between 1 and 730 days")
                .doesNotContain("id=\"new-token\"");
        var controlCharacter = page.post("/organisation/scim/tokens", "name", "Entra\u0007", "expiresInDays", "30").andReturn().getResponse();
        assertThat(controlCharacter.getContentAsString()).contains("govuk-error-summary").contains("control character")
                .doesNotContain("id=\"new-token\"");
    }

    @Test
    void anAdminMakesAndRevokesATokenInTheApi() throws Exception {
        ApiClient api = new ApiClient(port);
        String personal = fixtures.token(admin);
        HttpResponse<String> made = api.post("/api/v1/organisations/" + organisation.id() + "/scim-tokens", personal,
                "{\"name\":\"Google\",\"expiresInDays\":90}");
        assertThat(made.statusCode()).isEqualTo(201);
        JsonNode body = JSON.readTree(made.body());
        String secret = body.get("secret").asString();
        assertThat(secret).startsWith("cs_scim_");
        assertThat(body.get("scimUrl").asString()).isEqualTo("http://localhost:8080/scim/v2");
        assertThat(scim.get("/scim/v2/Users", secret).statusCode()).isEqualTo(200);
        String tokenId = body.get("token").get("id").asString();

        HttpResponse<String> list = api.get("/api/v1/organisations/" + organisation.id() + "/scim-tokens", personal);
        assertThat(list.body()).contains(tokenId).doesNotContain(secret);
        HttpResponse<String> bad = api.post("/api/v1/organisations/" + organisation.id() + "/scim-tokens", personal, "{\"expiresInDays\":0}");
        assertThat(bad.statusCode()).isEqualTo(422);
        assertThat(bad.body()).contains("expiresInDays");

        assertThat(api.send("DELETE", "/api/v1/organisations/" + organisation.id() + "/scim-tokens/" + tokenId, personal, "", null)
                .statusCode()).isEqualTo(204);
        assertThat(scim.get("/scim/v2/Users", secret).statusCode()).isEqualTo(401);
    }

    /** Audit entries' details for an action on an account, by the given actor (sequenced or waiting). */
    private List<String> audited(String action, UUID account, String actor) {
        return jdbc.sql("""
                select details from audit_entry where action = ? and target = ? and actor_id = ?
                union all select details from audit_pending where action = ? and target = ? and actor_id = ?""")
                .params(action, "account:" + account, actor, action, "account:" + account, actor).query(String.class).list();
    }

    /** Entra's create-user request with fresh GUIDs, so every run provisions a new person. */
    record Entra(String userName, String externalId, String email) {
        static Entra fresh() {
            return new Entra("Test_User_" + UUID.randomUUID(), UUID.randomUUID().toString(), "Test_User_" + UUID.randomUUID() + "@testuser.com");
        }

        String create() {
            return ScimHttp.entra("create-user.json")
                    .replace("Test_User_ab6490ee-1e48-479e-a20b-2d77186b5dd1", userName)
                    .replace("0a21f0f2-8d2a-4f8e-bf98-7363c4aed4ef", externalId)
                    .replace("Test_User_fd0ea19b-0777-472c-9f96-4f70d2226f2e@testuser.com", email);
        }
    }
}
