package org.caseshare.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.caseshare.audit.AuditTrail;
import org.caseshare.directory.Directory;
import org.caseshare.directory.DirectoryEntry;
import org.caseshare.identity.Account;
import org.caseshare.identity.Role;
import org.caseshare.mail.Outbox;
import org.caseshare.storage.BlobStore;
import org.caseshare.support.DocumentedProblems;
import org.caseshare.support.Fixtures;
import org.caseshare.support.IntegrationTest;
import org.caseshare.system.Actor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * A stored file that fails authentication never looks like a complete download (issue #13 §3):
 * damage at the start is a clear problem before any header; damage later cuts the connection short
 * of the declared length. Either way the failure is audited, the file marked damaged (later
 * attempts get the problem at once), the sender told by email, and the attempt not counted.
 */
abstract class DamagedDownloadTests extends IntegrationTest {

    static final int SEGMENT = 64 * 1024;
    /** "CSHB", the scheme byte, then Tink's header: where the first segment's ciphertext starts. */
    static final int FIRST_SEGMENT = 5 + 40;
    static final String DAMAGED_TYPE = "https://caseshare.org/problems/file-damaged";

    @LocalServerPort
    int port;
    @Autowired
    Fixtures fixtures;
    @Autowired
    Directory directory;
    @Autowired
    AuditTrail audit;
    @Autowired
    BlobStore blobs;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Outbox outbox;
    @Autowired
    MockMvc mvc;
    @Autowired
    PackageViews packages;
    @Autowired
    org.caseshare.system.AccountLanguages languages;

    final HttpClient http = HttpClient.newHttpClient();
    final ObjectMapper json = JsonMapper.builder().build();

    Account practitioner;
    Account partner;
    String practitionerToken;
    String partnerToken;
    DirectoryEntry schoolEntry;

    @BeforeEach
    void people() {
        Fixtures.HubParties parties = fixtures.hubParties();
        practitioner = parties.practitioner();
        partner = parties.partner();
        practitionerToken = parties.practitionerToken();
        partnerToken = parties.partnerToken();
        schoolEntry = parties.schoolEntry();
    }

    @Test
    void damageInTheFirstSegmentIsAProblemBeforeAnyHeaderOverTheApi() throws Exception {
        Sent sent = sendPackage(200_000);
        flip(sent, FIRST_SEGMENT + 100);

        HttpResponse<String> refused = DocumentedProblems.check(http.send(download(sent).GET().build(), HttpResponse.BodyHandlers.ofString()));
        assertProblem(refused);
        assertDamageHandled(sent, "first-segment");

        HttpResponse<String> again = DocumentedProblems.check(http.send(download(sent).GET().build(), HttpResponse.BodyHandlers.ofString()));
        assertProblem(again);
        assertThat(downloads(sent)).as("refusals are not downloads").isZero();
        assertThat(damageMails(sent)).as("the sender is told once").hasSize(1);
    }

    @Test
    void damageFoundBeforeAnythingWasSentIsStillAProblem() throws Exception {
        Sent sent = sendPackage(200_000);
        // the second segment: the first authenticates, but nothing has left the server when the second fails
        flip(sent, 5 + 2 * SEGMENT + 10);

        assertProblem(http.send(download(sent).GET().build(), HttpResponse.BodyHandlers.ofString()));
        assertDamageHandled(sent, "later-segment");
    }

    @Test
    void aSenderWhoChoseWelshIsToldInWelsh() throws Exception {
        languages.remember(practitioner.id(), org.caseshare.system.Languages.WELSH);
        Sent sent = sendPackage(200_000);
        flip(sent, FIRST_SEGMENT + 100);

        assertProblem(http.send(download(sent).GET().build(), HttpResponse.BodyHandlers.ofString()));
        assertThat(outbox.list().stream().filter(m -> m.to().equals(practitioner.email()) && m.body().contains(sent.packageId.toString())))
                .singleElement().satisfies(mail -> {
                    assertThat(mail.subject()).isEqualTo("Preifat a Chyfrinachol");
                    assertThat(mail.body()).contains("wedi’i difrodi yn y storfa").doesNotContain("damaged", sent.fileName);
                });
    }

    @Test
    void damageInALaterSegmentCutsTheApiResponseShortOfItsLength() throws Exception {
        Sent sent = sendPackage(2 * 1024 * 1024);
        // well past the first 256 KiB, so the response is already on its way when the damage is found
        flip(sent, 5 + 20 * SEGMENT + 10);

        RawResponse raw = rawGet("/api/v1/packages/" + sent.packageId + "/files/" + sent.fileId, partnerToken);
        assertThat(raw.status).isEqualTo(200);
        long declared = raw.contentLength();
        assertThat(declared).as("the full length is declared").isEqualTo(sent.content.length);
        assertThat((long) raw.body.length).as("the body stops short of it, so no client takes it for the whole file").isLessThan(declared);
        assertThat(raw.body).isEqualTo(java.util.Arrays.copyOf(sent.content, raw.body.length));
        assertDamageHandled(sent, "later-segment");

        assertProblem(http.send(download(sent).GET().build(), HttpResponse.BodyHandlers.ofString()));
        assertThat(downloads(sent)).isZero();
    }

    @Test
    void damageInTheFirstSegmentIsAnErrorPageOnThePageRoute() throws Exception {
        Sent sent = sendPackage(100_000);
        flip(sent, FIRST_SEGMENT + 7);
        String cookie = "__Host-caseshare=" + fixtures.signIn(mvc, partner).sessionCookie();

        HttpResponse<String> page = http.send(pageDownload(sent, cookie), HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(410);
        assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
        assertThat(page.body()).contains("govuk-heading-l", "This file is damaged").doesNotContain("Exception", "at org.");
        assertDamageHandled(sent, "first-segment");
    }

    @Test
    void damageInALaterSegmentBreaksThePageDownload() throws Exception {
        Sent sent = sendPackage(2 * 1024 * 1024);
        flip(sent, 5 + 25 * SEGMENT + 99);
        String cookie = "__Host-caseshare=" + fixtures.signIn(mvc, partner).sessionCookie();

        assertThatThrownBy(() -> http.send(pageDownload(sent, cookie), HttpResponse.BodyHandlers.ofByteArray()))
                .as("the client sees a broken transfer, not a complete file, and at once: not a connection left hanging")
                .isInstanceOf(IOException.class).isNotInstanceOf(HttpTimeoutException.class);
        assertDamageHandled(sent, "later-segment");
        HttpResponse<String> again = http.send(pageDownload(sent, cookie), HttpResponse.BodyHandlers.ofString());
        assertThat(again.statusCode()).isEqualTo(410);
        assertThat(again.body()).contains("This file is damaged");
    }

    @Test
    void anUndamagedFileStillDownloadsWhole() throws Exception {
        Sent sent = sendPackage(2 * 1024 * 1024);
        HttpResponse<byte[]> whole = http.send(download(sent).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(whole.statusCode()).isEqualTo(200);
        assertThat(whole.body()).isEqualTo(sent.content);
        assertThat(downloads(sent)).isEqualTo(1);
        assertThat(damaged(sent)).isFalse();
        assertThat(receiptConfirmed(sent)).as("the first complete download is the receipt").isTrue();
        assertThat(packages.get(new Actor(practitioner.id(), practitioner.organisationId(), practitioner.displayName(),
                Set.of(Role.PRACTITIONER.name())), sent.packageId).files().get(0).damaged()).isFalse();
    }

    // ---- checks ----------------------------------------------------------------------------------

    void assertProblem(HttpResponse<String> response) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(410);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        JsonNode problem = json.readTree(response.body());
        assertThat(problem.get("type").asString()).isEqualTo(DAMAGED_TYPE);
        assertThat(problem.get("detail").asString()).contains("damaged");
    }

    void assertDamageHandled(Sent sent, String where) {
        assertThat(downloads(sent)).as("the failed attempt is not counted").isZero();
        assertThat(jdbc.sql("select count(*) from hub_download where file_id = ?").param(sent.fileId).query(Integer.class).single()).isZero();
        assertThat(damaged(sent)).as("marked damaged").isTrue();
        assertThat(receiptConfirmed(sent)).as("a download cut short confirms no receipt").isFalse();
        assertThat(audit.latestWithAction("hub.package.receipt-confirmed", 200)).noneSatisfy(e ->
                assertThat(e.target()).isEqualTo("hub-package:" + sent.packageId));
        assertThat(audit.latestWithAction("hub.file.integrity-failed", 200)).anySatisfy(e -> {
            assertThat(e.target()).isEqualTo("hub-package:" + sent.packageId);
            assertThat(e.details()).contains(sent.fileId.toString(), where).doesNotContain(sent.fileName);
        });
        assertThat(packages.get(new Actor(practitioner.id(), practitioner.organisationId(), practitioner.displayName(),
                Set.of(Role.PRACTITIONER.name())), sent.packageId).files()).singleElement()
                .satisfies(f -> assertThat(f.damaged()).as("the sender sees which file").isTrue());
        List<Outbox.OutboxMessage> mails = damageMails(sent);
        assertThat(mails).hasSize(1);
        assertThat(mails.get(0).body()).contains("/hub/packages/" + sent.packageId)
                .doesNotContain(sent.fileName, partner.email(), partner.displayName(), Fixtures.HUB_PURPOSE);
    }

    List<Outbox.OutboxMessage> damageMails(Sent sent) {
        return outbox.list().stream().filter(m -> m.to().equals(practitioner.email()))
                .filter(m -> m.body().contains("damaged") && m.body().contains(sent.packageId.toString())).toList();
    }

    int downloads(Sent sent) {
        return jdbc.sql("select downloads from hub_file where id = ?").param(sent.fileId).query(Integer.class).single();
    }

    boolean receiptConfirmed(Sent sent) {
        return jdbc.sql("select count(*) from hub_package where id = ? and first_downloaded_at is not null").param(sent.packageId)
                .query(Integer.class).single() == 1;
    }

    boolean damaged(Sent sent) {
        return jdbc.sql("select count(*) from hub_file where id = ? and damaged_at is not null").param(sent.fileId).query(Integer.class).single() == 1;
    }

    // ---- setting up ------------------------------------------------------------------------------

    record Sent(UUID packageId, UUID fileId, String fileName, byte[] content) {
    }

    Sent sendPackage(int size) throws Exception {
        HttpResponse<String> created = api("POST", "/api/v1/packages", practitionerToken, """
                {"sharingRecordId":"%s","recipients":["%s"],"furtherHandling":"Do not forward","expiresInDays":7,"downloadLimit":3}"""
                .formatted(fixtures.hubShare(practitioner, schoolEntry, partner.email()), partner.email()));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        UUID packageId = UUID.fromString(json.readTree(created.body()).get("id").asString());
        byte[] content = new byte[size];
        new SecureRandom().nextBytes(content);
        String name = "Pupil-" + UUID.randomUUID() + ".pdf";
        HttpResponse<String> uploaded = http.send(request("/api/v1/packages/" + packageId + "/files?name="
                + URLEncoder.encode(name, StandardCharsets.UTF_8), practitionerToken)
                .PUT(HttpRequest.BodyPublishers.ofByteArray(content)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(201);
        UUID fileId = UUID.fromString(json.readTree(uploaded.body()).get("id").asString());
        assertThat(api("POST", "/api/v1/packages/" + packageId + "/send", practitionerToken, "{}").statusCode()).isEqualTo(200);
        assertThat(api("POST", "/api/v1/packages/" + packageId + "/acknowledge", partnerToken, "").statusCode()).isEqualTo(204);
        return new Sent(packageId, fileId, name, content);
    }

    /** Flips one bit of the stored (encrypted) blob, as a failing disk or an attacker with storage access might. */
    void flip(Sent sent, int offset) throws IOException {
        String key = "hub/" + sent.packageId + "/" + sent.fileId;
        byte[] stored;
        try (InputStream in = blobs.get(key)) {
            stored = in.readAllBytes();
        }
        stored[offset] ^= 0x01;
        blobs.put(key, new ByteArrayInputStream(stored));
    }

    HttpRequest.Builder request(String path, String token) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + token);
    }

    HttpRequest.Builder download(Sent sent) {
        return request("/api/v1/packages/" + sent.packageId + "/files/" + sent.fileId, partnerToken);
    }

    HttpResponse<String> api(String method, String path, String token, String body) throws Exception {
        return http.send(request(path, token).header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The page's download form, posted as a browser would: the session cookie and the form's CSRF token. */
    HttpRequest pageDownload(Sent sent, String cookie) throws Exception {
        String page = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/hub/packages/" + sent.packageId))
                .header("Cookie", cookie).GET().build(), HttpResponse.BodyHandlers.ofString()).body();
        Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page);
        assertThat(csrf.find()).as(page).isTrue();
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/hub/packages/" + sent.packageId + "/files/" + sent.fileId + "/download"))
                .timeout(Duration.ofSeconds(60)).header("Cookie", cookie).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("_csrf=" + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8))).build();
    }

    // ---- a raw HTTP/1.1 client, to see exactly where the response ends ---------------------------

    record RawResponse(int status, String headers, byte[] body) {

        long contentLength() {
            Matcher m = Pattern.compile("(?im)^content-length:\\s*(\\d+)").matcher(headers);
            return m.find() ? Long.parseLong(m.group(1)) : -1;
        }
    }

    /**
     * Reads until the server closes the connection. A connection kept open after a short body (as
     * Tomcat does without {@code Connection: close}) fails the test by the socket timeout rather than hanging it.
     */
    RawResponse rawGet(String path, String token) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(60_000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nAuthorization: Bearer " + token
                    + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            socket.getInputStream().transferTo(all);
            byte[] bytes = all.toByteArray();
            int end = indexOf(bytes, "\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            assertThat(end).as("a status line and headers").isPositive();
            String headers = new String(bytes, 0, end, StandardCharsets.ISO_8859_1);
            assertThat(headers.toLowerCase(Locale.ROOT)).as("declared length, not chunked").doesNotContain("transfer-encoding");
            int status = Integer.parseInt(headers.substring(9, 12));
            return new RawResponse(status, headers, java.util.Arrays.copyOfRange(bytes, end + 4, bytes.length));
        }
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
