package org.caseshare.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.caseshare.directory.Organisation;
import org.caseshare.identity.Account;
import org.caseshare.identity.Role;
import org.caseshare.incident.IncidentForms;
import org.caseshare.incident.IncidentRegister;
import org.caseshare.support.ApiClient;
import org.caseshare.support.Fixtures;
import org.caseshare.support.IntegrationTest;
import org.caseshare.support.SettledOutbox;
import org.caseshare.support.Visitor;
import org.caseshare.system.Actor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Registering endpoints with the default settings: an admin registers a public https endpoint and
 * sees its secret once; internal targets and bad input are refused on the page (GOV.UK messages)
 * and in the API (problem details), saving nothing; an endpoint whose name now resolves inside is
 * refused again at send time, without a connection.
 */
abstract class WebhookEndpointTests extends IntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String PUBLIC_URL = "https://203.0.113.10/caseshare-events";

    @LocalServerPort
    int port;
    @Autowired
    Fixtures fixtures;
    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    WebhookSender sender;
    @Autowired
    IncidentRegister incidents;

    @Test
    void anAdminRegistersAnEndpointAndSeesItsSecretOnlyOnce() throws Exception {
        Organisation council = fixtures.organisation("Hook Council");
        String token = fixtures.token(fixtures.person(council, Role.ORGANISATION_ADMIN));
        ApiClient api = new ApiClient(port);

        HttpResponse<String> created = api.post("/api/v1/webhooks", token,
                JSON.writeValueAsString(Map.of("url", PUBLIC_URL, "description", "Case system", "events", List.of("share.shared", "incident.opened"))));

        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode endpoint = JSON.readTree(created.body());
        String secret = endpoint.get("secret").asString();
        assertThat(secret).startsWith("whsec_");
        assertThat(endpoint.get("events").toString()).isEqualTo("[\"share.shared\",\"incident.opened\"]");
        HttpResponse<String> listed = api.get("/api/v1/webhooks", token);
        assertThat(listed.body()).contains(endpoint.get("id").asString(), PUBLIC_URL).doesNotContain(secret, "secret");
        String stored = jdbc.sql("select sealed_secret from webhook_endpoint where id = ?").param(UUID.fromString(endpoint.get("id").asString()))
                .query(String.class).single();
        assertThat(stored).startsWith("v1:").doesNotContain(secret.substring(6));

        assertThat(api.send("DELETE", "/api/v1/webhooks/" + endpoint.get("id").asString(), token, null, null).statusCode()).isEqualTo(204);
        assertThat(api.get("/api/v1/webhooks", token).body()).isEqualTo("[]");
    }

    @Test
    void internalTargetsAreRefusedAtRegistrationAndNothingIsSaved() throws Exception {
        Organisation council = fixtures.organisation("Hook Council");
        String token = fixtures.token(fixtures.person(council, Role.ORGANISATION_ADMIN));
        ApiClient api = new ApiClient(port);
        for (String url : List.of("https://127.0.0.1/hooks", "https://localhost/hooks", "https://10.0.0.5/hooks", "https://192.168.1.20/hooks",
                "https://169.254.169.254/latest/meta-data", "https://[::1]/hooks", "https://[fd00:ec2::254]/", "https://0.0.0.0/hooks")) {
            HttpResponse<String> refused = api.post("/api/v1/webhooks", token,
                    JSON.writeValueAsString(Map.of("url", url, "description", "Inside", "events", List.of("share.shared"))));
            assertThat(refused.statusCode()).as(url).isEqualTo(422);
            assertThat(refused.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
            JsonNode problem = JSON.readTree(refused.body());
            assertThat(problem.get("type").asString()).isEqualTo("https://caseshare.org/problems/invalid-request");
            assertThat(problem.get("errors").get("url").asString()).as(url).contains("internal address");
        }
        HttpResponse<String> plain = api.post("/api/v1/webhooks", token,
                JSON.writeValueAsString(Map.of("url", "http://203.0.113.10/hooks", "description", "Plain", "events", List.of("share.shared"))));
        assertThat(JSON.readTree(plain.body()).get("errors").get("url").asString()).isEqualTo("Enter an address that starts with https://");
        HttpResponse<String> empty = api.post("/api/v1/webhooks", token, "{}");
        assertThat(JSON.readTree(empty.body()).get("errors").properties()).extracting(Map.Entry::getKey)
                .containsExactlyInAnyOrder("url", "description", "events");
        assertThat(jdbc.sql("select count(*) from webhook_endpoint where organisation_id = ?").param(council.id()).query(Long.class).single()).isZero();
    }

    @Test
    void theFormSaysWhatToFixInTheGovukWay() throws Exception {
        Organisation council = fixtures.organisation("Hook Council");
        Visitor admin = fixtures.signIn(mvc, fixtures.person(council, Role.ORGANISATION_ADMIN));

        String refused = admin.post("/organisation/webhooks", "url", "https://127.0.0.1:8080/hooks", "description", "", "events", "nonsense")
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(refused).contains("There is a problem", "govuk-error-summary", "href=\"#url\"", "href=\"#description\"", "href=\"#events\"",
                "127.0.0.1 is a loopback, private, link-local or other internal address", "Enter a description, such as the name of the case system",
                "Select events from the list", "https://127.0.0.1:8080/hooks");
        String added = admin.post("/organisation/webhooks", "url", PUBLIC_URL, "description", "Case system", "events", "share.recorded",
                "events", "package.downloaded").andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(added).contains("Endpoint added", "whsec_", "It will not be shown again");
        String list = admin.get("/organisation/webhooks").andReturn().getResponse().getContentAsString();
        assertThat(list).contains(PUBLIC_URL, "share.recorded, package.downloaded").doesNotContain("whsec_");
        assertThat(admin.postWithoutCsrf("/organisation/webhooks", "url", PUBLIC_URL, "description", "No CSRF", "events", "share.recorded")
                .andReturn().getResponse().getStatus()).isEqualTo(403);
    }

    @Test
    void aNameThatNowResolvesInsideIsRefusedAtSendWithoutAConnection() throws Exception {
        Organisation council = fixtures.organisation("Hook Council");
        Account admin = fixtures.person(council, Role.ORGANISATION_ADMIN);
        Account practitioner = fixtures.person(council, Role.PRACTITIONER);
        try (Receiver inside = new Receiver()) {
            inside.up();
            // registered while its name was public; the name points inside now (stood for here by the address itself)
            UUID endpointId = UUID.randomUUID();
            jdbc.sql("""
                    insert into webhook_endpoint (id, organisation_id, url, description, event_types, sealed_secret, created_by, created_at)
                    values (?, ?, ?, 'Rebound', 'incident.opened', 'v1:unused', ?, ?)""")
                    .params(endpointId, council.id(), inside.url().replace("http:", "https:"), admin.id(), Timestamp.from(Instant.now())).update();
            var incident = incidents.report(new Actor(practitioner.id(), council.id(), practitioner.displayName(), Set.of(Role.PRACTITIONER.name())),
                    new IncidentForms.Report("Probe loss", "1/1/2020", "09:00", "1", "1", "Probe", "Probe", "", "", ""));
            assertThat(incident.errors()).isEmpty();
            SettledOutbox.awaitDeliveries(jdbc);

            sender.sendDue();

            Map<String, Object> row = jdbc.sql("select status, attempts, last_error from webhook_delivery where endpoint_id = ?").param(endpointId)
                    .query().singleRow();
            assertThat(row.values()).containsExactly("PENDING", 1,
                    "Refused: Enter the address of a server on the internet: 127.0.0.1 is a loopback, private, link-local or other internal address");
            assertThat(inside.received()).isEmpty();
        }
    }
}
