package org.caseshare.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.caseshare.support.JarHome;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

/**
 * The server is killed (SIGKILL) in the middle of a large upload: after a restart there is no file
 * row and no visible blob, and the sweep removes the half-written leftover. Runs the packaged jar
 * in separate JVMs, as a self-hoster would.
 */
class HubKillMidUploadIntegrationTests {

    @TempDir
    Path home;

    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    JarHome jars;
    Path serverLog;

    @BeforeEach
    void jarHome() {
        jars = new JarHome(home);
    }

    @Test
    void aKilledUploadLeavesNothingVisibleAndItsLeftoverIsSwept() throws Exception {
        assertThat(JarHome.JAR).as("the build packages target/caseshare.jar before the integration tests").exists();
        jars.cli("admin", "org", "create", "--name", "Kill Council");
        jars.cli("admin", "org", "create", "--name", "Kill School", "--kind", "SCHOOL");
        jars.cli("admin", "user", "create", "--org", "Kill Council", "--email", "sender@killcouncil.example.org", "--role", "practitioner");
        jars.cli("admin", "user", "create", "--org", "Kill School", "--email", "partner@killschool.example.org", "--role", "partner");
        String token = JarHome.lastLine(jars.cli("admin", "token", "create", "--email", "sender@killcouncil.example.org"));

        int port = JarHome.freePort();
        Process server = server(port);
        String packageId;
        Path packageBlobs;
        try {
            awaitHealthy(port);
            // the package is a share, so it names a secure-hub sharing record, recorded first through the API
            HttpResponse<String> record = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/sharing-records"))
                    .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("""
                            {"direction":"WE_SHARE","subjects":[{"name":"Kill Pupil","reference":"K-1"}],"information":"Probe file",
                             "categories":["PERSONAL"],"marking":"OFFICIAL","urgency":"ROUTINE","purpose":"p","necessity":"n",
                             "lawfulBasis":"PUBLIC_TASK","consentSought":false,"consentNotSought":"WOULD_CAUSE_DELAY","decision":"SHARE",
                             "decisionReasons":"r","channel":"SECURE_HUB","recipientType":"SCHOOL","recipientOrganisation":"Kill School",
                             "recipientName":"Kill Partner","recipientEmail":"partner@killschool.example.org","personInformed":"YES"}""")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(record.statusCode()).as(record.body()).isEqualTo(201);
            String recordId = JsonMapper.builder().build().readTree(record.body()).get("id").asString();
            HttpResponse<String> created = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/packages"))
                    .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"sharingRecordId\":\"" + recordId + "\",\"furtherHandling\":\"f\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
            packageId = JsonMapper.builder().build().readTree(created.body()).get("id").asString();
            packageBlobs = home.resolve("data/blobs/hub/" + packageId);

            // a 1 GiB upload, streamed; the server is killed once part of it is on disk
            http.sendAsync(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/packages/" + packageId + "/files?name=big.bin"))
                    .header("Authorization", "Bearer " + token)
                    .PUT(HttpRequest.BodyPublishers.fromPublisher(HttpRequest.BodyPublishers.ofInputStream(() -> new Zeros(1L << 30)), 1L << 30))
                    .build(), HttpResponse.BodyHandlers.ofString());
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (writtenBytes(packageBlobs) < 8 * 1024 * 1024) {
                assertThat(System.nanoTime()).as("the upload reaches the disk").isLessThan(deadline);
                Thread.sleep(50);
            }
        } finally {
            server.destroyForcibly();
            server.waitFor(30, TimeUnit.SECONDS);
        }
        assertThat(visibleBlobs(packageBlobs)).as("no complete-looking blob after the kill").isEmpty();
        assertThat(leftovers(packageBlobs)).as("the half-written temporary file is there to clean").isNotEmpty();

        Process restarted = server(port);
        try {
            awaitHealthy(port);
            HttpResponse<String> seen = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/packages/" + packageId))
                    .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(seen.statusCode()).isEqualTo(200);
            assertThat(JsonMapper.builder().build().readTree(seen.body()).get("files").size()).as("no file row").isZero();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (!leftovers(packageBlobs).isEmpty()) {
                assertThat(System.nanoTime()).as("the sweep removes the leftover").isLessThan(deadline);
                Thread.sleep(200);
            }
            assertThat(visibleBlobs(packageBlobs)).isEmpty();
        } finally {
            restarted.destroy();
            if (!restarted.waitFor(30, TimeUnit.SECONDS)) {
                restarted.destroyForcibly();
            }
        }
    }

    /** A stream of zero bytes (content does not matter: it is encrypted before it reaches the disk). */
    static final class Zeros extends InputStream {
        private long left;

        Zeros(long size) {
            left = size;
        }

        @Override
        public int read() {
            return left-- > 0 ? 0 : -1;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (left <= 0) {
                return -1;
            }
            int n = (int) Math.min(len, left);
            java.util.Arrays.fill(b, off, off + n, (byte) 0);
            left -= n;
            return n;
        }
    }

    private static List<Path> files(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(folder)) {
            return s.toList();
        }
    }

    private static List<Path> visibleBlobs(Path folder) throws IOException {
        return files(folder).stream().filter(p -> !p.getFileName().toString().startsWith(".incomplete-")).toList();
    }

    private static List<Path> leftovers(Path folder) throws IOException {
        return files(folder).stream().filter(p -> p.getFileName().toString().startsWith(".incomplete-")).toList();
    }

    private static long writtenBytes(Path folder) throws IOException {
        long total = 0;
        for (Path p : files(folder)) {
            try {
                total += Files.size(p);
            } catch (IOException gone) {
                // renamed or removed meanwhile
            }
        }
        return total;
    }

    private Process server(int port) throws IOException {
        serverLog = home.resolve("server-" + System.nanoTime() + ".log");
        return jars.server(serverLog, "--server.port=" + port, "--caseshare.exchange.sweep-every=PT2S", "--caseshare.exchange.orphan-age=PT1S");
    }

    private void awaitHealthy(int port) throws Exception {
        jars.awaitHealthy(port, serverLog, Duration.ofSeconds(120));
    }
}
