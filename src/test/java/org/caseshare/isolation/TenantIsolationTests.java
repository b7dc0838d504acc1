package org.caseshare.isolation;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.caseshare.decision.PolicySource;
import org.caseshare.decision.PolicyVersions;
import org.caseshare.directory.Directory;
import org.caseshare.directory.DirectoryEntry;
import org.caseshare.directory.Organisation;
import org.caseshare.directory.OrganisationKind;
import org.caseshare.directory.Switchboard;
import org.caseshare.directory.TelephoneNumber;
import org.caseshare.identity.Account;
import org.caseshare.identity.ApiTokens;
import org.caseshare.identity.Invitation;
import org.caseshare.identity.Invitations;
import org.caseshare.identity.Role;
import org.caseshare.support.Fixtures;
import org.caseshare.support.IntegrationTest;
import org.caseshare.support.Visitor;
import org.caseshare.system.Actor;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/**
 * The tenant isolation matrix: every endpoint against every kind of actor, from
 * {@code src/test/resources/isolation/matrix.csv}. Later modules add their endpoints to the CSV
 * (and their objects to {@link #ids}); the test code stays the same.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class TenantIsolationTests extends IntegrationTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    Fixtures fixtures;
    @Autowired
    Invitations invitations;
    @Autowired
    ApiTokens apiTokens;
    @Autowired
    PolicyVersions policies;
    @Autowired
    Directory directory;
    @Autowired
    org.caseshare.sharing.SharingRegister sharing;
    @Autowired
    org.caseshare.exchange.Packages packages;
    @Autowired
    org.caseshare.exchange.PackageUploads uploads;
    @Autowired
    org.caseshare.support.TestClock clock;
    @Autowired
    org.caseshare.custody.CustodyRegister custody;
    @Autowired
    org.caseshare.incident.IncidentRegister incidents;
    @Autowired
    org.caseshare.exchange.FileRequests fileRequests;
    @Autowired
    org.caseshare.scim.ScimTokens scimTokens;
    @Autowired
    org.caseshare.retention.Retention retention;
    @Autowired
    JdbcClient jdbc;

    private final Map<String, Visitor> sessions = new HashMap<>();
    private final Map<String, String> tokens = new HashMap<>();
    private final Map<String, String> ids = new HashMap<>();

    @BeforeAll
    void people() throws Exception {
        Organisation a = fixtures.organisation("Council A");
        Organisation b = fixtures.organisation("School B");
        Organisation partnerOrganisation = fixtures.organisation("Partner P");
        Account memberA = fixtures.person(a, Role.PRACTITIONER);
        actor("memberA", memberA);
        Account adminA = fixtures.person(a, Role.ORGANISATION_ADMIN);
        actor("adminA", adminA);
        actor("memberB", fixtures.person(b, Role.PRACTITIONER));
        actor("adminB", fixtures.person(b, Role.ORGANISATION_ADMIN));
        Account partner = fixtures.person(partnerOrganisation, Role.PARTNER);
        actor("partner", partner);
        actor("dpoA", fixtures.person(a, Role.DATA_PROTECTION_OFFICER));
        // Organisation A has a policy version 2; B is still on the default, version 1.
        String version2 = policies.draft(a.id());
        policies.replace(a.id(), version2, PolicySource.EDITED, fixtures.person(a, Role.DATA_PROTECTION_OFFICER).id())
                .accepted().orElseThrow();
        Account victim = fixtures.person(a, Role.PRACTITIONER);
        Invitation invitation = invitations.invite(a.id(), Fixtures.unique("invitee") + "@a.example.org", Role.MANAGER,
                fixtures.person(a, Role.ORGANISATION_ADMIN).id());
        ids.put("orgA", a.id().toString());
        ids.put("orgB", b.id().toString());
        ids.put("victimA", victim.id().toString());
        ids.put("invitationA", invitation.id().toString());
        // Personal access tokens of A's member: one for the API's revoke, one for the page's.
        ids.put("tokenA", apiTokens.create(victim.id(), "isolation probe", "test").token().id().toString());
        ids.put("pageTokenA", apiTokens.create(victim.id(), "isolation page probe", "test").token().id().toString());
        DirectoryEntry entryA = directory.addEntry(new Actor(adminA.id(), a.id(), adminA.displayName(), Set.of(Actor.ORGANISATION_ADMIN)),
                "Partner of A", OrganisationKind.HEALTH, List.of(new Switchboard(TelephoneNumber.parse("0118 974 6000"), null)));
        ids.put("entryA", entryA.id().toString());
        ids.put("pointA", entryA.switchboards().get(0).id().toString());
        Account practitionerA = fixtures.person(a, Role.PRACTITIONER);
        actor("managerA", fixtures.person(a, Role.MANAGER));
        var probe = new Actor(practitionerA.id(), a.id(), practitionerA.displayName(), Set.of(Role.PRACTITIONER.name()));
        ids.put("recordA", probeRecord(entryA, probe, "TELEPHONE"));
        // One record per channel the channels module carries out, for its pages and API.
        ids.put("emailRecordA", probeRecord(entryA, probe, "EMAIL"));
        ids.put("postRecordA", probeRecord(entryA, probe, "POST"));
        ids.put("faxRecordA", probeRecord(entryA, probe, "FAX"));
        // A secure-hub package from memberA to the partner under a sharing record, sent but not yet acknowledged.
        DirectoryEntry partnerEntry = directory.addEntry(new Actor(adminA.id(), a.id(), adminA.displayName(), Set.of(Actor.ORGANISATION_ADMIN)),
                partnerOrganisation.name(), OrganisationKind.SCHOOL);
        Actor sender = new Actor(memberA.id(), a.id(), memberA.displayName(), Set.of(Role.PRACTITIONER.name()));
        java.util.UUID hubRecordA = fixtures.hubShare(memberA, partnerEntry, partner.email());
        ids.put("hubRecordA", hubRecordA.toString());
        java.util.UUID packageA = packages.create(sender, new org.caseshare.exchange.NewPackage(null, List.of(partner.email()),
                null, null, "None", 7, 3, hubRecordA));
        java.util.UUID fileA = uploads.addFile(sender, packageA, "probe.txt", new java.io.ByteArrayInputStream(new byte[] {1, 2, 3}), 3);
        packages.send(sender, packageA, false);
        ids.put("packageA", packageA.toString());
        // A paper custody item memberA holds, a device of A (encryption not verified), and an incident memberA reported.
        LocalDate tomorrow = org.caseshare.custody.UkTime.today(clock.instant()).plusDays(2);
        var item = custody.take(sender, new org.caseshare.custody.CustodyForms.Take("PAPER", "Probe file", "Probe visit",
                tomorrow.getDayOfMonth() + "/" + tomorrow.getMonthValue() + "/" + tomorrow.getYear(), "17:00", "", "",
                List.of("hand.sealed-envelope")));
        assertThat(item.errors()).isEmpty();
        ids.put("custodyA", item.id().toString());
        var device = custody.registerDevice(new Actor(adminA.id(), a.id(), adminA.displayName(), Set.of(Actor.ORGANISATION_ADMIN)),
                new org.caseshare.custody.CustodyForms.NewDevice("USB_STICK", Fixtures.unique("ISO"), ""));
        assertThat(device.errors()).isEmpty();
        ids.put("deviceA", device.id().toString());
        var incident = incidents.report(sender, new org.caseshare.incident.IncidentForms.Report("Probe loss", "1/1/2020", "09:00", "1", "1",
                "Probe consequences", "Probe actions", "", "", ""));
        assertThat(incident.errors()).isEmpty();
        ids.put("incidentA", incident.id().toString());
        // A request for files from memberA to the partner, open.
        java.util.UUID requestA = fileRequests.create(sender, new org.caseshare.exchange.NewFileRequest(partnerEntry.id(), partner.email(),
                "Isolation files", "Isolation probe", java.time.LocalDate.now().plusDays(7).toString(), null));
        ids.put("requestA", requestA.toString());
        ids.put("fileA", fileA.toString());
        // SCIM: each organisation's provisioning client, and two more of A's tokens for the API's and the page's revoke.
        tokens.put("scimA", scimTokens.create(a.id(), "isolation scim", null, adminA.id()).secret());
        tokens.put("scimB", scimTokens.create(b.id(), "isolation scim", null, fixtures.person(b, Role.ORGANISATION_ADMIN).id()).secret());
        ids.put("scimTokenA", scimTokens.create(a.id(), "isolation api probe", null, adminA.id()).token().id().toString());
        ids.put("pageScimTokenA", scimTokens.create(a.id(), "isolation page probe", null, adminA.id()).token().id().toString());
        // A deletion certificate of A (approving nothing issues an empty one), and a DPO of B who must not reach it.
        Account retentionDpoA = fixtures.person(a, Role.DATA_PROTECTION_OFFICER);
        ids.put("certificateA", retention.approve(new Actor(retentionDpoA.id(), a.id(), retentionDpoA.displayName(),
                Set.of(Role.DATA_PROTECTION_OFFICER.name())), List.of(), false).toString());
        actor("dpoB", fixtures.person(b, Role.DATA_PROTECTION_OFFICER));
        // A webhook endpoint of A (registered through its API) and a failed delivery to it, for the retry rows.
        String endpoint = mvc.perform(MockMvcRequestBuilders.post("/api/v1/webhooks").header("Authorization", "Bearer " + tokens.get("adminA"))
                .contentType("application/json").content("{\"url\":\"https://203.0.113.10/hooks\",\"description\":\"Isolation probe\","
                        + "\"events\":[\"incident.opened\"]}")).andReturn().getResponse().getContentAsString();
        ids.put("webhookA", JsonMapper.builder().build().readTree(endpoint).get("id").asString());
        ids.put("webhookDeliveryA", UUID.randomUUID().toString());
        jdbc.sql("""
                insert into webhook_delivery (id, organisation_id, endpoint_id, event_type, payload, created_at, status, attempts, next_attempt_at)
                values (?, ?, ?, 'incident.opened', '{}', ?, 'FAILED', 3, ?)""")
                .params(UUID.fromString(ids.get("webhookDeliveryA")), a.id(), UUID.fromString(ids.get("webhookA")), Timestamp.from(clock.instant()),
                        Timestamp.from(clock.instant())).update();
    }

    private String probeRecord(DirectoryEntry entry, Actor actor, String channel) {
        var created = sharing.record(new org.caseshare.sharing.ShareForm(null, "", "WE_SHARE", List.of("Isolation Subject"), List.of(""),
                List.of("ISO-1"), "Probe information", List.of("PERSONAL"), "OFFICIAL", "ROUTINE", "Probe purpose", "Probe necessity",
                "PUBLIC_TASK", "", "", "", "no", "WOULD_CAUSE_DELAY", "", "", "", "", "", "NONE", "", "SHARE", "Probe reasons", channel,
                entry.id().toString(), "", "", "Probe Recipient", "Nurse", "Health", "", channel.equals("EMAIL") ? "probe@probe.example.org" : "",
                channel.equals("POST") ? "1 Probe Street, Reading RG1 5AN" : "", "", "YES", "", "", ""), actor);
        assertThat(created.errors()).isEmpty();
        return created.id().toString();
    }

    /**
     * "Record a share" offers a person already on the register: only from the caller's organisation's
     * records, never another's, not even when a forged "Use these details" names their record.
     */
    @Test
    void aPersonOnAnotherOrganisationsRegisterIsNeitherOfferedNorFilled() throws Exception {
        List<String> form = List.of("formToken", "isolation-person", "direction", "WE_SHARE", "channel", "TELEPHONE", "urgency", "ROUTINE",
                "subjectReference", "ISO-1");
        String own = sessions.get("memberA").post("/sharing/new", with(form, "action", "find-person")).andReturn().getResponse()
                .getContentAsString();
        assertThat(own).as("the probe finds it in its own organisation").contains("Isolation Subject", "id=\"register-offer-0-0\"");

        Visitor memberB = sessions.get("memberB");
        String found = memberB.post("/sharing/new", with(form, "action", "find-person")).andReturn().getResponse().getContentAsString();
        assertThat(found).contains("id=\"register-no-match\"").doesNotContain("Isolation Subject");
        String forged = memberB.post("/sharing/new", with(form, "usePerson", "0:" + ids.get("recordA") + ":0")).andReturn().getResponse()
                .getContentAsString();
        assertThat(forged).doesNotContain("Isolation Subject", "id=\"person-filled\"");
    }

    private static String[] with(List<String> fields, String... more) {
        List<String> all = new ArrayList<>(fields);
        all.addAll(List.of(more));
        return all.toArray(String[]::new);
    }

    @ParameterizedTest(name = "{0} {1} {2} as {3} -> {4}")
    @CsvFileSource(resources = "/isolation/matrix.csv", numLinesToSkip = 1)
    void everyEndpointAnswersEveryActorAsTheMatrixSays(String channel, String method, String path, String actor, String expected)
            throws Exception {
        String url = resolve(path);
        MockHttpServletResponse response = switch (channel) {
            case "page" -> page(method, url, actor);
            case "scim" -> scim(method, url, actor);
            default -> api(method, url, actor);
        };
        if (expected.equals("login")) {
            assertThat(response.getStatus()).as("status").isEqualTo(302);
            assertThat(response.getRedirectedUrl()).endsWith("/login");
        } else {
            assertThat(response.getStatus()).as("%s %s as %s", method, path, actor).isEqualTo(Integer.parseInt(expected));
        }
    }

    private MockHttpServletResponse page(String method, String url, String actor) throws Exception {
        Visitor visitor = actor.equals("anonymous") ? new Visitor(mvc) : sessions.get(actor);
        MockHttpServletRequestBuilder request = MockMvcRequestBuilders.request(HttpMethod.valueOf(method), url);
        if (!method.equals("GET")) {
            request.with(csrf());
        }
        return visitor.perform(request).andReturn().getResponse();
    }

    private MockHttpServletResponse api(String method, String url, String actor) throws Exception {
        MockHttpServletRequestBuilder request = MockMvcRequestBuilders.request(HttpMethod.valueOf(method), url)
                .contentType("application/json").content(method.equals("POST") ? "{\"email\":\"probe@example.org\",\"role\":\"manager\"}" : "");
        if (!actor.equals("anonymous")) {
            request.header("Authorization", "Bearer " + tokens.get(actor));
        }
        return mvc.perform(request).andReturn().getResponse();
    }

    /** A provisioning client's call: SCIM's media type, the actor's SCIM (or, to be refused, personal) token. */
    private MockHttpServletResponse scim(String method, String url, String actor) throws Exception {
        String body = method.equals("PATCH")
                ? "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],\"Operations\":[{\"op\":\"Replace\",\"path\":\"active\",\"value\":false}]}"
                : "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],\"userName\":\"" + Fixtures.unique("scim.probe")
                        + "@a.example.org\",\"displayName\":\"Probe\",\"active\":true}";
        MockHttpServletRequestBuilder request = MockMvcRequestBuilders.request(HttpMethod.valueOf(method), url)
                .contentType("application/scim+json").content(method.equals("GET") || method.equals("DELETE") ? "" : body);
        if (!actor.equals("anonymous")) {
            request.header("Authorization", "Bearer " + tokens.get(actor));
        }
        return mvc.perform(request).andReturn().getResponse();
    }

    private void actor(String name, Account account) throws Exception {
        sessions.put(name, fixtures.signIn(mvc, account));
        tokens.put(name, fixtures.token(account));
        ids.put(name, account.id().toString());
    }

    private String resolve(String path) {
        String resolved = path;
        for (Map.Entry<String, String> id : ids.entrySet()) {
            resolved = resolved.replace("{" + id.getKey() + "}", id.getValue());
        }
        assertThat(resolved).as("every placeholder is known").doesNotContain("{");
        return resolved;
    }
}
