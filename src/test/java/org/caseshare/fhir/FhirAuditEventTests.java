package org.caseshare.fhir;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import ca.uhn.fhir.parser.IParser;
import org.caseshare.audit.AuditEntry;
import org.caseshare.audit.AuditTrail;
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
import org.caseshare.system.Actor;
import org.hl7.fhir.r4.model.AuditEvent;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.caseshare.support.Visitor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A health system pulls the register's disclosures as FHIR: records made through the register's API
 * with a token, read back over real HTTP as AuditEvents and a paged searchset Bundle, parsed with
 * HAPI; another organisation sees none of them; bad input is refused as the register refuses it.
 */
abstract class FhirAuditEventTests extends IntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String RECORDS = "/api/v1/sharing-records";
    private static final String FHIR = "/api/v1/fhir/AuditEvent";
    private static final ZoneId UK = ZoneId.of("Europe/London");

    @LocalServerPort
    int port;
    @Autowired
    Fixtures fixtures;
    @Autowired
    Directory directory;
    @Autowired
    AuditTrail audit;
    @Autowired
    MockMvc mvc;

    private final IParser parser = FhirJson.context().newJsonParser();

    record Council(Organisation organisation, String practitioner, String manager, DirectoryEntry health) {
    }

    private Council council() {
        Organisation council = fixtures.organisation("Council");
        Account admin = fixtures.person(council, Role.ORGANISATION_ADMIN);
        Actor caller = new Actor(admin.id(), council.id(), admin.displayName(), Set.of(Actor.ORGANISATION_ADMIN));
        DirectoryEntry health = directory.addEntry(caller, "Wessex Health Trust", OrganisationKind.HEALTH,
                List.of(new Switchboard(TelephoneNumber.parse("0118 974 6000"), null)));
        return new Council(council, fixtures.token(fixtures.person(council, Role.PRACTITIONER)),
                fixtures.token(fixtures.person(council, Role.MANAGER)), health);
    }

    private static ObjectNode share(DirectoryEntry entry, String urgency, String nhsNumber) {
        ObjectNode body = JSON.createObjectNode();
        body.put("formToken", UUID.randomUUID().toString());
        body.put("direction", "WE_SHARE");
        ObjectNode person = body.putArray("subjects").addObject();
        person.put("name", "Alex Example");
        person.put("dateOfBirth", "2015-03-27");
        person.put("reference", "C-1001");
        if (nhsNumber != null) {
            person.put("nhsNumber", nhsNumber);
        }
        body.put("information", "School attendance summary for this term");
        body.putArray("categories").add("PERSONAL");
        body.put("marking", "OFFICIAL");
        body.put("urgency", urgency);
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

    /** Records a share through the register's API and carries it through to shared, as a practitioner would. */
    private JsonNode shared(Council c, String nhsNumber) throws Exception {
        HttpResponse<String> created = api().post(RECORDS, c.practitioner(), share(c.health(), "ROUTINE", nhsNumber).toString());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode record = JSON.readTree(created.body());
        String path = RECORDS + "/" + record.get("id").asString();
        if (record.get("status").asString().equals("AWAITING_AUTHORISATION")) {
            record = JSON.readTree(api().post(path + "/authorise", c.manager(), "{\"version\":" + record.get("version").asInt() + "}").body());
        }
        for (JsonNode safeguard : record.at("/policy/safeguards")) {
            record = JSON.readTree(api().post(path + "/safeguards/" + safeguard.get("id").asString() + "/confirm", c.practitioner(),
                    "{\"version\":" + record.get("version").asInt() + "}").body());
        }
        HttpResponse<String> shared = api().post(path + "/share", c.practitioner(), "{\"version\":" + record.get("version").asInt() + "}");
        assertThat(shared.statusCode()).as(shared.body()).isEqualTo(200);
        return JSON.readTree(shared.body());
    }

    @Test
    void sharesMadeThroughTheRegisterArePulledAsAuditEventsAndABundleOfThem() throws Exception {
        Council c = council();
        JsonNode withNhs = shared(c, "943 476 5919");
        JsonNode withoutNhs = shared(c, null);
        HttpResponse<String> emergencyCreated = api().post(RECORDS, c.practitioner(), share(c.health(), "EMERGENCY", null).toString());
        JsonNode emergency = JSON.readTree(emergencyCreated.body());
        assertThat(emergency.get("status").asString()).as(emergencyCreated.body()).isEqualTo("SHARED");
        // A record not yet shared is no disclosure.
        api().post(RECORDS, c.practitioner(), share(c.health(), "ROUTINE", null).toString());
        assertThat(withNhs.at("/subjects/0/nhsNumber").asString()).isEqualTo("9434765919");

        // One record.
        HttpResponse<String> one = api().get(FHIR + "/" + withNhs.get("id").asString(), c.practitioner());
        assertThat(one.statusCode()).as(one.body()).isEqualTo(200);
        assertThat(one.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/fhir+json"));
        AuditEvent event = parser.parseResource(AuditEvent.class, one.body());
        assertThat(event.getType().getCode()).isEqualTo("110106");
        // FHIR's instant as HAPI holds it is to the millisecond; the register keeps microseconds.
        assertThat(event.getRecorded().toInstant())
                .isEqualTo(Instant.parse(withNhs.get("sharedAt").asString()).truncatedTo(ChronoUnit.MILLIS));
        assertThat(event.getEntityFirstRep().getWhat().getIdentifier().getSystem()).isEqualTo("https://fhir.nhs.uk/Id/nhs-number");
        assertThat(event.getEntityFirstRep().getWhat().getIdentifier().getValue()).isEqualTo("9434765919");
        assertThat(event.getAgent().get(1).getWho().getDisplay()).isEqualTo(c.organisation().name());
        assertThat(event.getAgent().get(2).getWho().getDisplay()).isEqualTo("Sam Nurse, Health visitor (Wessex Health Trust)");
        assertThat(one.body()).doesNotContain("Alex Example", "2015-03-27");

        // The search, a page of two at a time: three disclosures, oldest first, with a next link.
        HttpResponse<String> first = api().get(FHIR + "?_count=2", c.practitioner());
        assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
        Bundle page = parser.parseResource(Bundle.class, first.body());
        assertThat(page.getType()).isEqualTo(Bundle.BundleType.SEARCHSET);
        assertThat(page.getTotal()).isEqualTo(3);
        assertThat(page.getEntry()).extracting(e -> e.getResource().getIdElement().getIdPart())
                .containsExactly(withNhs.get("id").asString(), withoutNhs.get("id").asString());
        String next = page.getLink("next").getUrl();
        HttpResponse<String> second = api().get(next.substring(next.indexOf("/api/")), c.practitioner());
        Bundle rest = parser.parseResource(Bundle.class, second.body());
        assertThat(rest.getEntry()).extracting(e -> e.getResource().getIdElement().getIdPart()).containsExactly(emergency.get("id").asString());
        assertThat(rest.getLink("next")).isNull();
        AuditEvent emergencyEvent = (AuditEvent) rest.getEntryFirstRep().getResource();
        assertThat(emergencyEvent.getEntity().get(1).getDetail()).anySatisfy(d -> assertThat(d.getValue().primitiveValue()).isEqualTo("EMERGENCY"));

        // By date: the day they were shared (in UK time) holds them all; the day after, none.
        LocalDate day = Instant.parse(withNhs.get("sharedAt").asString()).atZone(UK).toLocalDate();
        assertThat(bundle(FHIR + "?date=eq" + day, c.practitioner()).getTotal()).isEqualTo(3);
        assertThat(bundle(FHIR + "?date=ge" + day + "&date=le" + day, c.practitioner()).getTotal()).isEqualTo(3);
        assertThat(bundle(FHIR + "?date=gt" + day, c.practitioner()).getTotal()).isZero();
        assertThat(bundle(FHIR + "?date=lt" + day, c.practitioner()).getTotal()).isZero();
        assertThat(bundle(FHIR + "?date=ge" + day.plusDays(1), c.practitioner()).getTotal()).isZero();

        // Each export is on the audit trail by record id.
        List<AuditEntry> exported = audit.latest(c.organisation().id(), 100).stream().filter(e -> e.action().equals("fhir.audit-event-exported")).toList();
        assertThat(exported).extracting(AuditEntry::target).contains("sharing-record:" + withNhs.get("id").asString(),
                "sharing-record:" + emergency.get("id").asString());
        assertThat(exported).allSatisfy(e -> assertThat(e.details()).doesNotContain("Alex", "Sam Nurse"));
    }

    @Test
    void anotherOrganisationSeesNoneOfThemAndItsRecordIsNotFound() throws Exception {
        Council c = council();
        JsonNode mine = shared(c, null);
        Council other = council();

        Bundle theirs = bundle(FHIR, other.practitioner());
        assertThat(theirs.getTotal()).isZero();
        assertThat(theirs.getEntry()).isEmpty();
        HttpResponse<String> notFound = api().get(FHIR + "/" + mine.get("id").asString(), other.practitioner());
        assertThat(notFound.statusCode()).isEqualTo(404);
        assertThat(parser.parseResource(OperationOutcome.class, notFound.body()).getIssueFirstRep().getCode())
                .isEqualTo(OperationOutcome.IssueType.NOTFOUND);
        assertThat(api().get(FHIR, null).statusCode()).isEqualTo(401);
    }

    @Test
    void badSearchesAreOperationOutcomesAndAnInvalidNhsNumberIsRefusedAtInput() throws Exception {
        Council c = council();
        for (String query : List.of("?date=yesterday", "?date=ge2026-13-01", "?_count=-1", "?_offset=x")) {
            HttpResponse<String> bad = api().get(FHIR + query, c.practitioner());
            assertThat(bad.statusCode()).as(query).isEqualTo(400);
            assertThat(bad.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/fhir+json"));
            assertThat(parser.parseResource(OperationOutcome.class, bad.body()).getIssueFirstRep().getSeverity())
                    .isEqualTo(OperationOutcome.IssueSeverity.ERROR);
        }

        HttpResponse<String> refused = api().post(RECORDS, c.practitioner(), share(c.health(), "ROUTINE", "943 476 5918").toString());

        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(422);
        assertThat(JSON.readTree(refused.body()).at("/errors/subjects").asString())
                .isEqualTo("Enter a valid NHS number for Alex Example: 10 digits, like 943 476 5919, or leave it blank");
        assertThat(bundle(FHIR, c.practitioner()).getTotal()).isZero();
        assertThat(JSON.readTree(api().get(RECORDS, c.practitioner()).body()).get("total").asLong()).isZero();
    }

    @Test
    void theFormRefusesAnInvalidNhsNumberWithAGovUkErrorAndKeepsWhatWasTyped() throws Exception {
        Organisation council = fixtures.organisation("Council");
        Account practitioner = fixtures.person(council, Role.PRACTITIONER);
        Visitor page = fixtures.signIn(mvc, practitioner);

        page.post("/sharing/new", "formToken", UUID.randomUUID().toString(), "direction", "WE_SHARE", "subjectName", "Alex Example",
                        "subjectReference", "C-1001", "subjectNhsNumber", "943 476 5918", "categories", "PERSONAL", "marking", "OFFICIAL",
                        "urgency", "ROUTINE", "channel", "TELEPHONE")
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("There is a problem"),
                        containsString("Enter a valid NHS number for Alex Example: 10 digits, like 943 476 5919, or leave it blank"),
                        containsString("value=\"943 476 5918\""))));
        assertThat(bundle(FHIR, fixtures.token(practitioner)).getTotal()).isZero();
    }

    private Bundle bundle(String path, String token) throws Exception {
        HttpResponse<String> response = api().get(path, token);
        assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
        return parser.parseResource(Bundle.class, response.body());
    }

    private ApiClient api() {
        return new ApiClient(port);
    }
}
