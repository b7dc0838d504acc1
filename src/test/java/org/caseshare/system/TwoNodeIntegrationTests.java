package org.caseshare.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.caseshare.support.Browser;
import org.caseshare.support.JarHome;
import org.caseshare.support.Totp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.openqa.selenium.virtualauthenticator.HasVirtualAuthenticator;
import org.openqa.selenium.virtualauthenticator.VirtualAuthenticatorOptions;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The proof of issue #16: two nodes (separate {@code java -jar} processes) on one PostgreSQL and one
 * S3 bucket, behind HAProxy (round-robin, X-Forwarded-For), act as one service. Some requests are
 * pinned to a node by the proxy so that a ceremony's or a file's two ends are on different nodes for
 * certain. Skipped loudly when HAProxy is not installed (a failure under CI).
 */
class TwoNodeIntegrationTests {

    private static final String ADMIN = "admin@twonode.example.org";
    private static final String SENDER = "sender@twonode.example.org";
    private static final String PERSON = "person@twonode.example.org";
    private static final String PARTNER = "partner@twonodeschool.example.org";
    private static final String NEW_PASSWORD = "walnut ferry inspects sixteen amber lanterns";
    private static final long FILE_SIZE = 100L * 1024 * 1024;

    /** Each ceremony's first step on one node and its last on the other; the big file's upload and download likewise. */
    private static final List<String> PINNED = List.of(
            "use-server node-a if { path /mfa/enrol } METH_GET",
            "use-server node-b if { path /mfa/enrol } METH_POST",
            "use-server node-a if { path /webauthn/register/options }",
            "use-server node-b if { path /webauthn/register }",
            "use-server node-b if { path /webauthn/authenticate/options }",
            "use-server node-a if { path /login/webauthn }",
            "use-server node-a if { path_reg ^/api/v1/packages/[^/]+/files$ }",
            "use-server node-b if { path_reg ^/api/v1/packages/[^/]+/files/[^/]+$ }",
            "option redispatch",
            "retries 3");

    /** What a client claims in its own X-Forwarded-For header (a documentation address, RFC 5737). */
    private static final String CLAIMED_ADDRESS = "203.0.113.9";

    @TempDir
    java.nio.file.Path home;

    private final JsonMapper json = JsonMapper.builder().build();
    /** Trusts the proxy's certificate; made once the cluster has one. */
    private HttpClient http;

    @Test
    void twoNodesBehindALoadBalancerActAsOneService() throws Exception {
        String haproxy = TwoNodeCluster.haproxy();
        assertThat(JarHome.JAR).as("the build packages target/caseshare.jar before the integration tests").exists();
        try (TwoNodeCluster cluster = new TwoNodeCluster(home)) {
            http = cluster.httpClient();
            JarHome jars = cluster.jars;
            jars.cli("admin", "org", "create", "--name", "Two Node Council");
            jars.cli("admin", "org", "create", "--name", "Two Node School", "--kind", "SCHOOL");
            jars.cli("admin", "user", "create", "--org", "Two Node Council", "--email", ADMIN, "--role", "organisation-admin");
            jars.cli("admin", "user", "create", "--org", "Two Node Council", "--email", SENDER, "--role", "practitioner");
            String personPassword = JarHome.lastLine(jars.cli("admin", "user", "create", "--org", "Two Node Council", "--email", PERSON,
                    "--role", "practitioner"));
            String partnerPassword = JarHome.lastLine(jars.cli("admin", "user", "create", "--org", "Two Node School", "--email", PARTNER,
                    "--role", "partner"));
            String adminToken = JarHome.lastLine(jars.cli("admin", "token", "create", "--email", ADMIN));
            String senderToken = JarHome.lastLine(jars.cli("admin", "token", "create", "--email", SENDER));
            String partnerToken = JarHome.lastLine(jars.cli("admin", "token", "create", "--email", PARTNER));

            cluster.start("node-a");
            cluster.start("node-b");
            cluster.startProxy(haproxy, PINNED);
            try {
                signInEnrolAndUseAPasskeyAcrossBothNodes(cluster, personPassword);
                String recordId = recordAShare(cluster, senderToken);
                aFileUploadedToOneNodeIsServedByTheOther(cluster, senderToken, partnerToken, recordId);
                wrongPasswordsOverBothNodesMeetOneLimit(cluster, partnerPassword);
                aTokenRevokedOnOneNodeIsRefusedAtOnceOnTheOther(cluster, adminToken, senderToken);
                aSweepRunsOnceAndAgainAfterItsNodeIsKilled(cluster);
                theAuditTrailOfBothNodesVerifiesAsOneWithCheckpointsInTheBucket(cluster);
            } catch (AssertionError | RuntimeException e) {
                throw new AssertionError(e.getMessage() + "\n" + cluster.logs(), e);
            }
        }
    }

    private void signInEnrolAndUseAPasskeyAcrossBothNodes(TwoNodeCluster cluster, String temporaryPassword) throws Exception {
        try (Browser browser = Browser.open(cluster.baseUrl(), cluster.certificate.chromiumArgument())) {
            ((HasVirtualAuthenticator) browser.driver()).addVirtualAuthenticator(new VirtualAuthenticatorOptions()
                    .setProtocol(VirtualAuthenticatorOptions.Protocol.CTAP2).setTransport(VirtualAuthenticatorOptions.Transport.INTERNAL)
                    .setHasResidentKey(true).setHasUserVerification(true).setIsUserVerified(true).setIsUserConsenting(true));

            try {
                // The authenticator's seed is shown by node-a and confirmed on node-b.
                browser.go("/login").signInWithPassword(PERSON, temporaryPassword);
                assertThat(browser.path()).isEqualTo("/mfa/enrol");
                browser.clickText("I cannot scan the QR code");
                browser.type("code", Totp.code(browser.text("manual-key"), Totp.step(Instant.now()))).click("confirm");
                if (browser.path().equals("/account/recovery-codes/first")) {
                    browser.click("saved-codes");
                }
                if (browser.path().equals("/account/password")) {
                    browser.type("currentPassword", temporaryPassword).type("newPassword", NEW_PASSWORD).click("change-password");
                }
                assertThat(browser.path()).as(browser.page()).isIn("/", "/account");

                // Registration: options from node-a, the answer to node-b.
                browser.go("/account").type("passkey-label", "Work laptop").click("add-passkey");
                new WebDriverWait(browser.driver(), Duration.ofSeconds(20)).until(ExpectedConditions.presenceOfElementLocated(By.id("passkeys")));
                assertThat(browser.text("passkeys")).contains("Work laptop");

                // Sign-in: options from node-b, the answer to node-a.
                browser.click("sign-out");
                browser.click("passkey-sign-in");
                new WebDriverWait(browser.driver(), Duration.ofSeconds(20)).until(ExpectedConditions.presenceOfElementLocated(By.id("welcome")));
                assertThat(browser.path()).isEqualTo("/");
            } catch (RuntimeException | AssertionError e) {
                browser.screenshot("two-node-failure");
                throw new AssertionError("The browser journey stopped at " + browser.driver().getCurrentUrl() + ":\n" + browser.page(), e);
            }
        }
    }

    private String recordAShare(TwoNodeCluster cluster, String token) throws Exception {
        HttpResponse<String> record = http.send(api(cluster.baseUrl(), "/api/v1/sharing-records", token)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("""
                        {"direction":"WE_SHARE","subjects":[{"name":"Node Pupil","reference":"N-1"}],"information":"Report",
                         "categories":["PERSONAL"],"marking":"OFFICIAL","urgency":"ROUTINE","purpose":"p","necessity":"n",
                         "lawfulBasis":"PUBLIC_TASK","consentSought":false,"consentNotSought":"WOULD_CAUSE_DELAY","decision":"SHARE",
                         "decisionReasons":"r","channel":"SECURE_HUB","recipientType":"SCHOOL","recipientOrganisation":"Two Node School",
                         "recipientName":"Node Partner","recipientEmail":"partner@twonodeschool.example.org","personInformed":"YES"}""")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(record.statusCode()).as(record.body()).isEqualTo(201);
        JsonNode created = json.readTree(record.body());
        String id = created.get("id").asString();
        int version = created.get("version").asInt();
        // The checklist, confirmed safeguard by safeguard, each on whichever node the proxy picks.
        for (JsonNode safeguard : created.at("/policy/safeguards")) {
            HttpResponse<String> confirmed = http.send(api(cluster.baseUrl(), "/api/v1/sharing-records/" + id + "/safeguards/"
                    + safeguard.get("id").asString() + "/confirm", token).header("If-Match", "\"" + version + "\"")
                    .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(confirmed.statusCode()).as(confirmed.body()).isEqualTo(200);
            version = json.readTree(confirmed.body()).get("version").asInt();
        }
        return id;
    }

    private void aFileUploadedToOneNodeIsServedByTheOther(TwoNodeCluster cluster, String senderToken, String partnerToken, String recordId)
            throws Exception {
        String base = cluster.baseUrl();
        HttpResponse<String> created = http.send(api(base, "/api/v1/packages", senderToken).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"sharingRecordId\":\"" + recordId + "\",\"furtherHandling\":\"f\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String packageId = json.readTree(created.body()).get("id").asString();

        MessageDigest sent = MessageDigest.getInstance("SHA-256");
        HttpResponse<String> uploaded = http.send(api(base, "/api/v1/packages/" + packageId + "/files?name=big.bin", senderToken)
                .timeout(Duration.ofMinutes(5))
                .PUT(HttpRequest.BodyPublishers.fromPublisher(HttpRequest.BodyPublishers.ofInputStream(
                        () -> new DigestInputStream(new RandomBytes(FILE_SIZE), sent)), FILE_SIZE)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(201);
        assertThat(servedBy(uploaded)).isEqualTo("node-a");
        String fileId = json.readTree(uploaded.body()).get("id").asString();

        HttpResponse<String> dispatched = http.send(api(base, "/api/v1/packages/" + packageId + "/send", senderToken)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(dispatched.statusCode()).as(dispatched.body()).isEqualTo(200);
        HttpResponse<String> acknowledged = http.send(api(base, "/api/v1/packages/" + packageId + "/acknowledge", partnerToken)
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(acknowledged.statusCode()).as(acknowledged.body()).isEqualTo(204);

        HttpResponse<InputStream> download = http.send(api(base, "/api/v1/packages/" + packageId + "/files/" + fileId, partnerToken)
                .timeout(Duration.ofMinutes(5)).GET().build(), HttpResponse.BodyHandlers.ofInputStream());
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(servedBy(download)).isEqualTo("node-b");
        MessageDigest received = MessageDigest.getInstance("SHA-256");
        long length;
        try (InputStream in = new DigestInputStream(download.body(), received)) {
            length = in.transferTo(java.io.OutputStream.nullOutputStream());
        }
        assertThat(length).isEqualTo(FILE_SIZE);
        assertThat(HexFormat.of().formatHex(received.digest())).as("byte for byte").isEqualTo(HexFormat.of().formatHex(sent.digest()));
    }

    private void wrongPasswordsOverBothNodesMeetOneLimit(TwoNodeCluster cluster, String rightPassword) throws Exception {
        SignInForm form = signInForm(cluster.baseUrl());
        Set<String> nodes = new HashSet<>();
        // The same limit as on one node: five wrong passwords per account (application.yml).
        for (int attempt = 1; attempt <= 5; attempt++) {
            HttpResponse<String> response = form.submit("wrong password " + attempt);
            assertThat(response.statusCode()).as("attempt %d", attempt).isEqualTo(302);
            assertThat(response.headers().firstValue("Location").orElseThrow()).endsWith("/login?error");
            nodes.add(servedBy(response));
        }
        assertThat(nodes).as("the guesses were spread over both nodes").containsExactlyInAnyOrder("node-a", "node-b");
        HttpResponse<String> sixth = form.submit(rightPassword);
        assertThat(sixth.statusCode()).as("even the right password waits once the shared limit is reached").isEqualTo(429);
        theNodesRecordedTheClientNotTheProxyNorWhatTheClientClaimed(cluster);
    }

    /**
     * Each guess claimed to come from {@value #CLAIMED_ADDRESS}; HAProxy appended the address it saw
     * the client at (127.0.0.1) and connected to the nodes from {@link TwoNodeCluster#PROXY_ADDRESS}.
     * Trusting only the proxy, the nodes record the client, not the proxy and not the claim.
     */
    private void theNodesRecordedTheClientNotTheProxyNorWhatTheClientClaimed(TwoNodeCluster cluster) throws Exception {
        List<String> addresses = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection(cluster.databaseUrl, cluster.postgres.user(), cluster.postgres.password());
             Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("select client_address from audit_entry where action = 'login.failure'"
                     + " union all select client_address from audit_pending where action = 'login.failure'")) {
            while (rs.next()) {
                addresses.add(rs.getString(1));
            }
        }
        assertThat(addresses).as("the failed sign-ins' recorded addresses").hasSizeGreaterThanOrEqualTo(5).containsOnly("127.0.0.1");
    }

    /**
     * The sign-in page as a visitor gets it: a session and its CSRF token, which stay valid after a
     * failed attempt. The cookies are carried by hand, the same on every node.
     */
    private SignInForm signInForm(String base) throws Exception {
        HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(base + "/login")).GET().build(), HttpResponse.BodyHandlers.ofString());
        Matcher csrf = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"").matcher(page.body());
        assertThat(csrf.find()).as(page.body()).isTrue();
        String cookies = String.join("; ", page.headers().allValues("Set-Cookie").stream().map(c -> c.split(";", 2)[0]).toList());
        return new SignInForm(base, cookies, csrf.group(1));
    }

    private final class SignInForm {
        private final String base;
        private final String cookies;
        private final String csrf;

        SignInForm(String base, String cookies, String csrf) {
            this.base = base;
            this.cookies = cookies;
            this.csrf = csrf;
        }

        HttpResponse<String> submit(String password) throws Exception {
            String form = "email=" + URLEncoder.encode(PARTNER, StandardCharsets.UTF_8) + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8)
                    + "&_csrf=" + URLEncoder.encode(csrf, StandardCharsets.UTF_8);
            return http.send(HttpRequest.newBuilder(URI.create(base + "/login")).header("Content-Type", "application/x-www-form-urlencoded")
                    .header("Cookie", cookies).header("X-Forwarded-For", CLAIMED_ADDRESS).POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        }
    }

    private void aTokenRevokedOnOneNodeIsRefusedAtOnceOnTheOther(TwoNodeCluster cluster, String adminToken, String senderToken) throws Exception {
        String nodeA = "http://127.0.0.1:" + cluster.node("node-a").port();
        String nodeB = "http://127.0.0.1:" + cluster.node("node-b").port();
        HttpResponse<String> me = http.send(api(nodeB, "/api/v1/me", senderToken).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(me.statusCode()).as("node-b knows the token before").isEqualTo(200);
        JsonNode sender = json.readTree(me.body());
        String organisation = sender.get("organisationId").asString();

        HttpResponse<String> tokens = http.send(api(nodeA, "/api/v1/organisations/" + organisation + "/tokens", adminToken).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(tokens.statusCode()).as(tokens.body()).isEqualTo(200);
        String tokenId = null;
        for (JsonNode token : json.readTree(tokens.body())) {
            if (token.get("ownerId").asString().equals(sender.get("id").asString())) {
                tokenId = token.get("id").asString();
            }
        }
        assertThat(tokenId).isNotNull();
        HttpResponse<String> revoked = http.send(api(nodeA, "/api/v1/organisations/" + organisation + "/tokens/" + tokenId, adminToken)
                .DELETE().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(revoked.statusCode()).as(revoked.body()).isEqualTo(204);

        HttpResponse<String> after = http.send(api(nodeB, "/api/v1/me", senderToken).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(after.statusCode()).as("refused on node-b the moment node-a revoked it").isEqualTo(401);
    }

    private void aSweepRunsOnceAndAgainAfterItsNodeIsKilled(TwoNodeCluster cluster) throws Exception {
        S3Gate gate = cluster.gate;
        gate.hold();
        assertThat(gate.awaitHeld(60)).as("the sweep runs every two seconds").isTrue();
        int runs = gate.sweeps();
        String runningOn = sweepRow(cluster, "picked_by");
        assertThat(runningOn).isIn("node-a", "node-b");
        // Both nodes poll twice a second: give the other one a few chances to start the same sweep.
        Thread.sleep(3_000);
        assertThat(gate.sweeps()).as("the sweep under way runs on one node only").isEqualTo(runs);
        assertThat(sweepRow(cluster, "picked_by")).isEqualTo(runningOn);

        Instant killed = Instant.now();
        cluster.kill(runningOn);
        gate.open();
        String survivor = runningOn.equals("node-a") ? "node-b" : "node-a";
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (gate.sweeps() == runs || sweepRow(cluster, "last_success") == null
                || Instant.parse(sweepRow(cluster, "last_success")).isBefore(killed)) {
            assertThat(System.nanoTime()).as("the surviving node runs the killed node's sweep again").isLessThan(deadline);
            Thread.sleep(250);
        }
        assertThat(gate.sweeps()).isGreaterThan(runs);
        HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create(cluster.baseUrl() + "/actuator/health")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(servedBy(health)).isEqualTo(survivor);
    }

    /** A column of the hub sweep's row in db-scheduler's table (timestamps as ISO instants). */
    private static String sweepRow(TwoNodeCluster cluster, String column) throws Exception {
        try (Connection connection = DriverManager.getConnection(cluster.databaseUrl, cluster.postgres.user(), cluster.postgres.password());
             Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("select " + column + " from scheduled_tasks where task_name = 'hub-sweep'")) {
            assertThat(rs.next()).isTrue();
            Object value = rs.getObject(column);
            if (value instanceof java.time.OffsetDateTime time) {
                return time.toInstant().toString();
            }
            if (value instanceof java.sql.Timestamp time) {
                return time.toInstant().toString();
            }
            return value == null ? null : value.toString();
        }
    }

    private void theAuditTrailOfBothNodesVerifiesAsOneWithCheckpointsInTheBucket(TwoNodeCluster cluster) throws Exception {
        String report = cluster.jars.cli("audit", "verify");
        assertThat(report).contains("OK: the audit trail matches every checkpoint.");
        Matcher checkpoints = Pattern.compile("Checkpoints checked: (\\d+)").matcher(report);
        assertThat(checkpoints.find()).isTrue();
        assertThat(Integer.parseInt(checkpoints.group(1))).isPositive();
        try (Connection connection = DriverManager.getConnection(cluster.databaseUrl, cluster.postgres.user(), cluster.postgres.password());
             Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("select count(*), min(seq), max(seq) from audit_entry")) {
            rs.next();
            assertThat(rs.getLong(1)).as("entries").isGreaterThan(10);
            assertThat(rs.getLong(3) - rs.getLong(2) + 1).as("one dense sequence").isEqualTo(rs.getLong(1));
        }
        assertThat(cluster.s3Client.listObjectsV2(b -> b.bucket(TwoNodeCluster.BUCKET).prefix("audit/checkpoints/")).contents())
                .as("checkpoints in the bucket").isNotEmpty();
    }

    private static HttpRequest.Builder api(String base, String path, String token) {
        return HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60)).header("Authorization", "Bearer " + token);
    }

    private static String servedBy(HttpResponse<?> response) {
        return response.headers().firstValue("X-Served-By").orElse("(not through the proxy)");
    }

    /** A repeatable stream of random-looking bytes: encryption must not hide a wrong byte. */
    static final class RandomBytes extends InputStream {
        private final Random random = new Random(16);
        private long left;

        RandomBytes(long size) {
            left = size;
        }

        @Override
        public int read() {
            return left-- > 0 ? random.nextInt(256) : -1;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (left <= 0) {
                return -1;
            }
            int n = (int) Math.min(len, left);
            byte[] chunk = new byte[n];
            random.nextBytes(chunk);
            System.arraycopy(chunk, 0, b, off, n);
            left -= n;
            return n;
        }
    }
}
