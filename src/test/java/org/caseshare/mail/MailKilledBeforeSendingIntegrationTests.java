package org.caseshare.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
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

    @AfterEach
    void stopTheMailServer() {
        smtp.close();
    }

    @Test
    void anEmailCommittedButNotSentWhenTheServerIsKilledIsSentOnceAfterTheRestart() throws Exception {
        Path jar = Path.of("target/caseshare.jar");
        assertThat(jar).as("the build packages target/caseshare.jar before the integration tests").exists();
        cli(jar, "admin", "org", "create", "--name", "Mail Council");
        cli(jar, "admin", "user", "create", "--org", "Mail Council", "--email", ADMIN, "--role", "organisation-admin");
        String token = lastLine(cli(jar, "admin", "token", "create", "--email", ADMIN));

        smtp.hang();
        int port = freePort();
        Process server = server(jar, port);
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
        Process restarted = server(jar, port);
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

    private Process server(Path jar, int port) throws IOException {
        List<String> command = new ArrayList<>(List.of(java(), "-Xmx512m", "-jar", jar.toAbsolutePath().toString(),
                "--server.port=" + port, "--spring.mail.host=127.0.0.1", "--spring.mail.port=" + smtp.port()));
        serverLog = home.resolve("server-" + System.nanoTime() + ".log");
        ProcessBuilder builder = new ProcessBuilder(command).directory(home.toFile()).redirectErrorStream(true)
                .redirectOutput(serverLog.toFile());
        environment(builder);
        return builder.start();
    }

    private void awaitHealthy(int port) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
        while (true) {
            try {
                if (http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health")).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // starting
            }
            if (System.nanoTime() > deadline) {
                String log = Files.readString(serverLog, StandardCharsets.UTF_8);
                throw new AssertionError("The server did not start:\n" + log.substring(Math.max(0, log.length() - 5000)));
            }
            Thread.sleep(250);
        }
    }

    private String cli(Path jar, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(java(), "-Xmx256m", "-jar", jar.toAbsolutePath().toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(home.toFile()).redirectErrorStream(true);
        environment(builder);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        return output;
    }

    private void environment(ProcessBuilder builder) {
        builder.environment().put("CASESHARE_DATA_DIR", home.resolve("data").toString());
        builder.environment().put("CASESHARE_KEYSET_FILE", home.resolve("keys/keyset.json").toString());
        builder.environment().put("CASESHARE_CIPHER_WARM_UP_MB", "0");
    }

    private static String lastLine(String output) {
        String[] lines = output.strip().split("\\R");
        return lines[lines.length - 1];
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
