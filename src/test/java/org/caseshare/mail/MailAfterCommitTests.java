package org.caseshare.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.internet.MimeMessage;
import org.caseshare.audit.AuditTrail;
import org.caseshare.directory.Organisation;
import org.caseshare.identity.Account;
import org.caseshare.identity.Role;
import org.caseshare.support.Fixtures;
import org.caseshare.support.IntegrationTest;
import org.caseshare.support.Management;
import org.caseshare.support.SettledOutbox;
import org.caseshare.support.TestClock;
import org.caseshare.support.Visitor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Email goes after the transaction that queued it commits, and is never lost: a mail server that hangs
 * holds up no one, one that is down gets the email once it is back, once, with the same Message-ID.
 * The application's SMTP port is a {@link SmtpStandIn}: nothing, a silent server, or GreenMail.
 */
abstract class MailAfterCommitTests extends IntegrationTest {

    private static final SmtpStandIn SMTP = new SmtpStandIn();
    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** Generous: before email went after commit, these requests waited on the mail server for ever. */
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @DynamicPropertySource
    static void mailServer(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", SMTP::port);
        // The tests resubmit failed email when they mean to (after moving the clock on).
        registry.add("caseshare.mail.retry-every", () -> "24h");
        // One unsent email is a backlog here, so the mailqueue health group's WARNING can be seen.
        registry.add("caseshare.mail.backlog.warn-above", () -> "0");
    }

    @LocalServerPort
    int port;
    @Autowired
    AuditTrail audit;
    @Autowired
    Fixtures fixtures;
    @Autowired
    TestClock clock;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MailRetries retries;
    @Autowired
    MockMvc mvc;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @AfterEach
    void nothingOnTheSmtpPort() {
        SMTP.close();
        clock.reset();
    }

    @AfterAll
    static void stop() {
        SMTP.close();
    }

    @Test
    void anotherOrganisationsAuditedChangeCompletesWhileTheMailServerHangsAndTheMailGoesLater() throws Exception {
        SMTP.hang();
        String domain = Fixtures.unique("a") + ".example.org";
        Organisation a = fixtures.organisation("Council A");
        String adminA = fixtures.token(fixtures.person(a, Role.ORGANISATION_ADMIN));
        Organisation b = fixtures.organisation("School B");
        String adminB = fixtures.token(fixtures.person(b, Role.ORGANISATION_ADMIN));
        Account leaver = fixtures.person(b, Role.PRACTITIONER);

        // Council A invites someone; the invitation's email reaches a mail server that never answers.
        CompletableFuture<HttpResponse<String>> invitation = CompletableFuture.supplyAsync(() -> call("POST",
                "/api/v1/organisations/" + a.id() + "/invitations", adminA, "{\"email\":\"robin@" + domain + "\",\"role\":\"MANAGER\"}"));
        SMTP.awaitConnection();

        // Meanwhile School B's administrator disables an account: an audited change, which must not wait for A's email.
        HttpResponse<String> disabled = call("POST", "/api/v1/organisations/" + b.id() + "/members/" + leaver.id() + "/disable", adminB, "");
        assertThat(disabled.statusCode()).as(disabled.body()).isEqualTo(200);
        assertThat(invitation.join().statusCode()).as(invitation.join().body()).isEqualTo(201);

        // The silent server goes away mid-conversation: the delivery fails and is listed, nothing is lost.
        SMTP.close();
        SettledOutbox.awaitDeliveries(jdbc);
        List<JsonNode> failed = failedTo(domain);
        assertThat(failed).hasSize(1);

        // The server is back; after the first retry's wait the scheduled resubmission sends the email, once.
        GreenMail greenMail = SMTP.greenMail();
        clock.advance(Duration.ofMinutes(2));
        retries.resubmitDue();
        assertThat(greenMail.waitForIncomingEmail(30_000, 1)).as("the invitation arrives").isTrue();
        SettledOutbox.awaitDeliveries(jdbc);
        retries.resubmitDue();
        SettledOutbox.awaitDeliveries(jdbc);
        MimeMessage[] received = greenMail.getReceivedMessagesForDomain("robin@" + domain);
        assertThat(received).hasSize(1);
        assertThat(received[0].getMessageID()).isEqualTo("<" + failed.get(0).get("id").asString() + "@caseshare>");
        assertThat(failedTo(domain)).isEmpty();
    }

    @Test
    void emailRefusedAtFirstGoesOnceTheServerIsThereExactlyOnceWithTheSameMessageId() throws Exception {
        String domain = Fixtures.unique("r") + ".example.org";
        Organisation a = fixtures.organisation("Council A");
        String adminA = fixtures.token(fixtures.person(a, Role.ORGANISATION_ADMIN));

        HttpResponse<String> invited = call("POST", "/api/v1/organisations/" + a.id() + "/invitations", adminA,
                "{\"email\":\"sam@" + domain + "\",\"role\":\"MANAGER\"}");
        assertThat(invited.statusCode()).as("the invitation is made although the mail server is down").isEqualTo(201);
        SettledOutbox.awaitDeliveries(jdbc);

        // The system administrator sees why, without the address: the exception classes only.
        List<JsonNode> failed = failedTo(domain);
        assertThat(failed).hasSize(1);
        String id = failed.get(0).get("id").asString();
        assertThat(failed.get(0).get("attempts").asInt()).isEqualTo(1);
        assertThat(failed.get(0).get("lastError").asString()).contains("ConnectException").doesNotContain("sam@");
        assertThat(failed.get(0).toString()).doesNotContain("sam@");
        assertThat(call("GET", "/api/v1/system/mail/failed", adminA, "").statusCode()).as("an organisation admin is not a system admin")
                .isEqualTo(403);
        // While it waits, the queued email keeps its address and body (an invitation link) sealed.
        List<String> queued = jdbc.sql("select serialized_event from event_publication where serialized_event like ?")
                .param("%" + id + "%").query(String.class).list();
        assertThat(queued).singleElement().satisfies(event -> assertThat(event).doesNotContain("sam@", domain, "/invitations/"));

        // The server comes up; the system administrator's retry sends it.
        GreenMail greenMail = SMTP.greenMail();
        HttpResponse<String> retried = call("POST", "/api/v1/system/mail/" + id + "/retry", systemAdminToken(a), "");
        assertThat(retried.statusCode()).as(retried.body()).isEqualTo(202);
        assertThat(greenMail.waitForIncomingEmail(30_000, 1)).as("the invitation arrives").isTrue();

        // A later scheduled resubmission finds nothing left to send: exactly one email, with the Message-ID it was given.
        SettledOutbox.awaitDeliveries(jdbc);
        clock.advance(Duration.ofHours(7));
        retries.resubmitDue();
        SettledOutbox.awaitDeliveries(jdbc);
        MimeMessage[] received = greenMail.getReceivedMessagesForDomain("sam@" + domain);
        assertThat(received).hasSize(1);
        assertThat(received[0].getMessageID()).isEqualTo("<" + id + "@caseshare>");
        assertThat(failedTo(domain)).isEmpty();
        assertThat(call("POST", "/api/v1/system/mail/" + id + "/retry", systemAdminToken(a), "").statusCode())
                .as("a delivered email is no longer there to retry").isEqualTo(404);
        assertThat(audit.latestWithAction("mail.retry-requested", 1000)).filteredOn(e -> e.target().equals("mail:" + id)).hasSize(1);
    }

    @Test
    void theSystemAdministratorSeesTheReasonOnThePageAndRetriesWithAnAuditedPost() throws Exception {
        String domain = Fixtures.unique("p") + ".example.org";
        Organisation a = fixtures.organisation("Council A");
        String adminA = fixtures.token(fixtures.person(a, Role.ORGANISATION_ADMIN));
        assertThat(call("POST", "/api/v1/organisations/" + a.id() + "/invitations", adminA,
                "{\"email\":\"jo@" + domain + "\",\"role\":\"MANAGER\"}").statusCode()).isEqualTo(201);
        SettledOutbox.awaitDeliveries(jdbc);
        String id = failedTo(domain).get(0).get("id").asString();

        Visitor systemAdmin = fixtures.signIn(mvc, systemAdmin(a));
        systemAdmin.get("/system/mail").andExpect(status().isOk())
                .andExpect(content().string(containsString(domain)))
                .andExpect(content().string(containsString("ConnectException")))
                .andExpect(content().string(not(containsString("jo@" + domain))));
        systemAdmin.postWithoutCsrf("/system/mail/" + id + "/retry").andExpect(status().isForbidden());

        GreenMail greenMail = SMTP.greenMail();
        systemAdmin.post("/system/mail/" + id + "/retry").andExpect(status().isFound()).andExpect(redirectedUrl("/system/mail"));
        assertThat(greenMail.waitForIncomingEmail(30_000, 1)).as("the invitation arrives").isTrue();
        SettledOutbox.awaitDeliveries(jdbc);
        systemAdmin.get("/system/mail").andExpect(status().isOk())
                .andExpect(content().string(not(containsString(domain))));
        assertThat(audit.latestWithAction("mail.retry-requested", 1000)).filteredOn(e -> e.target().equals("mail:" + id)).hasSize(1);
    }

    /**
     * Health never talks to the mail server: with an email stuck on a server that accepts and never
     * answers, health and readiness still answer (the client gives up after a few seconds, which
     * would fail the test), readiness still answers 200 (the node stays in its load balancer) while
     * saying WARNING, and the backlog shows in the mailqueue group.
     */
    @Test
    void healthAnswersWhileTheMailServerHangsAndReportsTheBacklogWithoutTakingTheNodeOut() throws Exception {
        SMTP.hang();
        Organisation a = fixtures.organisation("Council A");
        String adminA = fixtures.token(fixtures.person(a, Role.ORGANISATION_ADMIN));
        HttpResponse<String> invited = call("POST", "/api/v1/organisations/" + a.id() + "/invitations", adminA,
                "{\"email\":\"robin@" + Fixtures.unique("h") + ".example.org\",\"role\":\"MANAGER\"}");
        assertThat(invited.statusCode()).as(invited.body()).isEqualTo(201);
        SMTP.awaitConnection();

        HttpClient impatient = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
        for (String path : List.of("/actuator/health", "/actuator/health/readiness", "/actuator/health/liveness")) {
            HttpResponse<String> health = impatient.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                    .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(health.statusCode()).as(path + ": " + health.body()).isEqualTo(200);
        }
        HttpResponse<String> readiness = impatient.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health/readiness"))
                .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(readiness.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(readiness.body()).path("status").asString()).isEqualTo("WARNING");

        HttpResponse<String> mail = impatient.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health/mailqueue"))
                .header("Authorization", "Bearer " + Management.TOKEN)
                .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(mail.statusCode()).as(mail.body()).isEqualTo(200);
        JsonNode backlog = JSON.readTree(mail.body());
        assertThat(backlog.path("status").asString()).isEqualTo("WARNING");
        assertThat(backlog.path("components").path("mailBacklog").path("details").path("unsent").asLong()).isGreaterThanOrEqualTo(1);
        SMTP.close();
        SettledOutbox.awaitDeliveries(jdbc);
    }

    private Account systemAdmin(Organisation organisation) {
        Account admin = fixtures.person(organisation, Role.ORGANISATION_ADMIN);
        jdbc.sql("update account set system_admin = true where id = ?").param(admin.id()).update();
        return admin;
    }

    private String systemAdminToken(Organisation organisation) {
        return fixtures.token(systemAdmin(organisation));
    }

    private List<JsonNode> failedTo(String domain) throws Exception {
        Organisation elsewhere = fixtures.organisation("System");
        HttpResponse<String> failed = call("GET", "/api/v1/system/mail/failed", systemAdminToken(elsewhere), "");
        assertThat(failed.statusCode()).as(failed.body()).isEqualTo(200);
        List<JsonNode> to = new ArrayList<>();
        JSON.readTree(failed.body()).forEach(f -> {
            if (f.get("recipientDomain").asString().equals(domain)) {
                to.add(f);
            }
        });
        return to;
    }

    private HttpResponse<String> call(String method, String path, String token, String json) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).timeout(PATIENCE)
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .method(method, json.isEmpty() ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json)).build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new AssertionError(method + " " + path + " did not answer: " + e, e);
        }
    }
}
