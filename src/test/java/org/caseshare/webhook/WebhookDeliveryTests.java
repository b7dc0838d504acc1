package org.caseshare.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.caseshare.directory.Directory;
import org.caseshare.directory.DirectoryEntry;
import org.caseshare.directory.Organisation;
import org.caseshare.directory.OrganisationKind;
import org.caseshare.exchange.Download;
import org.caseshare.exchange.NewPackage;
import org.caseshare.exchange.PackageDownloads;
import org.caseshare.exchange.PackageUploads;
import org.caseshare.exchange.Packages;
import org.caseshare.identity.Account;
import org.caseshare.identity.Role;
import org.caseshare.incident.IncidentForms;
import org.caseshare.incident.IncidentRegister;
import org.caseshare.sharing.SharingRegister;
import org.caseshare.support.ApiClient;
import org.caseshare.support.Fixtures;
import org.caseshare.support.IntegrationTest;
import org.caseshare.support.SettledOutbox;
import org.caseshare.support.TestClock;
import org.caseshare.support.Visitor;
import org.caseshare.system.Actor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A case system on 127.0.0.1 receives the five events (private targets allowed by the setting, as
 * for a case system on the same network): it is down for the first attempts, then comes up and
 * receives each event exactly once, signed, with identifiers only. A delivery that keeps failing is
 * given up, listed as failed and can be tried again.
 */
@TestPropertySource(properties = {"caseshare.webhooks.allow-private-targets=true", "caseshare.webhooks.read-timeout=1s"})
abstract class WebhookDeliveryTests extends IntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;
    @Autowired
    Fixtures fixtures;
    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TestClock clock;
    @Autowired
    WebhookSender sender;
    @Autowired
    Deliveries deliveries;
    @Autowired
    Directory directory;
    @Autowired
    SharingRegister register;
    @Autowired
    Packages packages;
    @Autowired
    PackageUploads uploads;
    @Autowired
    PackageDownloads downloads;
    @Autowired
    IncidentRegister incidents;

    /** A council with an admin (their API token) and a practitioner, and a partner school's user. */
    record Council(Organisation organisation, String adminToken, Account admin, Account practitioner, Account partner, DirectoryEntry school) {
        Actor practitionerActor() {
            return new Actor(practitioner.id(), organisation.id(), practitioner.displayName(), Set.of(Role.PRACTITIONER.name()));
        }
    }

    private Council council() {
        Organisation council = fixtures.organisation("Webhook Council");
        Organisation school = fixtures.organisation("Webhook School");
        Account admin = fixtures.person(council, Role.ORGANISATION_ADMIN);
        Account partner = fixtures.person(school, Role.PARTNER);
        DirectoryEntry entry = directory.addEntry(new Actor(admin.id(), council.id(), admin.displayName(), Set.of(Actor.ORGANISATION_ADMIN)),
                school.name(), OrganisationKind.SCHOOL);
        return new Council(council, fixtures.token(admin), admin, fixtures.person(council, Role.PRACTITIONER), partner, entry);
    }

    /** Each test counts the deliveries it sends, so none may wait over for the next (this context is these tests' own). */
    @AfterEach
    void nothingLeftWaiting() {
        jdbc.sql("update webhook_delivery set status = 'FAILED' where status = 'PENDING'").update();
    }

    private String registerEndpoint(Council council, Receiver receiver, List<String> events) throws Exception {
        HttpResponse<String> created = new ApiClient(port).post("/api/v1/webhooks", council.adminToken(),
                JSON.writeValueAsString(Map.of("url", receiver.url(), "description", "Case system", "events", events)));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode body = JSON.readTree(created.body());
        receiver.secret(body.get("secret").asString());
        return body.get("id").asString();
    }

    @Test
    void theCaseSystemIsDownForAWhileThenReceivesEveryEventExactlyOnce() throws Exception {
        Council council = council();
        try (Receiver receiver = new Receiver()) {
            // Given an endpoint for all five events, and the case system down
            String endpointId = registerEndpoint(council, receiver, List.of("share.recorded", "share.shared", "share.receipt-confirmed",
                    "package.downloaded", "incident.opened"));

            // When a share is recorded, sent by the hub (which shares it), downloaded, confirmed, and an incident reported
            UUID recordId = fixtures.hubShare(council.practitioner(), council.school(), council.partner().email());
            Actor practitioner = council.practitionerActor();
            UUID packageId = packages.create(practitioner, new NewPackage(null, List.of(council.partner().email()), null, null, "None", 7, 3, recordId));
            UUID fileId = uploads.addFile(practitioner, packageId, "plan.txt", new ByteArrayInputStream(new byte[] {1, 2, 3}), 3);
            packages.send(practitioner, packageId, false);
            Actor partner = new Actor(council.partner().id(), council.partner().organisationId(), council.partner().displayName(),
                    Set.of(Role.PARTNER.name()));
            downloads.acknowledge(partner, packageId);
            try (Download download = downloads.startDownload(partner, packageId, fileId, null, "127.0.0.1")) {
                assertThat(download.size()).isEqualTo(3);
            }
            register.confirmReceipt(practitioner, recordId, null);
            var incident = incidents.report(practitioner, new IncidentForms.Report("Lost the Robin Pupil letter", "1/1/2020", "09:00", "1", "1",
                    "Distress", "Asked for it back", recordId.toString(), "", ""));
            assertThat(incident.errors()).isEmpty();
            SettledOutbox.awaitDeliveries(jdbc);

            // Then one delivery per event waits; the first two attempts find nobody listening
            assertThat(queued(endpointId)).containsExactlyInAnyOrder("share.recorded", "share.shared", "package.downloaded",
                    "share.receipt-confirmed", "incident.opened");
            assertThat(sender.sendDue()).isEqualTo(5);
            assertThat(sender.sendDue()).as("none is due again at once").isZero();
            clock.advance(Duration.ofMinutes(1).plusSeconds(1));
            assertThat(sender.sendDue()).isEqualTo(5);
            assertThat(rows(endpointId)).allSatisfy(row -> {
                assertThat(row.get("status")).isEqualTo("PENDING");
                assertThat(row.get("attempts")).isEqualTo(2);
                assertThat((String) row.get("last_error")).startsWith("Not delivered: ");
            });

            // When it comes back up and the doubled wait has passed
            receiver.up();
            clock.advance(Duration.ofMinutes(1));
            assertThat(sender.sendDue()).as("the wait doubled: not yet").isZero();
            clock.advance(Duration.ofMinutes(1).plusSeconds(1));
            long sentAt = clock.instant().getEpochSecond();
            assertThat(sender.sendDue()).isEqualTo(5);
            clock.advance(Duration.ofHours(12));
            assertThat(sender.sendDue()).isZero();

            // Then it received each delivery once, signed, with identifiers only
            List<Receiver.Message> received = receiver.received();
            assertThat(received).hasSize(5).allSatisfy(message -> assertThat(message.signatureValid()).as(message.body()).isTrue());
            assertThat(received.stream().map(Receiver.Message::id).collect(Collectors.toSet()))
                    .isEqualTo(rows(endpointId).stream().map(row -> row.get("id").toString()).collect(Collectors.toSet()));
            assertThat(rows(endpointId)).allSatisfy(row -> assertThat(row.get("status")).isEqualTo("DELIVERED"));
            for (Receiver.Message message : received) {
                assertThat(Long.parseLong(message.timestamp())).as("the time of the attempt, in seconds").isBetween(sentAt, sentAt + 120);
                assertThat(message.body()).doesNotContain("Robin", "Pupil", "Teacher", "letter", council.partner().email());
                JsonNode body = JSON.readTree(message.body());
                assertThat(body.get("data").get("organisationId").asString()).isEqualTo(council.organisation().id().toString());
                Instant.parse(body.get("timestamp").asString());
            }
            Map<String, JsonNode> byType = received.stream().map(m -> JSON.readTree(m.body()))
                    .collect(Collectors.toMap(b -> b.get("type").asString(), b -> b.get("data")));
            assertThat(byType.get("share.recorded").get("recordId").asString()).isEqualTo(recordId.toString());
            assertThat(byType.get("share.recorded").get("reference").asString()).startsWith("CS-");
            assertThat(byType.get("share.shared").get("recordId").asString()).isEqualTo(recordId.toString());
            assertThat(byType.get("share.receipt-confirmed").get("recordId").asString()).isEqualTo(recordId.toString());
            assertThat(byType.get("package.downloaded").get("packageId").asString()).isEqualTo(packageId.toString());
            assertThat(byType.get("incident.opened").get("incidentId").asString()).isEqualTo(incident.id().toString());

            // And the same event handled again (the registry delivers at least once) queues nothing more
            assertThat(deliveries.queue(council.organisation().id(), EventType.INCIDENT_OPENED, incident.id().toString(), Instant.now(),
                    Map.of("organisationId", council.organisation().id().toString()))).isZero();
        }
    }

    @Test
    void aDeliveryThatKeepsFailingIsGivenUpListedAndTriedAgainByTheAdmin() throws Exception {
        Council council = council();
        try (Receiver receiver = new Receiver()) {
            String endpointId = registerEndpoint(council, receiver, List.of("incident.opened"));
            receiver.up();
            receiver.answer(500);
            var incident = incidents.report(council.practitionerActor(), new IncidentForms.Report("Probe loss", "1/1/2020", "09:00", "1", "1",
                    "Probe", "Probe", "", "", ""));
            assertThat(incident.errors()).isEmpty();
            SettledOutbox.awaitDeliveries(jdbc);

            // three attempts (the test setting), a minute and then two apart
            sendAt(Duration.ZERO);
            sendAt(Duration.ofMinutes(1).plusSeconds(1));
            sendAt(Duration.ofMinutes(2).plusSeconds(1));
            assertThat(receiver.received()).hasSize(3).extracting(Receiver.Message::id).containsOnly(receiver.received().get(0).id());
            clock.advance(Duration.ofDays(1));
            assertThat(sender.sendDue()).as("given up").isZero();

            HttpResponse<String> listed = new ApiClient(port).get("/api/v1/webhooks/deliveries", council.adminToken());
            JsonNode delivery = JSON.readTree(listed.body()).get(0);
            assertThat(delivery.get("status").asString()).isEqualTo("FAILED");
            assertThat(delivery.get("attempts").asInt()).isEqualTo(3);
            assertThat(delivery.get("lastError").asString()).isEqualTo("The endpoint answered HTTP 500");
            assertThat(delivery.get("endpointId").asString()).isEqualTo(endpointId);

            // the admin sees it failed on the page and tries it again; the case system is fixed
            Visitor admin = fixtures.signIn(mvc, council.admin());
            String page = admin.get("/organisation/webhooks/deliveries").andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
            assertThat(page).contains("Failed", "The endpoint answered HTTP 500", "Try again");
            String deliveryId = delivery.get("id").asString();
            admin.post("/organisation/webhooks/deliveries/" + deliveryId + "/retry").andExpect(status().is3xxRedirection());
            receiver.answer(204);
            assertThat(sender.sendDue()).isEqualTo(1);
            assertThat(receiver.received()).hasSize(4).extracting(Receiver.Message::id).containsOnly(deliveryId);
            assertThat(jdbc.sql("select status from webhook_delivery where id = ?").param(UUID.fromString(deliveryId)).query(String.class).single())
                    .isEqualTo("DELIVERED");
            HttpResponse<String> again = new ApiClient(port).post("/api/v1/webhooks/deliveries/" + deliveryId + "/retry", council.adminToken(), "");
            assertThat(again.statusCode()).as("only a failed delivery can be tried again").isEqualTo(404);
        }
    }

    @Test
    void aReceiverThatNeverAnswersHoldsTheSenderNoLongerThanTheTimeouts() throws Exception {
        Council council = council();
        try (Receiver receiver = new Receiver()) {
            String endpointId = registerEndpoint(council, receiver, List.of("incident.opened"));
            receiver.up();
            receiver.answer(Receiver.HANG);
            var incident = incidents.report(council.practitionerActor(), new IncidentForms.Report("Probe loss", "1/1/2020", "09:00", "1", "1",
                    "Probe", "Probe", "", "", ""));
            assertThat(incident.errors()).isEmpty();
            SettledOutbox.awaitDeliveries(jdbc);

            assertThat(sender.sendDue()).isEqualTo(1);

            assertThat(receiver.received()).hasSize(1);
            Map<String, Object> row = rows(endpointId).get(0);
            assertThat(row.get("status")).isEqualTo("PENDING");
            assertThat(row.get("attempts")).isEqualTo(1);
            assertThat((String) row.get("last_error")).startsWith("Not delivered: ");
        }
    }

    private void sendAt(Duration later) {
        clock.advance(later);
        assertThat(sender.sendDue()).isEqualTo(1);
    }

    private List<String> queued(String endpointId) {
        return jdbc.sql("select event_type from webhook_delivery where endpoint_id = ?").param(UUID.fromString(endpointId)).query(String.class).list();
    }

    private List<Map<String, Object>> rows(String endpointId) {
        return jdbc.sql("select * from webhook_delivery where endpoint_id = ?").param(UUID.fromString(endpointId)).query().listOfRows()
                .stream().map(row -> row.entrySet().stream().collect(Collectors.toMap(e -> e.getKey().toLowerCase(), e -> e.getValue() == null ? "" : e.getValue())))
                .toList();
    }
}
