package org.caseshare.sharing;

import java.net.http.HttpResponse;
import java.text.Normalizer;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.caseshare.directory.Directory;
import org.caseshare.directory.DirectoryEntry;
import org.caseshare.directory.Organisation;
import org.caseshare.directory.OrganisationKind;
import org.caseshare.directory.Switchboard;
import org.caseshare.directory.TelephoneNumber;
import org.caseshare.identity.Account;
import org.caseshare.identity.Role;
import org.caseshare.support.ApiClient;
import org.caseshare.support.Fixtures;
import org.caseshare.support.IntegrationTest;
import org.caseshare.support.NameCorpus;
import org.caseshare.system.Actor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/** The register over real HTTP with personal access tokens: the whole lifecycle and every way it says no. */
abstract class SharingApiTests extends IntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String PATH = "/api/v1/sharing-records";

    @LocalServerPort
    int port;
    @Autowired
    Fixtures fixtures;
    @Autowired
    Directory directory;

    record Council(Organisation organisation, String practitioner, String manager, DirectoryEntry health, DirectoryEntry charity) {
    }

    Council council() {
        Organisation council = fixtures.organisation("Council");
        Account admin = fixtures.person(council, Role.ORGANISATION_ADMIN);
        Actor caller = new Actor(admin.id(), council.id(), admin.displayName(), Set.of(Actor.ORGANISATION_ADMIN));
        DirectoryEntry health = directory.addEntry(caller, "Wessex Health Trust", OrganisationKind.HEALTH,
                List.of(new Switchboard(TelephoneNumber.parse("0118 974 6000"), null)));
        DirectoryEntry charity = directory.addEntry(caller, "Helping Hands Charity", OrganisationKind.VOLUNTARY,
                List.of(new Switchboard(TelephoneNumber.parse("0118 900 1000"), null)));
        return new Council(council, fixtures.token(fixtures.person(council, Role.PRACTITIONER)),
                fixtures.token(fixtures.person(council, Role.MANAGER)), health, charity);
    }

    /** A complete routine telephone share as JSON, with the form's field names. */
    static ObjectNode share(DirectoryEntry entry) {
        ObjectNode body = JSON.createObjectNode();
        body.put("direction", "WE_SHARE");
        ObjectNode person = body.putArray("subjects").addObject();
        person.put("name", "Alex Example");
        person.put("dateOfBirth", "2015-03-27");
        person.put("reference", "C-1001");
        body.put("information", "School attendance summary for this term");
        body.putArray("categories").add("PERSONAL");
        body.put("marking", "OFFICIAL");
        body.put("urgency", "ROUTINE");
        body.put("purpose", "Health visitor assessment of the child's needs");
        body.put("necessity", "The assessment cannot be done without attendance information");
        body.put("lawfulBasis", "PUBLIC_TASK");
        body.put("consentSought", false);
        body.put("consentNotSought", "WOULD_CAUSE_DELAY");
        body.put("decision", "SHARE");
        body.put("decisionReasons", "Proportionate and necessary for the assessment");
        body.put("channel", "TELEPHONE");
        body.put("recipientEntry", entry.id().toString());
        body.put("recipientName", "Sam Nurse");
        body.put("recipientJobTitle", "Health visitor");
        body.put("recipientDepartment", "Children's community health");
        body.put("personInformed", "YES");
        return body;
    }

    /**
     * Every name of the corpus sent as some systems send it (decomposed: a letter, then its accent) comes
     * back through the API exactly as written, composed; the register search forgives the accents.
     */
    @Test
    void everyNameOfTheCorpusGoesInAndComesBackAsWritten() throws Exception {
        Council c = council();
        int n = 0;
        for (NameCorpus.Entry entry : NameCorpus.ENTRIES) {
            ObjectNode body = share(c.charity());
            body.put("formToken", UUID.randomUUID().toString());
            ObjectNode person = (ObjectNode) body.get("subjects").get(0);
            person.put("name", Normalizer.normalize(entry.name(), Normalizer.Form.NFD));
            person.put("reference", "N-" + n++);
            HttpResponse<String> created = api().post(PATH, c.practitioner(), body.toString());
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
            String id = JSON.readTree(created.body()).get("id").asString();

            JsonNode fetched = JSON.readTree(api().get(PATH + "/" + id, c.practitioner()).body());
            assertThat(fetched.at("/subjects/0/name").asString()).isEqualTo(entry.name());
        }
        JsonNode found = JSON.readTree(api().post(PATH + "/search", c.practitioner(), "{\"person\":\"Sian Llyr\"}").body());
        assertThat(found.get("total").asLong()).isEqualTo(1);
        JsonNode lukasz = JSON.readTree(api().post(PATH + "/search", c.practitioner(), "{\"person\":\"lukasz zolc\"}").body());
        assertThat(lukasz.get("total").asLong()).isEqualTo(1);
    }

    @Test
    void aControlCharacterInAFieldIsA422ProblemNamingItAndNothingIsRecorded() throws Exception {
        Council c = council();
        ObjectNode body = share(c.charity());
        body.put("formToken", UUID.randomUUID().toString());
        body.put("purpose", "Assessment\u0007 of needs");

        HttpResponse<String> refused = api().post(PATH, c.practitioner(), body.toString());

        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(422);
        assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(JSON.readTree(refused.body()).at("/errors/purpose").asString())
                .isEqualTo("Purpose must not contain the control character U+0007 (at position 11)");
        assertThat(JSON.readTree(api().get(PATH, c.practitioner()).body()).get("total").asLong()).isZero();
    }

    @Test
    void aShareIsCreatedAuthorisedCheckedSharedAndItsReceiptConfirmed() throws Exception {
        Council c = council();
        ObjectNode body = share(c.charity());
        body.put("marking", "OFFICIAL_SENSITIVE:PERSONAL");
        body.put("formToken", UUID.randomUUID().toString());
        HttpResponse<String> created = api().post(PATH, c.practitioner(), body.toString());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(created.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
        JsonNode record = JSON.readTree(created.body());
        String id = record.get("id").asString();
        assertThat(created.headers().firstValue("Location")).hasValue(PATH + "/" + id);
        assertThat(created.headers().firstValue("ETag")).hasValue("\"" + record.get("version").asInt() + "\"");
        int first = record.get("version").asInt();
        assertThat(record.get("status").asString()).isEqualTo("AWAITING_AUTHORISATION");
        assertThat(record.at("/recipient/organisation").asString()).isEqualTo("Helping Hands Charity");
        assertThat(record.at("/recipient/telephone").asString()).isEqualTo("0118 900 1000");
        assertThat(record.at("/policy/authoriser").asString()).isEqualTo("MANAGER");
        assertThat(record.at("/subjects/0/reference").asString()).isEqualTo("C-1001");

        // The same form token again finds the first record instead of making a second.
        HttpResponse<String> again = api().post(PATH, c.practitioner(), body.toString());
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(again.body()).get("id").asString()).isEqualTo(id);

        // The practitioner may not authorise (403); the manager may, with the version read.
        assertThat(api().post(PATH + "/" + id + "/authorise", c.practitioner(), "{\"version\":" + first + "}").statusCode()).isEqualTo(403);
        HttpResponse<String> authorised = api().post(PATH + "/" + id + "/authorise", c.manager(), "{\"version\":" + first + "}");
        assertThat(authorised.statusCode()).as(authorised.body()).isEqualTo(200);
        record = JSON.readTree(authorised.body());
        assertThat(record.get("status").asString()).isEqualTo("AUTHORISED");
        assertThat(record.at("/authorisation/name").asString()).isNotBlank();

        // Sharing with a safeguard unconfirmed is a 409 problem naming what is missing.
        HttpResponse<String> early = api().post(PATH + "/" + id + "/share", c.practitioner(), "");
        assertThat(early.statusCode()).isEqualTo(409);
        assertThat(early.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(JSON.readTree(early.body()).get("detail").asString()).contains("Confirm every safeguard on the checklist");

        // Every safeguard confirmed, with the version as If-Match.
        int version = record.get("version").asInt();
        for (JsonNode safeguard : record.at("/policy/safeguards")) {
            HttpResponse<String> confirmed = api().send("POST", PATH + "/" + id + "/safeguards/" + safeguard.get("id").asString() + "/confirm",
                    c.practitioner(), "", "\"" + version + "\"");
            assertThat(confirmed.statusCode()).as(confirmed.body()).isEqualTo(200);
            version = JSON.readTree(confirmed.body()).get("version").asInt();
            assertThat(confirmed.headers().firstValue("ETag")).hasValue("\"" + version + "\"");
        }
        HttpResponse<String> shared = api().post(PATH + "/" + id + "/share", c.practitioner(), "{\"version\":" + version + "}");
        assertThat(shared.statusCode()).as(shared.body()).isEqualTo(200);
        record = JSON.readTree(shared.body());
        assertThat(record.get("status").asString()).isEqualTo("SHARED");
        assertThat(record.at("/policy/safeguards")).allSatisfy(s -> assertThat(s.get("confirmed").asBoolean()).isTrue());

        HttpResponse<String> received = api().post(PATH + "/" + id + "/confirm-receipt", c.practitioner(), "{}");
        assertThat(received.statusCode()).isEqualTo(200);
        JsonNode fetched = JSON.readTree(api().get(PATH + "/" + id, c.practitioner()).body());
        assertThat(fetched.get("status").asString()).isEqualTo("RECEIPT_CONFIRMED");
        assertThat(fetched.get("timeline")).extracting(e -> e.get("label").asString())
                .contains("Recorded", "Authorised", "Safeguard confirmed", "Shared", "Receipt confirmed");

        // The register lists it by status (no personal data in the URL), and finds it by reference in a body.
        JsonNode listed = JSON.readTree(api().get(PATH + "?status=RECEIPT_CONFIRMED&channel=TELEPHONE&size=10", c.practitioner()).body());
        assertThat(listed.get("total").asLong()).isEqualTo(1);
        assertThat(listed.at("/items/0/id").asString()).isEqualTo(id);
        JsonNode found = JSON.readTree(api().post(PATH + "/search", c.practitioner(), "{\"person\":\"c-1001\"}").body());
        assertThat(found.get("total").asLong()).isEqualTo(1);
        JsonNode none = JSON.readTree(api().post(PATH + "/search", c.practitioner(), "{\"person\":\"Nobody Known\"}").body());
        assertThat(none.get("total").asLong()).isZero();
        assertThat(listed.get("totalExact").asBoolean()).isTrue();
        JsonNode byRecipient = JSON.readTree(api().post(PATH + "/search", c.practitioner(),
                "{\"recipient\":\"HELPING hands charity\"}").body());
        assertThat(byRecipient.get("recipientMatch").asString()).isEqualTo("EXACT");
        assertThat(byRecipient.get("total").asLong()).isEqualTo(1);
        JsonNode containing = JSON.readTree(api().post(PATH + "/search", c.practitioner(),
                "{\"recipient\":\"hands\",\"recipientMatch\":\"contains\"}").body());
        assertThat(containing.get("recipientMatch").asString()).isEqualTo("CONTAINS");
        assertThat(containing.get("total").asLong()).isEqualTo(1);
        assertThat(api().post(PATH + "/search", c.practitioner(), "{\"recipient\":\"x\",\"recipientMatch\":\"sometimes\"}").statusCode())
                .isEqualTo(422);
    }

    @Test
    void aStaleVersionIsA409AndNothingChanges() throws Exception {
        Council c = council();
        String id = JSON.readTree(api().post(PATH, c.practitioner(), share(c.health()).toString()).body()).get("id").asString();
        JsonNode record = JSON.readTree(api().get(PATH + "/" + id, c.practitioner()).body());
        String safeguard = record.at("/policy/safeguards/0/id").asString();
        int read = record.get("version").asInt();
        assertThat(api().post(PATH + "/" + id + "/safeguards/" + safeguard + "/confirm", c.practitioner(), "{\"version\":" + read + "}")
                .statusCode()).isEqualTo(200);
        HttpResponse<String> stale = api().post(PATH + "/" + id + "/cancel", c.practitioner(), "{\"version\":" + read + "}");
        assertThat(stale.statusCode()).isEqualTo(409);
        assertThat(stale.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(JSON.readTree(stale.body()).get("detail").asString()).contains("Someone else changed this record");
        assertThat(api().send("POST", PATH + "/" + id + "/cancel", c.practitioner(), "", "W/\"" + read + "\"").statusCode()).isEqualTo(409);
        assertThat(JSON.readTree(api().get(PATH + "/" + id, c.practitioner()).body()).get("status").asString()).isEqualTo("READY");

        // A decision not to share needs its reasons (422); with them it is declined.
        HttpResponse<String> noReasons = api().post(PATH + "/" + id + "/decline", c.practitioner(), "{\"version\":" + (read + 1) + "}");
        assertThat(noReasons.statusCode()).isEqualTo(422);
        assertThat(JSON.readTree(noReasons.body()).at("/errors/reasons").asString()).isEqualTo("Enter why the information is not being shared");
        HttpResponse<String> declined = api().post(PATH + "/" + id + "/decline", c.practitioner(),
                "{\"version\":" + (read + 1) + ",\"reasons\":\"Not necessary after all\"}");
        assertThat(JSON.readTree(declined.body()).get("status").asString()).isEqualTo("DECLINED");
    }

    @Test
    void aRequestReceivedIsSharedOnlyAfterTheCallerIsVerified() throws Exception {
        Council c = council();
        ObjectNode body = share(c.health());
        body.put("direction", "REQUEST_RECEIVED");
        body.put("numberGiven", "07700 900123");
        HttpResponse<String> created = api().post(PATH, c.practitioner(), body.toString());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode record = JSON.readTree(created.body());
        String id = record.get("id").asString();
        for (JsonNode safeguard : record.at("/policy/safeguards")) {
            api().post(PATH + "/" + id + "/safeguards/" + safeguard.get("id").asString() + "/confirm", c.practitioner(), "");
        }
        HttpResponse<String> unverified = api().post(PATH + "/" + id + "/share", c.practitioner(), "");
        assertThat(unverified.statusCode()).isEqualTo(409);
        assertThat(unverified.body()).contains("Call the requester back");
        HttpResponse<String> bad = api().post(PATH + "/" + id + "/call-back", c.practitioner(), "{\"verified\":\"yes\"}");
        assertThat(bad.statusCode()).isEqualTo(422);
        assertThat(JSON.readTree(bad.body()).get("errors").properties()).extracting(java.util.Map.Entry::getKey)
                .containsExactlyInAnyOrder("number", "verified");
        HttpResponse<String> verified = api().post(PATH + "/" + id + "/call-back", c.practitioner(),
                "{\"number\":\"0118 974 6000\",\"verified\":true}");
        assertThat(verified.statusCode()).as(verified.body()).isEqualTo(200);
        assertThat(JSON.readTree(verified.body()).at("/callBack/verified").asBoolean()).isTrue();
        HttpResponse<String> shared = api().post(PATH + "/" + id + "/share", c.practitioner(), "");
        assertThat(JSON.readTree(shared.body()).get("status").asString()).isEqualTo("SHARED");
    }

    @Test
    void badFieldsAreA422WithTheFormsMessagesAndMalformedJsonIsA400() throws Exception {
        Council c = council();
        HttpResponse<String> empty = api().post(PATH, c.practitioner(), "{\"channel\":\"TELEPHONE\",\"subjects\":[{\"name\":\"Alex\"}]}");
        assertThat(empty.statusCode()).isEqualTo(422);
        assertThat(empty.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        JsonNode errors = JSON.readTree(empty.body()).get("errors");
        assertThat(errors.get("direction").asString()).isEqualTo("Select whether you are sharing, or recording a request");
        assertThat(errors.get("subjects").asString()).isEqualTo("Enter a date of birth or your case reference for Alex");
        assertThat(errors.get("information").asString()).isEqualTo("Describe what information is being shared");
        assertThat(errors.has("recipientOrganisation")).isTrue();

        ObjectNode wrongTypes = share(c.health());
        wrongTypes.put("purpose", 7);
        wrongTypes.put("subjects", "Alex");
        JsonNode typeErrors = JSON.readTree(api().post(PATH, c.practitioner(), wrongTypes.toString()).body()).get("errors");
        assertThat(typeErrors.get("purpose").asString()).isEqualTo("Give purpose as text");
        assertThat(typeErrors.get("subjects").asString()).startsWith("Give the people as a list");
        assertThat(api().post(PATH, c.practitioner(), "[1, 2]").statusCode()).isEqualTo(422);

        HttpResponse<String> malformed = api().post(PATH, c.practitioner(), "{not json");
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(malformed.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(malformed.body()).doesNotContain("Exception").doesNotContain("at org.");

        assertThat(api().get(PATH + "?size=1000", c.practitioner()).statusCode()).isEqualTo(422);
        assertThat(api().get(PATH + "?status=LOST", c.practitioner()).statusCode()).isEqualTo(422);
    }

    @Test
    void withoutATokenIsA401AndAnotherOrganisationsRecordIsA404() throws Exception {
        Council c = council();
        String id = JSON.readTree(api().post(PATH, c.practitioner(), share(c.health()).toString()).body()).get("id").asString();
        HttpResponse<String> anonymous = api().get(PATH + "/" + id, null);
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(api().post(PATH, null, share(c.health()).toString()).statusCode()).isEqualTo(401);

        Organisation school = fixtures.organisation("School");
        String outsider = fixtures.token(fixtures.person(school, Role.PRACTITIONER));
        String outsideManager = fixtures.token(fixtures.person(school, Role.MANAGER));
        HttpResponse<String> hidden = api().get(PATH + "/" + id, outsider);
        assertThat(hidden.statusCode()).isEqualTo(404);
        assertThat(hidden.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(api().post(PATH + "/" + id + "/cancel", outsider, "").statusCode()).isEqualTo(404);
        assertThat(api().post(PATH + "/" + id + "/authorise", outsideManager, "").statusCode()).isEqualTo(404);
        assertThat(JSON.readTree(api().get(PATH, outsider).body()).get("total").asLong()).isZero();
        // The recipient type and lawful basis filters (the oversight figures link to them): within the organisation only.
        String typed = PATH + "?recipientType=HEALTH&lawfulBasis=PUBLIC_TASK";
        assertThat(JSON.readTree(api().get(typed, c.practitioner()).body()).get("total").asLong()).isEqualTo(1);
        assertThat(JSON.readTree(api().get(typed, outsider).body()).get("total").asLong()).isZero();
        assertThat(JSON.readTree(api().get(PATH + "?lawfulBasis=CONSENT", c.practitioner()).body()).get("total").asLong()).isZero();
        assertThat(JSON.readTree(api().get(PATH + "?recipientType=NONE", c.practitioner()).body()).get("total").asLong()).isZero();
        HttpResponse<String> unknown = api().get(PATH + "?recipientType=SPACESHIP&lawfulBasis=whim", c.practitioner());
        assertThat(unknown.statusCode()).isEqualTo(422);
        assertThat(unknown.body()).contains("recipientType", "lawfulBasis").doesNotContain("Exception");

        String partner = fixtures.token(fixtures.person(c.organisation(), Role.PARTNER));
        assertThat(api().get(PATH + "/" + id, partner).statusCode()).isEqualTo(403);
        assertThat(JSON.readTree(api().get(PATH + "/" + id, c.practitioner()).body()).get("status").asString()).isEqualTo("READY");
    }

    private ApiClient api() {
        return new ApiClient(port);
    }
}
