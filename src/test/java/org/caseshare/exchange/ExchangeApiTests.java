package org.caseshare.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.caseshare.audit.AuditTrail;
import org.caseshare.directory.Directory;
import org.caseshare.directory.DirectoryEntry;
import org.caseshare.directory.Organisation;
import org.caseshare.identity.Account;
import org.caseshare.identity.Invitations;
import org.caseshare.identity.Role;
import org.caseshare.storage.BlobStore;
import org.caseshare.support.DocumentedProblems;
import org.caseshare.support.Fixtures;
import org.caseshare.support.IntegrationTest;
import org.caseshare.support.TestClock;
import org.caseshare.system.Actor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/** The secure hub over real HTTP: send, acknowledge, download, receipt, limits, expiry, revocation, isolation. */
abstract class ExchangeApiTests extends IntegrationTest {

    @LocalServerPort
    int port;
    @Autowired
    Fixtures fixtures;
    @Autowired
    Directory directory;
    @Autowired
    Invitations invitations;
    @Autowired
    AuditTrail audit;
    @Autowired
    BlobStore blobs;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TestClock clock;
    @Autowired
    Packages packages;
    @Autowired
    PackageUploads uploads;
    @Autowired
    PackageShredding shredding;
    @Autowired
    org.springframework.test.web.servlet.MockMvc mvc;

    final HttpClient http = HttpClient.newBuilder().executor(Executors.newFixedThreadPool(16)).build();
    final ObjectMapper json = JsonMapper.builder().build();
    final SecureRandom random = new SecureRandom();

    Organisation council;
    Organisation school;
    Account practitioner;
    Account partner;
    String practitionerToken;
    String partnerToken;
    DirectoryEntry schoolEntry;

    @BeforeEach
    void people() {
        Fixtures.HubParties parties = fixtures.hubParties();
        council = parties.council();
        school = parties.school();
        practitioner = parties.practitioner();
        partner = parties.partner();
        practitionerToken = parties.practitionerToken();
        partnerToken = parties.partnerToken();
        schoolEntry = parties.schoolEntry();
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    String createPackage(int downloadLimit, String... recipients) throws Exception {
        StringBuilder list = new StringBuilder();
        for (String r : recipients) {
            list.append(list.isEmpty() ? "" : ",").append('"').append(r).append('"');
        }
        HttpResponse<String> created = send("POST", "/api/v1/packages", practitionerToken, """
                {"sharingRecordId":"%s","recipients":[%s],
                 "furtherHandling":"Do not forward; delete after the review meeting","expiresInDays":7,"downloadLimit":%d}"""
                .formatted(fixtures.hubShare(practitioner, schoolEntry, partner.email()), list, downloadLimit));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return json.readTree(created.body()).get("id").asString();
    }

    String upload(String packageId, String name, byte[] content) throws Exception {
        HttpResponse<String> uploaded = http.send(request("/api/v1/packages/" + packageId + "/files?name="
                + URLEncoder.encode(name, StandardCharsets.UTF_8), practitionerToken)
                .PUT(HttpRequest.BodyPublishers.ofByteArray(content)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(201);
        return json.readTree(uploaded.body()).get("id").asString();
    }

    @Test
    void sendAcknowledgeDownloadConfirmsReceiptAndEnforcesTheLimit() throws Exception {
        String newcomer = Fixtures.unique("newcomer") + "@school.example.org";
        String id = createPackage(2, partner.email(), newcomer);
        byte[] content = bytes(3 * 1024 * 1024 + 11);
        String fileId = upload(id, "../../reports/\u202Egnp.exe Pupil report.pdf", content);
        // a recipient sees nothing of a draft
        assertThat(send("GET", "/api/v1/packages/" + id, partnerToken, null).statusCode()).isEqualTo(404);
        HttpResponse<String> sent = send("POST", "/api/v1/packages/" + id + "/send", practitionerToken, "{}");
        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(200);
        assertThat(json.readTree(sent.body()).has("password")).isFalse();
        assertThat(invitations.list(school.id())).anySatisfy(i -> {
            assertThat(i.email()).isEqualTo(newcomer);
            assertThat(i.role()).isEqualTo(Role.PARTNER);
        });

        JsonNode received = json.readTree(send("GET", "/api/v1/packages", partnerToken, null).body()).get("received");
        assertThat(received.values()).anySatisfy(p -> assertThat(p.get("id").asString()).isEqualTo(id));
        JsonNode seen = json.readTree(send("GET", "/api/v1/packages/" + id, partnerToken, null).body());
        assertThat(seen.get("purpose").asString()).isEqualTo(Fixtures.HUB_PURPOSE);
        assertThat(seen.get("consentLimits").asString()).isEqualTo(Fixtures.HUB_CONSENT);
        assertThat(seen.get("recipients").size()).as("a recipient sees only themself").isEqualTo(1);
        assertThat(seen.get("files").get(0).get("name").asString()).isEqualTo("gnp.exe Pupil report.pdf");

        // acknowledgement first
        assertThat(download(id, fileId, partnerToken, null).statusCode()).isEqualTo(409);
        assertThat(send("POST", "/api/v1/packages/" + id + "/acknowledge", partnerToken, "").statusCode()).isEqualTo(204);

        HttpResponse<byte[]> first = download(id, fileId, partnerToken, null);
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.body()).isEqualTo(content);
        assertThat(first.headers().firstValue("Content-Disposition")).hasValueSatisfying(d -> assertThat(d)
                .startsWith("attachment;").contains("filename*=UTF-8''gnp.exe%20Pupil%20report.pdf").doesNotContain("/"));
        assertThat(first.headers().firstValue("Content-Security-Policy")).hasValue("sandbox; default-src 'none'");
        assertThat(first.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(first.headers().firstValue("Content-Type")).hasValue("application/octet-stream");

        JsonNode afterReceipt = json.readTree(send("GET", "/api/v1/packages/" + id, practitionerToken, null).body());
        assertThat(afterReceipt.get("firstDownloadedAt").isNull()).isFalse();
        assertThat(afterReceipt.get("files").get(0).get("downloads").asInt()).isEqualTo(1);
        assertThat(audit.latestWithAction("hub.package.receipt-confirmed", 50)).anySatisfy(e -> assertThat(e.target()).isEqualTo("hub-package:" + id));
        assertThat(jdbc.sql("select count(*) from hub_download where package_id = ?").param(UUID.fromString(id)).query(Integer.class).single()).isEqualTo(1);

        assertThat(download(id, fileId, partnerToken, null).statusCode()).isEqualTo(200);
        assertThat(download(id, fileId, partnerToken, null).statusCode()).as("limit of 2 reached").isEqualTo(410);
    }

    @Test
    void aPractitionersPackageNamesItsSharingRecord() throws Exception {
        HttpResponse<String> unlinked = send("POST", "/api/v1/packages", practitionerToken, """
                {"recipientEntryId":"%s","recipients":["%s"],"purpose":"p","consentLimits":"c","furtherHandling":"f"}"""
                .formatted(schoolEntry.id(), partner.email()));
        assertThat(unlinked.statusCode()).as(unlinked.body()).isEqualTo(422);
        assertThat(unlinked.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        JsonNode problem = json.readTree(unlinked.body());
        assertThat(problem.get("errors").get("sharingRecordId").asString()).isEqualTo("Choose the sharing record this package belongs to");
        assertThat(problem.get("detail").asString()).contains("record the share first");
        assertThat(jdbc.sql("select count(*) from hub_package where sender_id = ?").param(practitioner.id()).query(Integer.class).single()).isZero();

        UUID record = fixtures.hubShare(practitioner, schoolEntry, partner.email());
        HttpResponse<String> linked = send("POST", "/api/v1/packages", practitionerToken, """
                {"sharingRecordId":"%s"}""".formatted(record));
        assertThat(linked.statusCode()).as(linked.body()).isEqualTo(201);
        JsonNode created = json.readTree(linked.body());
        assertThat(created.get("sharingRecordId").asString()).isEqualTo(record.toString());
        assertThat(created.get("recipients").values()).singleElement()
                .satisfies(r -> assertThat(r.get("email").asString()).as("the person named on the record").isEqualTo(partner.email()));

        // a record whose organisation was typed, not chosen from the directory: the recipients' logins say where it goes
        UUID typed = fixtures.hubShare(practitioner, null, partner.email());
        HttpResponse<String> toLogin = send("POST", "/api/v1/packages", practitionerToken, """
                {"sharingRecordId":"%s"}""".formatted(typed));
        assertThat(toLogin.statusCode()).as(toLogin.body()).isEqualTo(201);
        assertThat(json.readTree(toLogin.body()).get("recipientOrganisationId").asString()).isEqualTo(school.id().toString());
        HttpResponse<String> toNobody = send("POST", "/api/v1/packages", practitionerToken, """
                {"sharingRecordId":"%s","recipients":["nobody-%s@elsewhere.example.org"]}""".formatted(typed, UUID.randomUUID()));
        assertThat(toNobody.statusCode()).isEqualTo(422);
        assertThat(json.readTree(toNobody.body()).get("errors").has("recipients")).isTrue();
    }

    @Test
    void aPartnerSendsFilesBackToAPractitioner() throws Exception {
        HttpResponse<String> created = send("POST", "/api/v1/packages", partnerToken, """
                {"recipients":["%s"],"purpose":"Attendance records you asked for","consentLimits":"As agreed",
                 "furtherHandling":"For the review only","downloadLimit":1}""".formatted(practitioner.email()));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String id = json.readTree(created.body()).get("id").asString();
        byte[] content = bytes(5000);
        HttpResponse<String> uploaded = http.send(request("/api/v1/packages/" + id + "/files?name=attendance.csv", partnerToken)
                .PUT(HttpRequest.BodyPublishers.ofByteArray(content)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(uploaded.statusCode()).isEqualTo(201);
        String fileId = json.readTree(uploaded.body()).get("id").asString();
        assertThat(send("POST", "/api/v1/packages/" + id + "/send", partnerToken, "{}").statusCode()).isEqualTo(200);
        assertThat(send("POST", "/api/v1/packages/" + id + "/acknowledge", practitionerToken, "").statusCode()).isEqualTo(204);
        HttpResponse<byte[]> back = download(id, fileId, practitionerToken, null);
        assertThat(back.statusCode()).isEqualTo(200);
        assertThat(back.body()).isEqualTo(content);
        // a partner may address only existing accounts, all at one other organisation
        HttpResponse<String> unknown = send("POST", "/api/v1/packages", partnerToken, """
                {"recipients":["nobody-%s@elsewhere.example.org"],"purpose":"p","consentLimits":"c","furtherHandling":"f"}"""
                .formatted(UUID.randomUUID()));
        assertThat(unknown.statusCode()).isEqualTo(422);
    }

    @Test
    void otherTenantsAndOtherPartnersGetNotFound() throws Exception {
        String id = createPackage(3, partner.email());
        String fileId = upload(id, "a.txt", bytes(100));
        send("POST", "/api/v1/packages/" + id + "/send", practitionerToken, "{}");
        Organisation other = fixtures.organisation("Other council");
        String outsider = fixtures.token(fixtures.person(other, Role.PRACTITIONER));
        String otherPartner = fixtures.token(fixtures.person(school, Role.PARTNER));
        for (String token : List.of(outsider, otherPartner)) {
            assertThat(send("GET", "/api/v1/packages/" + id, token, null).statusCode()).isEqualTo(404);
            assertThat(send("POST", "/api/v1/packages/" + id + "/acknowledge", token, "").statusCode()).isEqualTo(404);
            assertThat(download(id, fileId, token, null).statusCode()).isEqualTo(404);
            assertThat(send("POST", "/api/v1/packages/" + id + "/revoke", token, "").statusCode()).isEqualTo(404);
        }
        // the partner cannot revoke or add files to what they received
        assertThat(send("POST", "/api/v1/packages/" + id + "/revoke", partnerToken, "").statusCode()).isEqualTo(404);
    }

    @Test
    void aPasswordProtectedPackageOpensOnlyWithThePassword() throws Exception {
        String id = createPackage(5, partner.email());
        byte[] content = bytes(70_000);
        String fileId = upload(id, "minutes.docx", content);
        HttpResponse<String> sent = send("POST", "/api/v1/packages/" + id + "/send", practitionerToken, "{\"password\":true}");
        String password = json.readTree(sent.body()).get("password").asString();
        assertThat(password).matches("[a-z]+(-[a-z]+){6}");
        assertThat(jdbc.sql("select password_lock from hub_package where id = ?").param(UUID.fromString(id)).query(String.class).single())
                .startsWith("argon2id$").doesNotContain(password);
        send("POST", "/api/v1/packages/" + id + "/acknowledge", partnerToken, "");
        assertThat(download(id, fileId, partnerToken, null).statusCode()).isEqualTo(403);
        assertThat(download(id, fileId, partnerToken, "wrong-horse-battery-staple").statusCode()).isEqualTo(403);
        HttpResponse<byte[]> ok = download(id, fileId, partnerToken, password);
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(ok.body()).isEqualTo(content);
        // wrong attempts did not use up downloads
        assertThat(jdbc.sql("select downloads from hub_file where id = ?").param(UUID.fromString(fileId)).query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void revocationShredsKeysAndBlobsButKeepsTheRecord() throws Exception {
        String id = createPackage(3, partner.email());
        String fileId = upload(id, "a.txt", bytes(1000));
        send("POST", "/api/v1/packages/" + id + "/send", practitionerToken, "{}");
        send("POST", "/api/v1/packages/" + id + "/acknowledge", partnerToken, "");
        String blobKey = "hub/" + id + "/" + fileId;
        assertThat(blobs.exists(blobKey)).isTrue();
        assertThat(send("POST", "/api/v1/packages/" + id + "/revoke", practitionerToken, "").statusCode()).isEqualTo(204);
        assertThat(download(id, fileId, partnerToken, null).statusCode()).isEqualTo(410);
        assertThat(blobs.exists(blobKey)).isFalse();
        assertThat(jdbc.sql("select count(*) from hub_file where package_id = ? and (wrapped_key is not null or sealed_name is not null)")
                .param(UUID.fromString(id)).query(Integer.class).single()).isZero();
        JsonNode record = json.readTree(send("GET", "/api/v1/packages/" + id, practitionerToken, null).body());
        assertThat(record.get("status").asString()).isEqualTo("REVOKED");
        assertThat(record.get("shreddedAt").isNull()).isFalse();
        assertThat(send("POST", "/api/v1/packages/" + id + "/revoke", practitionerToken, "").statusCode()).isEqualTo(410);
    }

    @Test
    void expiryFailsClosedThenTheSweepShreds() throws Exception {
        String id = createPackage(3, partner.email());
        String fileId = upload(id, "a.txt", bytes(1000));
        send("POST", "/api/v1/packages/" + id + "/send", practitionerToken, "{}");
        send("POST", "/api/v1/packages/" + id + "/acknowledge", partnerToken, "");
        clock.advance(Duration.ofDays(7).plusSeconds(1));
        assertThat(download(id, fileId, partnerToken, null).statusCode()).as("expired before the sweep ran").isEqualTo(410);
        assertThat(shredding.expireDue()).isGreaterThanOrEqualTo(1);
        assertThat(blobs.exists("hub/" + id + "/" + fileId)).isFalse();
        assertThat(json.readTree(send("GET", "/api/v1/packages/" + id, practitionerToken, null).body()).get("status").asString()).isEqualTo("EXPIRED");
        assertThat(audit.latestWithAction("hub.package.shredded", 50)).anySatisfy(e -> assertThat(e.target()).isEqualTo("hub-package:" + id));
    }

    @Test
    void fiftyParallelDownloadsOfAOneDownloadFileLetExactlyOneThrough() throws Exception {
        String id = createPackage(1, partner.email());
        String fileId = upload(id, "once.txt", bytes(20_000));
        send("POST", "/api/v1/packages/" + id + "/send", practitionerToken, "{}");
        send("POST", "/api/v1/packages/" + id + "/acknowledge", partnerToken, "");
        ExecutorService pool = Executors.newFixedThreadPool(50);
        CountDownLatch start = new CountDownLatch(1);
        List<CompletableFuture<Integer>> results = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            results.add(CompletableFuture.supplyAsync(() -> {
                try {
                    start.await();
                    return download(id, fileId, partnerToken, null).statusCode();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }, pool));
        }
        start.countDown();
        List<Integer> statuses = results.stream().map(CompletableFuture::join).toList();
        pool.shutdown();
        assertThat(statuses).filteredOn(s -> s == 200).hasSize(1);
        assertThat(statuses).filteredOn(s -> s != 200).allMatch(s -> s == 410);
        assertThat(jdbc.sql("select downloads from hub_file where id = ?").param(UUID.fromString(fileId)).query(Integer.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from hub_download where file_id = ?").param(UUID.fromString(fileId)).query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void tooLargeUploadsAreRefusedEarlyAndInterruptedOnesLeaveNothing() throws Exception {
        String id = createPackage(1, partner.email());
        long max = packages.limits().maxFileSize().toBytes();
        // declared too large: refused before a byte of the body is read
        int declared = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                .put("/api/v1/packages/" + id + "/files").param("name", "big.bin")
                .header("Authorization", "Bearer " + practitionerToken)
                .header("Content-Length", Long.toString(max + 1)).content(new byte[10])).andReturn().getResponse().getStatus();
        assertThat(declared).isEqualTo(413);
        // streamed without a length: refused once past the limit (the server answers 413 and may close
        // the connection while the client is still sending, which the client sees as a reset)
        try {
            HttpResponse<String> chunked = http.send(request("/api/v1/packages/" + id + "/files?name=big.bin", practitionerToken)
                    .PUT(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(new byte[(int) max + 70_000]))).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(chunked.statusCode()).isEqualTo(413);
        } catch (IOException resetWhileSending) {
            // refused before the body was read to its end
        }
        assertThat(jdbc.sql("select count(*) from hub_file where package_id = ?").param(UUID.fromString(id)).query(Integer.class).single()).isZero();
        // the connection drops half way
        Actor sender = new Actor(practitioner.id(), council.id(), practitioner.displayName(), Set.of(Role.PRACTITIONER.name()));
        assertThatThrownBy(() -> uploads.addFile(sender, UUID.fromString(id), "cut.bin", brokenAfter(300_000), -1))
                .isInstanceOf(RuntimeException.class);
        assertThat(jdbc.sql("select count(*) from hub_file where package_id = ?").param(UUID.fromString(id)).query(Integer.class).single()).isZero();
        assertThat(blobs.keysOlderThan("hub/" + id, clock.instant().plusSeconds(3600))).isEmpty();
    }

    static InputStream brokenAfter(int good) {
        return new InputStream() {
            int left = good;

            @Override
            public int read() throws IOException {
                if (left-- <= 0) {
                    throw new IOException("connection reset");
                }
                return 1;
            }
        };
    }

    byte[] bytes(int n) {
        byte[] b = new byte[n];
        random.nextBytes(b);
        return b;
    }

    HttpRequest.Builder request(String path, String token) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + token);
    }

    HttpResponse<String> send(String method, String path, String token, String body) throws Exception {
        HttpRequest.Builder r = request(path, token).header("Content-Type", "application/json");
        r.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return DocumentedProblems.check(http.send(r.build(), HttpResponse.BodyHandlers.ofString()));
    }

    HttpResponse<byte[]> download(String id, String fileId, String token, String password) throws Exception {
        HttpRequest.Builder r = request("/api/v1/packages/" + id + "/files/" + fileId, token).GET();
        if (password != null) {
            r.header("X-Package-Password", password);
        }
        return DocumentedProblems.check(http.send(r.build(), HttpResponse.BodyHandlers.ofByteArray()));
    }
}
