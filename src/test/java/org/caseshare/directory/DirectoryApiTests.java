package org.caseshare.directory;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import org.caseshare.identity.Role;
import org.caseshare.support.Fixtures;
import org.caseshare.support.ApiClient;
import org.caseshare.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/** The directory API over real HTTP: tokens, tenant scoping, admin-only changes, the email check. */
abstract class DirectoryApiTests extends IntegrationTest {

    @LocalServerPort
    int port;
    @Autowired
    Fixtures fixtures;

    private final ObjectMapper json = JsonMapper.builder().build();

    @Test
    void theLanguageOfAnOrganisationIsRecordedAndShown() throws Exception {
        Organisation council = fixtures.organisation("Council");
        String admin = fixtures.token(fixtures.person(council, Role.ORGANISATION_ADMIN));
        String practitioner = fixtures.token(fixtures.person(council, Role.PRACTITIONER));

        HttpResponse<String> created = api().post("/api/v1/directory", admin,
                "{\"name\":\"Ysgol Gynradd Aberystwyth\",\"kind\":\"school\",\"language\":\"both\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String entryId = json.readTree(created.body()).get("id").asString();
        assertThat(json.readTree(api().get("/api/v1/directory/" + entryId, practitioner).body()).get("language").asString()).isEqualTo("both");

        HttpResponse<String> bad = api().post("/api/v1/directory", admin, "{\"name\":\"Ysgol Arall\",\"kind\":\"school\",\"language\":\"fr\"}");
        assertThat(bad.statusCode()).isEqualTo(422);
        assertThat(bad.body()).contains("\"language\"");
    }

    @Test
    void anAdminBuildsAnEntryAndTheEmailCheckFollowsTheGuideAndTheDirectory() throws Exception {
        Organisation council = fixtures.organisation("Council");
        String admin = fixtures.token(fixtures.person(council, Role.ORGANISATION_ADMIN));
        String practitioner = fixtures.token(fixtures.person(council, Role.PRACTITIONER));

        HttpResponse<String> created = api().post("/api/v1/directory", admin, "{\"name\":\"Wessex Health Trust\",\"kind\":\"health\"}");
        assertThat(created.statusCode()).isEqualTo(201);
        String entryId = json.readTree(created.body()).get("id").asString();
        assertThat(created.headers().firstValue("Location")).hasValue("/api/v1/directory/" + entryId);
        assertThat(json.readTree(created.body()).get("language").asString()).as("English unless said").isEqualTo("en");

        HttpResponse<String> domain = api().post("/api/v1/directory/" + entryId + "/contact-points", admin,
                "{\"kind\":\"email-domain\",\"domain\":\"wessexhealth.nhs.uk\",\"secure\":true}");
        assertThat(domain.statusCode()).isEqualTo(201);
        String domainId = json.readTree(domain.body()).get("id").asString();
        HttpResponse<String> switchboard = api().post("/api/v1/directory/" + entryId + "/contact-points", admin,
                "{\"kind\":\"SWITCHBOARD\",\"telephone\":\"0118 974 6000\"}");
        assertThat(switchboard.statusCode()).isEqualTo(201);
        assertThat(json.readTree(switchboard.body()).get("details").get("telephoneLineType").asString()).isEqualTo("GEOGRAPHIC");

        // Not verified yet: listed, but not known to be secure.
        assertThat(emailCheck("jo.bloggs@wessexhealth.nhs.uk", practitioner).get("verdict").asString()).isEqualTo("UNKNOWN");
        HttpResponse<String> verified = api().post("/api/v1/directory/" + entryId + "/contact-points/" + domainId + "/verify", admin, "");
        assertThat(verified.statusCode()).isEqualTo(200);
        assertThat(json.readTree(verified.body()).get("verified").asBoolean()).isTrue();
        assertThat(json.readTree(verified.body()).get("verification").get("verifiedByName").asString()).isEqualTo("Test Organisation admin");

        JsonNode secure = emailCheck("Jo.Bloggs@WessexHealth.nhs.uk", practitioner);
        assertThat(secure.get("verdict").asString()).isEqualTo("SECURE_KNOWN");
        assertThat(secure.get("entryId").asString()).isEqualTo(entryId);
        assertThat(secure.get("organisation").asString()).isEqualTo("Wessex Health Trust");

        JsonNode gmail = emailCheck("someone@gmail.com", practitioner);
        assertThat(gmail.get("verdict").asString()).isEqualTo("REFUSED_PERSONAL_WEBMAIL");
        assertThat(gmail.get("reason").asString()).contains("Hotmail");
        JsonNode gcsx = emailCheck("someone@wessex.gcsx.gov.uk", practitioner);
        assertThat(gcsx.get("verdict").asString()).isEqualTo("WARNING_NOT_SECURE");
        assertThat(gcsx.get("reason").asString()).contains("GCSX email accounts are not classed as secure");
        assertThat(emailCheck("someone@elsewhere.example.org", practitioner).get("verdict").asString()).isEqualTo("UNKNOWN");
        // The reason is the caller's language when it asks for one; English otherwise, as above.
        JsonNode welshGcsx = json.readTree(api().get("/api/v1/directory/email-check?address=someone%40wessex.gcsx.gov.uk", practitioner, "cy").body());
        assertThat(welshGcsx.get("verdict").asString()).isEqualTo("WARNING_NOT_SECURE");
        assertThat(welshGcsx.get("reason").asString()).startsWith("Nid yw cyfrifon e-bost GCSX");
        assertThat(json.readTree(api().get("/api/v1/directory/email-check?address=Jo.Bloggs%40WessexHealth.nhs.uk", practitioner, "cy").body())
                .get("reason").asString()).isEqualTo("Parth e-bost diogel wedi’i wirio sy’n perthyn i Wessex Health Trust.");
        assertThat(secure.get("reason").asString()).isEqualTo("A verified secure email domain of Wessex Health Trust.");

        HttpResponse<String> bad = api().get("/api/v1/directory/email-check?address=" + URLEncoder.encode("not an address", StandardCharsets.UTF_8), practitioner);
        assertThat(bad.statusCode()).isEqualTo(422);
        assertThat(bad.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(bad.body()).contains("\"address\"");

        // Telephone check: the verified switchboard once verified, and a mobile is called one.
        String switchboardId = json.readTree(switchboard.body()).get("id").asString();
        assertThat(json.readTree(api().get("/api/v1/directory/" + entryId + "/telephone-check?number=01189746000", practitioner).body())
                .get("verdict").asString()).isEqualTo("UNVERIFIED_SWITCHBOARD");
        api().post("/api/v1/directory/" + entryId + "/contact-points/" + switchboardId + "/verify", admin, "");
        assertThat(json.readTree(api().get("/api/v1/directory/" + entryId + "/telephone-check?number=%2B441189746000", practitioner).body())
                .get("verdict").asString()).isEqualTo("VERIFIED_SWITCHBOARD");
        JsonNode mobile = json.readTree(api().get("/api/v1/directory/" + entryId + "/telephone-check?number=07700900123", practitioner).body());
        assertThat(mobile.get("verdict").asString()).isEqualTo("MOBILE");
        assertThat(mobile.get("advice").asString()).contains("0118 974 6000");

        // Members list, search and read; only admins change.
        assertThat(api().get("/api/v1/directory?q=wessex", practitioner).body()).contains("Wessex Health Trust").contains("wessexhealth.nhs.uk");
        assertThat(api().get("/api/v1/directory?q=zzz", practitioner).body()).isEqualTo("[]");
        assertThat(api().get("/api/v1/directory/" + entryId, practitioner).statusCode()).isEqualTo(200);
        HttpResponse<String> forbidden = api().post("/api/v1/directory", practitioner, "{\"name\":\"Sneaky\",\"kind\":\"other\"}");
        assertThat(forbidden.statusCode()).isEqualTo(403);
        assertThat(forbidden.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(api().post("/api/v1/directory/" + entryId + "/contact-points/" + domainId + "/verify", practitioner, "").statusCode()).isEqualTo(403);
        assertThat(api().post("/api/v1/directory/" + entryId + "/contact-points", practitioner, "{\"kind\":\"fax\",\"telephone\":\"0118 974 6001\"}")
                .statusCode()).isEqualTo(403);
    }

    @Test
    void badContactPointsAre422ProblemsNamingEveryFieldAndNothingIsSaved() throws Exception {
        Organisation council = fixtures.organisation("Council");
        String admin = fixtures.token(fixtures.person(council, Role.ORGANISATION_ADMIN));
        String entryId = json.readTree(api().post("/api/v1/directory", admin, "{\"name\":\"Hill School\",\"kind\":\"SCHOOL\"}").body()).get("id").asString();

        HttpResponse<String> address = api().post("/api/v1/directory/" + entryId + "/contact-points", admin,
                "{\"kind\":\"address\",\"line1\":\"\",\"town\":\"Wokingham\",\"postcode\":\"nope\"}");
        assertThat(address.statusCode()).isEqualTo(422);
        assertThat(json.readTree(address.body()).get("errors").propertyNames()).containsExactly("line1", "postcode");
        HttpResponse<String> webmail = api().post("/api/v1/directory/" + entryId + "/contact-points", admin,
                "{\"kind\":\"contact\",\"name\":\"Sam Smith\",\"jobTitle\":\"Head\",\"department\":\"Office\",\"email\":\"sam@hotmail.co.uk\"}");
        assertThat(webmail.statusCode()).isEqualTo(422);
        assertThat(webmail.body()).contains("personal webmail");
        HttpResponse<String> gcsx = api().post("/api/v1/directory/" + entryId + "/contact-points", admin,
                "{\"kind\":\"email-domain\",\"domain\":\"hill.gcsx.gov.uk\",\"secure\":true}");
        assertThat(gcsx.statusCode()).isEqualTo(422);
        assertThat(json.readTree(gcsx.body()).get("errors").get("secure").asString()).contains("GCSX");
        HttpResponse<String> mobile = api().post("/api/v1/directory/" + entryId + "/contact-points", admin,
                "{\"kind\":\"switchboard\",\"telephone\":\"07700 900123\"}");
        assertThat(mobile.statusCode()).isEqualTo(422);
        assertThat(api().post("/api/v1/directory", admin, "{\"name\":\"\",\"kind\":\"SCHOOL\"}").statusCode()).isEqualTo(422);
        assertThat(api().post("/api/v1/directory", admin, "{\"name\":\"Hill School\",\"kind\":\"SCHOOL\"}").statusCode()).isEqualTo(422);
        assertThat(json.readTree(api().get("/api/v1/directory/" + entryId, admin).body()).get("contactPoints")).isEmpty();

        // The guide: emails between the Council and Schools are not secure, even to a verified domain.
        String domainId = json.readTree(api().post("/api/v1/directory/" + entryId + "/contact-points", admin,
                "{\"kind\":\"email-domain\",\"domain\":\"hill.sch.uk\",\"secure\":true}").body()).get("id").asString();
        api().post("/api/v1/directory/" + entryId + "/contact-points/" + domainId + "/verify", admin, "");
        JsonNode school = emailCheck("office@hill.sch.uk", admin);
        assertThat(school.get("verdict").asString()).isEqualTo("WARNING_NOT_SECURE");
        assertThat(school.get("reason").asString()).contains("Council and Schools");
    }

    @Test
    void invisibleCharactersAre422ProblemsNamingTheCharacterAndNothingIsSaved() throws Exception {
        Organisation council = fixtures.organisation("Council");
        String admin = fixtures.token(fixtures.person(council, Role.ORGANISATION_ADMIN));

        HttpResponse<String> bidi = api().post("/api/v1/directory", admin, "{\"name\":\"Hill \\u202eloohcS\",\"kind\":\"SCHOOL\"}");
        assertThat(bidi.statusCode()).as(bidi.body()).isEqualTo(422);
        assertThat(bidi.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(json.readTree(bidi.body()).get("errors").get("name").asString())
                .isEqualTo("Name must not contain the invisible text-direction character U+202E (at position 6)");
        HttpResponse<String> bell = api().post("/api/v1/directory", admin, "{\"name\":\"Hill\\u0007 School\",\"kind\":\"SCHOOL\"}");
        assertThat(bell.statusCode()).isEqualTo(422);
        assertThat(json.readTree(bell.body()).get("errors").get("name").asString())
                .isEqualTo("Name must not contain the control character U+0007 (at position 5)");

        assertThat(json.readTree(api().get("/api/v1/directory", admin).body()).toString()).doesNotContain("Hill");
    }

    @Test
    void anotherTenantGets404AndItsEmailCheckDoesNotSeeTheEntry() throws Exception {
        Organisation council = fixtures.organisation("Council");
        String admin = fixtures.token(fixtures.person(council, Role.ORGANISATION_ADMIN));
        String entryId = json.readTree(api().post("/api/v1/directory", admin, "{\"name\":\"Wessex Police\",\"kind\":\"POLICE\"}").body()).get("id").asString();
        String domainId = json.readTree(api().post("/api/v1/directory/" + entryId + "/contact-points", admin,
                "{\"kind\":\"email-domain\",\"domain\":\"wessex.police.uk\",\"secure\":true}").body()).get("id").asString();
        api().post("/api/v1/directory/" + entryId + "/contact-points/" + domainId + "/verify", admin, "");

        Organisation other = fixtures.organisation("Other");
        String otherAdmin = fixtures.token(fixtures.person(other, Role.ORGANISATION_ADMIN));
        assertThat(api().get("/api/v1/directory/" + entryId, otherAdmin).statusCode()).isEqualTo(404);
        assertThat(api().post("/api/v1/directory/" + entryId + "/contact-points/" + domainId + "/verify", otherAdmin, "").statusCode()).isEqualTo(404);
        assertThat(api().post("/api/v1/directory/" + entryId + "/contact-points", otherAdmin, "{\"kind\":\"fax\",\"telephone\":\"0118 974 6001\"}")
                .statusCode()).isEqualTo(404);
        assertThat(api().get("/api/v1/directory/" + entryId + "/telephone-check?number=01189746000", otherAdmin).statusCode()).isEqualTo(404);
        assertThat(api().get("/api/v1/directory", otherAdmin).body()).doesNotContain(entryId);
        assertThat(emailCheck("pc@wessex.police.uk", otherAdmin).get("verdict").asString()).isEqualTo("UNKNOWN");
        assertThat(emailCheck("pc@wessex.police.uk", admin).get("verdict").asString()).isEqualTo("SECURE_KNOWN");
        assertThat(api().get("/api/v1/directory", null).statusCode()).isEqualTo(401);
    }

    private JsonNode emailCheck(String address, String token) throws Exception {
        HttpResponse<String> response = api().get("/api/v1/directory/email-check?address=" + URLEncoder.encode(address, StandardCharsets.UTF_8), token);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json.readTree(response.body());
    }

    private ApiClient api() {
        return new ApiClient(port);
    }
}
