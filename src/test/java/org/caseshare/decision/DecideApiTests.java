package org.caseshare.decision;

import java.net.http.HttpResponse;

import org.caseshare.directory.Organisation;
import org.caseshare.identity.Account;
import org.caseshare.identity.Role;
import org.caseshare.policy.PolicyLoader;
import org.caseshare.support.Fixtures;
import org.caseshare.support.ApiClient;
import org.caseshare.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/** "How should I share this?" and the policy in force, over real HTTP with a personal access token. */
abstract class DecideApiTests extends IntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;
    @Autowired
    Fixtures fixtures;
    @Autowired
    PolicyVersions versions;


    @Test
    void anAssessmentGivesEveryChannelWithItsChecklistAuthoriserAndReasons() throws Exception {
        String token = fixtures.token(fixtures.person(fixtures.organisation("Council"), Role.PRACTITIONER));
        HttpResponse<String> response = api().post("/api/v1/assessments", token, """
                {"marking":"official-sensitive","descriptor":"personal","urgency":"routine",
                 "categories":["special-category"],"recipientType":"school","records":1}""");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.at("/policyVersion/number").asInt()).isEqualTo(1);
        assertThat(body.at("/policyVersion/sha256").asString()).isEqualTo(PolicyLoader.defaultPolicy().version().sha256());
        assertThat(body.at("/marking/marking").asString()).isEqualTo("OFFICIAL-SENSITIVE");
        assertThat(body.at("/marking/descriptor").asString()).isEqualTo("PERSONAL");
        assertThat(body.at("/marking/reviewRequired").asBoolean()).isFalse();
        assertThat(body.get("channels")).hasSize(7);
        JsonNode email = channel(body, "EMAIL");
        assertThat(email.get("verdict").asString()).isEqualTo("ALLOWED_WITH_CONDITIONS");
        assertThat(email.get("conditions").toString()).contains("email.encrypted-attachment", "email.password-separately");
        assertThat(email.get("safeguards").get(0).has("id")).isTrue();
        assertThat(email.get("safeguards").get(0).has("text")).isTrue();
        assertThat(email.get("reasons").toString()).contains("\"ruleId\":\"email-council-schools-not-secure\"")
                .contains("\"source\":\"GUIDE\"").contains("Note that emails between the Council and Schools are not secure.");
        assertThat(channel(body, "REMOVABLE_DEVICE").get("authoriser").asString()).isEqualTo("MANAGER");

        JsonNode secret = JSON.readTree(api().post("/api/v1/assessments", token,
                "{\"marking\":\"SECRET\",\"urgency\":\"urgent\",\"categories\":[\"personal\"],\"recipientType\":\"council\"}").body());
        for (JsonNode channel : secret.get("channels")) {
            assertThat(channel.get("verdict").asString()).isEqualTo("REFUSED");
            assertThat(channel.get("authoriser").asString()).isEqualTo("INFORMATION_SECURITY_OFFICER");
        }
        JsonNode legacy = JSON.readTree(api().post("/api/v1/assessments", token,
                "{\"marking\":\"PROTECT\",\"urgency\":\"emergency\",\"categories\":[\"personal\"],\"recipientType\":\"health\"}").body());
        assertThat(legacy.at("/marking/reviewRequired").asBoolean()).isTrue();
        assertThat(legacy.at("/marking/handledAs").asString()).isEqualTo("OFFICIAL");
        assertThat(legacy.get("fullRecordDueWithin").asString()).isEqualTo("PT24H");
    }

    @Test
    void badFieldsAreA422ProblemWithAMessagePerFieldAndMalformedJsonIsA400() throws Exception {
        String token = fixtures.token(fixtures.person(fixtures.organisation("Council"), Role.PRACTITIONER));
        HttpResponse<String> bad = api().post("/api/v1/assessments", token, """
                {"marking":"PURPLE","urgency":"","categories":[],"recipientType":"spaceship","senderType":7,"records":0}""");
        assertThat(bad.statusCode()).isEqualTo(422);
        assertThat(bad.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        JsonNode errors = JSON.readTree(bad.body()).get("errors");
        assertThat(errors.get("marking").asString()).startsWith("Select a protective marking from the list");
        assertThat(errors.get("urgency").asString()).isEqualTo("Select how urgent the sharing is");
        assertThat(errors.get("categories").asString()).isEqualTo("Select what kind of information is being shared");
        assertThat(errors.get("recipientType").asString()).startsWith("Select a type of organisation");
        assertThat(errors.get("senderType").asString()).isEqualTo("Give senderType as text");
        assertThat(errors.get("records").asString()).contains("1 or more");

        HttpResponse<String> descriptor = api().post("/api/v1/assessments", token, """
                {"marking":"OFFICIAL","descriptor":"PERSONAL","urgency":"routine","categories":["personal"],"recipientType":"council"}""");
        assertThat(descriptor.statusCode()).isEqualTo(422);
        assertThat(JSON.readTree(descriptor.body()).at("/errors/descriptor").asString()).contains("only with OFFICIAL-SENSITIVE");

        assertThat(api().post("/api/v1/assessments", token, "[1, 2]").statusCode()).isEqualTo(422);

        HttpResponse<String> malformed = api().post("/api/v1/assessments", token, "{not json");
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(malformed.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(malformed.body()).doesNotContain("Exception").doesNotContain("at org.");
    }

    @Test
    void withoutATokenItIsA401Problem() throws Exception {
        HttpResponse<String> none = api().post("/api/v1/assessments", null, "{\"marking\":\"OFFICIAL\"}");
        assertThat(none.statusCode()).isEqualTo(401);
        assertThat(none.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(api().get("/api/v1/policy", null).statusCode()).isEqualTo(401);
    }

    @Test
    void thePolicyInForceIsTheCallersOwnOrganisations() throws Exception {
        Organisation council = fixtures.organisation("Council");
        Organisation school = fixtures.organisation("School");
        Account dpo = fixtures.person(council, Role.DATA_PROTECTION_OFFICER);
        String councilToken = fixtures.token(fixtures.person(council, Role.PRACTITIONER));
        String schoolToken = fixtures.token(fixtures.person(school, Role.PRACTITIONER));
        InForce version2 = versions.replace(council.id(), versions.draft(council.id()), PolicySource.EDITED, dpo.id())
                .accepted().orElseThrow();

        JsonNode councilPolicy = JSON.readTree(api().get("/api/v1/policy", councilToken).body());
        assertThat(councilPolicy.get("number").asInt()).isEqualTo(2);
        assertThat(councilPolicy.get("sha256").asString()).isEqualTo(version2.version().sha256());
        assertThat(councilPolicy.get("source").asString()).isEqualTo("EDITED");
        assertThat(councilPolicy.get("safeguards").toString()).contains("\"id\":\"email.encrypted-attachment\"");

        JsonNode schoolPolicy = JSON.readTree(api().get("/api/v1/policy", schoolToken).body());
        assertThat(schoolPolicy.get("number").asInt()).isEqualTo(1);
        assertThat(schoolPolicy.get("sha256").asString()).isEqualTo(PolicyLoader.defaultPolicy().version().sha256());

        JsonNode assessed = JSON.readTree(api().post("/api/v1/assessments", councilToken,
                "{\"marking\":\"OFFICIAL\",\"urgency\":\"routine\",\"categories\":[\"personal\"],\"recipientType\":\"council\"}").body());
        assertThat(assessed.at("/policyVersion/number").asInt()).isEqualTo(2);
    }

    private static JsonNode channel(JsonNode body, String name) {
        for (JsonNode channel : body.get("channels")) {
            if (channel.get("channel").asString().equals(name)) {
                return channel;
            }
        }
        throw new AssertionError("no channel " + name);
    }

    private ApiClient api() {
        return new ApiClient(port);
    }
}
