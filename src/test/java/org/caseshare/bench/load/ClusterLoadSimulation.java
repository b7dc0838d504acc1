package org.caseshare.bench.load;

import static io.gatling.javaapi.core.CoreDsl.ByteArrayBody;
import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.bodyLength;
import static io.gatling.javaapi.core.CoreDsl.csv;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.foreach;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.rampUsers;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;
import java.util.Random;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;

/**
 * Practitioners working through the API against the cluster that bench/cluster/run.sh starts: each
 * simulated user signs in (bearer token: {@code GET /api/v1/me}), searches the register, records a
 * share and confirms its safeguards, sends a 1 MB file through the hub which the partner downloads,
 * and has the DPO read the audit (an inclusion proof). Settings: {@code -Dload.dir} (what the cluster
 * wrote), {@code -Dload.users} (200), {@code -Dload.minutes} (10), {@code -Dload.pauseMs} (1000).
 */
public class ClusterLoadSimulation extends Simulation {

    private static final int FILE_BYTES = 1024 * 1024;

    private final Properties cluster = cluster(Path.of(System.getProperty("load.dir", "target/load")));
    private final int users = Integer.getInteger("load.users", 200);
    private final Duration length = Duration.ofSeconds(Math.round(Double.parseDouble(System.getProperty("load.minutes", "10")) * 60));
    private final Duration pause = Duration.ofMillis(Long.getLong("load.pauseMs", 1000));
    private final byte[] file = randomBytes();

    private final HttpProtocolBuilder protocol = http.baseUrl(cluster.getProperty("baseUrl"))
            .acceptHeader("application/json").shareConnections();

    private final ChainBuilder signIn = exec(http("sign in").get("/api/v1/me").header("Authorization", "Bearer #{token}")
            .check(status().is(200)));

    private final ChainBuilder search = exec(http("search").post("/api/v1/sharing-records/search")
            .header("Authorization", "Bearer #{token}").header("Content-Type", "application/json")
            .body(StringBody("{\"person\":\"Load Pupil\",\"size\":25}")).check(status().is(200)));

    private final ChainBuilder recordAShare = exec(http("record a share").post("/api/v1/sharing-records")
            .header("Authorization", "Bearer #{token}").header("Content-Type", "application/json")
            .body(StringBody(shareBody())).check(status().is(201), jsonPath("$.id").saveAs("record"),
                    jsonPath("$.version").saveAs("version"), jsonPath("$.policy.safeguards[*].id").findAll().optional().saveAs("safeguards")))
            .doIf(session -> session.contains("safeguards")).then(foreach("#{safeguards}", "safeguard").on(
                    exec(http("confirm a safeguard").post("/api/v1/sharing-records/#{record}/safeguards/#{safeguard}/confirm")
                            .header("Authorization", "Bearer #{token}").header("If-Match", "\"#{version}\"")
                            .check(status().is(200), jsonPath("$.version").saveAs("version")))));

    private final ChainBuilder fileThroughTheHub = exec(http("create a package").post("/api/v1/packages")
            .header("Authorization", "Bearer #{token}").header("Content-Type", "application/json")
            .body(StringBody("{\"sharingRecordId\":\"#{record}\",\"furtherHandling\":\"Keep on the school's case system\"}"))
            .check(status().is(201), jsonPath("$.id").saveAs("package")))
            .exec(http("upload 1 MB").put("/api/v1/packages/#{package}/files?name=report.bin")
                    .header("Authorization", "Bearer #{token}").header("Content-Type", "application/octet-stream")
                    .body(ByteArrayBody(file)).check(status().is(201), jsonPath("$.id").saveAs("file")))
            .exec(http("send the package").post("/api/v1/packages/#{package}/send")
                    .header("Authorization", "Bearer #{token}").header("Content-Type", "application/json")
                    .body(StringBody("{}")).check(status().is(200)))
            .exec(http("acknowledge (partner)").post("/api/v1/packages/#{package}/acknowledge")
                    .header("Authorization", "Bearer " + cluster.getProperty("partnerToken")).check(status().is(204)))
            .exec(http("download 1 MB (partner)").get("/api/v1/packages/#{package}/files/#{file}")
                    .header("Authorization", "Bearer " + cluster.getProperty("partnerToken"))
                    .check(status().is(200), bodyLength().is(FILE_BYTES)));

    private final ChainBuilder readTheAudit = exec(http("read the audit (DPO)")
            .get("/api/v1/audit/proofs/inclusion?seq=" + cluster.getProperty("auditSeq"))
            .header("Authorization", "Bearer " + cluster.getProperty("dpoToken")).check(status().is(200)));

    private final ScenarioBuilder practitioners = scenario("practitioners")
            .feed(csv(Path.of(System.getProperty("load.dir", "target/load"), "tokens.csv").toAbsolutePath().toString()).circular())
            .during(length).on(exec(signIn).pause(pause).exec(search).pause(pause).exec(recordAShare).pause(pause)
                    .exec(fileThroughTheHub).pause(pause).exec(readTheAudit).pause(pause));

    {
        // Users arrive over a tenth of the run (at most a minute), so start-up is not one burst.
        Duration ramp = length.dividedBy(10).compareTo(Duration.ofMinutes(1)) > 0 ? Duration.ofMinutes(1) : length.dividedBy(10);
        setUp(practitioners.injectOpen(rampUsers(users).during(ramp))).protocols(protocol);
    }

    private String shareBody() {
        return """
                {"direction":"WE_SHARE","subjects":[{"name":"Load Pupil","reference":"L-1"}],"information":"Attendance report",
                 "categories":["PERSONAL"],"marking":"OFFICIAL","urgency":"ROUTINE","purpose":"Safeguarding","necessity":"Needed to act",
                 "lawfulBasis":"PUBLIC_TASK","consentSought":false,"consentNotSought":"WOULD_CAUSE_DELAY","decision":"SHARE",
                 "decisionReasons":"Proportionate","channel":"SECURE_HUB","recipientType":"SCHOOL","recipientOrganisation":"%s",
                 "recipientName":"Load Partner","recipientEmail":"%s","personInformed":"YES"}"""
                .formatted(cluster.getProperty("school"), cluster.getProperty("partnerEmail"));
    }

    private static byte[] randomBytes() {
        byte[] bytes = new byte[FILE_BYTES];
        new Random(16).nextBytes(bytes);
        return bytes;
    }

    private static Properties cluster(Path dir) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(dir.resolve("cluster.properties"), StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new IllegalStateException("Start the cluster first (bench/cluster/run.sh): no " + dir.resolve("cluster.properties"), e);
        }
        return properties;
    }
}
