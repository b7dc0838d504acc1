package org.caseshare.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.caseshare.support.JarHome;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

/**
 * The server is killed (SIGKILL) after an invitation has been committed and while its email is stuck
 * at a mail server that never answers: started again with a working mail server, it sends the email,
 * once. Runs the packaged jar in separate JVMs, as a self-hoster would.
 */
class MailKilledBeforeSendingIntegrationTests {

    private static final String ADMIN = "admin@mailcouncil.example.org";
    private static final String INVITEE = "robin@mailcouncil.example.org";

    @TempDir
    Path home;

    private final SmtpStandIn smtp = new SmtpStandIn();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private Path serverLog;
    private JarHome jars;

    @BeforeEach
    void jarHome() {
        jars = new JarHome(home);
    }

    @AfterEach
    void stopTheMailServer() {
        smtp.close();
    }

    @Test
    void anEmailCommittedButNotSentWhenTheServerIsKilledIsSentOnceAfterTheRestart() throws Exception {
        assertThat(JarHome.JAR).as("the build packages target/caseshare.jar before the integration tests").exists();
        jars.cli("admin", "org", "create", "--name", "Mail Council");
        jars.cli("admin", "user", "create", "--org", "Mail Council", "--email", ADMIN, "--role", "organisation-admin");
        String token = JarHome.lastLine(jars.cli("admin", "token", "create", "--email", ADMIN));

        smtp.hang();
        int port = JarHome.freePort();
        Process server = server(port);
        try {
            awaitHealthy(port);
            String me = http.send(request(port, "/api/v1/me", token).GET().build(), HttpResponse.BodyHandlers.ofString()).body();
            String organisation = JsonMapper.builder().build().readTree(me).get("organisationId").asString();
            HttpResponse<String> invited = http.send(request(port, "/api/v1/organisations/" + organisation + "/invitations", token)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"email\":\"" + INVITEE + "\",\"role\":\"MANAGER\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(invited.statusCode()).as(invited.body()).isEqualTo(201);
            // The invitation is committed; its email is on its way, to a server that never answers.
            smtp.awaitConnection();
        } finally {
            server.destroyForcibly();
            server.waitFor(30, TimeUnit.SECONDS);
        }

        GreenMail greenMail = smtp.greenMail();
        Process restarted = server(port);
        try {
            awaitHealthy(port);
            assertThat(greenMail.waitForIncomingEmail(60_000, 1)).as("the invitation arrives after the restart").isTrue();
        } finally {
            // A graceful stop lets any delivery under way finish, so a second copy would be here by now.
            restarted.destroy();
            if (!restarted.waitFor(60, TimeUnit.SECONDS)) {
                restarted.destroyForcibly();
            }
        }
        MimeMessage[] received = greenMail.getReceivedMessagesForDomain(INVITEE);
        assertThat(received).hasSize(1);
        assertThat(received[0].getSubject()).isEqualTo("You have been invited to Caseshare");
        assertThat(received[0].getMessageID()).matches("<[0-9a-f-]{36}@caseshare>");
    }

    private static HttpRequest.Builder request(int port, String path, String token) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + token);
    }

    private Process server(int port) throws IOException {
        serverLog = home.resolve("server-" + System.nanoTime() + ".log");
        return jars.server(serverLog, "--server.port=" + port, "--spring.mail.host=127.0.0.1", "--spring.mail.port=" + smtp.port());
    }

    private void awaitHealthy(int port) throws Exception {
        jars.awaitHealthy(port, serverLog, Duration.ofSeconds(180));
    }
}
