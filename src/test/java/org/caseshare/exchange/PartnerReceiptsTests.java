package org.caseshare.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.locks.LockSupport;

import org.caseshare.audit.AuditCheckpoints;
import org.caseshare.audit.AuditEvent;
import org.caseshare.audit.AuditTrail;
import org.caseshare.cli.CaseshareCommandLine;
import org.caseshare.directory.Directory;
import org.caseshare.directory.DirectoryEntry;
import org.caseshare.directory.Organisation;
import org.caseshare.exchange.Rfc9162ReceiptVerifier.Checkpoint;
import org.caseshare.exchange.Rfc9162ReceiptVerifier.VerificationFailed;
import org.caseshare.exchange.Rfc9162ReceiptVerifier.VerifierKey;
import org.caseshare.identity.Account;
import org.caseshare.identity.Role;
import org.caseshare.support.Fixtures;
import org.caseshare.support.IntegrationTest;
import org.caseshare.support.Visitor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A partner acknowledges and downloads a package, takes the receipts of both, and checks them the
 * way a third party would: with {@link Rfc9162ReceiptVerifier} (written from the RFC and C2SP
 * specifications, sharing no code with the audit module), the public key from the well-known URL,
 * and the offline {@code verify-receipt} command. Tampered receipts fail both; other people's
 * receipts are "not found".
 */
abstract class PartnerReceiptsTests extends IntegrationTest {

    @LocalServerPort
    int port;
    @Autowired
    Fixtures fixtures;
    @Autowired
    Directory directory;
    @Autowired
    AuditTrail audit;
    @Autowired
    AuditCheckpoints checkpoints;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    MockMvc mvc;
    @Autowired
    ConfigurableApplicationContext context;

    @TempDir
    Path dir;

    final JsonMapper json = JsonMapper.builder().build();

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

    @Test
    void aPartnersReceiptsVerifyWithAnIndependentVerifierAndTheCommand() throws Exception {
        String packageId = acknowledgedAndDownloadedPackage();

        // step: the partner lists their receipts for the package and fetches both
        JsonNode links = json.readTree(get("/api/v1/packages/" + packageId + "/receipts", partnerToken).body());
        assertThat(links.values()).extracting(l -> l.get("action").asString())
                .containsExactly("hub.package.acknowledged", "hub.file.downloaded");
        JsonNode acknowledged = receipt(links.get(0).get("receipt").asString());
        JsonNode downloaded = receipt(links.get(1).get("receipt").asString());

        // step: the key comes from the well-known URL, with no sign-in
        HttpResponse<String> keys = get("/.well-known/caseshare-audit-keys", null);
        assertThat(keys.statusCode()).isEqualTo(200);
        String keyLine = keys.body().lines().findFirst().orElseThrow();
        VerifierKey key = VerifierKey.parse(keyLine);

        // step: an independent verifier accepts both, and the leaf bytes name the entry's place
        for (JsonNode receipt : List.of(acknowledged, downloaded)) {
            verifyIndependently(receipt, key);
            assertThat(Rfc9162ReceiptVerifier.seqInLeaf(Base64.getDecoder().decode(receipt.get("leafData").asString())))
                    .isEqualTo(receipt.get("seq").asLong());
            assertThat(new String(Base64.getDecoder().decode(receipt.get("leafData").asString()), StandardCharsets.UTF_8))
                    .contains(receipt.get("action").asString()).contains("hub-package:" + packageId)
                    .doesNotContain(partner.displayName()).doesNotContain(partner.email());
        }

        // step: tampered receipts fail: a proof hash changed, another leaf's bytes, a forged checkpoint
        ObjectNode badProof = (ObjectNode) acknowledged.deepCopy();
        if (!badProof.get("inclusionProof").isEmpty()) {
            badProof.withArray("inclusionProof").set(0, flipFirstByte(badProof.get("inclusionProof").get(0).asString()));
            assertThatThrownBy(() -> verifyIndependently(badProof, key)).isInstanceOf(VerificationFailed.class);
        }
        ObjectNode otherLeaf = (ObjectNode) acknowledged.deepCopy();
        otherLeaf.put("leafData", downloaded.get("leafData").asString());
        assertThatThrownBy(() -> verifyIndependently(otherLeaf, key)).isInstanceOf(VerificationFailed.class);
        ObjectNode forged = (ObjectNode) acknowledged.deepCopy();
        forged.put("checkpoint", forged.get("checkpoint").asString().replaceFirst("\n" + forged.get("treeSize").asLong() + "\n",
                "\n" + (forged.get("treeSize").asLong() + 1) + "\n"));
        assertThatThrownBy(() -> verifyIndependently(forged, key)).isInstanceOf(VerificationFailed.class);

        // step: the offline command verifies the saved file, with the key given inline or as the published list
        Path saved = dir.resolve("receipt.json");
        Files.writeString(saved, json.writeValueAsString(acknowledged));
        Path keysFile = dir.resolve("keys.txt");
        Files.writeString(keysFile, keys.body());
        assertThat(offline("verify-receipt", saved.toString(), "--key", keyLine)).startsWith("0\n").contains("VERIFIED: entry");
        assertThat(offline("verify-receipt", saved.toString(), "--key", keysFile.toString())).startsWith("0\n");
        assertThat(inContext("verify-receipt", saved.toString(), "--key", keyLine)).startsWith("0\n");
        for (ObjectNode tampered : List.of(otherLeaf, forged)) {
            Path bad = dir.resolve("tampered.json");
            Files.writeString(bad, json.writeValueAsString(tampered));
            assertThat(offline("verify-receipt", bad.toString(), "--key", keyLine)).startsWith("1\n").contains("NOT VERIFIED");
        }

        // step: after 10,000 more entries, the log proves it has only grown since the receipt's checkpoint
        UUID last = appendEntries(10_000);
        audit.sequenceOf(last, Duration.ofMinutes(5));
        checkpoints.checkpointNow();
        long held = acknowledged.get("treeSize").asLong();
        HttpResponse<String> consistencyResponse = get("/api/v1/audit/receipts/consistency?from=" + held, partnerToken);
        assertThat(consistencyResponse.statusCode()).as(consistencyResponse.body()).isEqualTo(200);
        JsonNode consistency = json.readTree(consistencyResponse.body());
        Checkpoint older = Rfc9162ReceiptVerifier.openCheckpoint(acknowledged.get("checkpoint").asString(), key);
        Checkpoint newer = Rfc9162ReceiptVerifier.openCheckpoint(consistency.get("toCheckpoint").asString(), key);
        assertThat(newer.size()).isGreaterThanOrEqualTo(held + 10_000);
        List<byte[]> path = Rfc9162ReceiptVerifier.decodeAll(stringsOf(consistency.get("proof")));
        Rfc9162ReceiptVerifier.verifyConsistency(older.size(), newer.size(), older.root(), newer.root(), path);
        // a truncated proof, or an older tree that was rewritten (another root), does not verify
        assertThatThrownBy(() -> Rfc9162ReceiptVerifier.verifyConsistency(older.size(), newer.size(), older.root(), newer.root(),
                path.subList(0, path.size() - 1))).isInstanceOf(VerificationFailed.class);
        byte[] rewritten = older.root().clone();
        rewritten[0] ^= 1;
        assertThatThrownBy(() -> Rfc9162ReceiptVerifier.verifyConsistency(older.size(), newer.size(), rewritten, newer.root(), path))
                .isInstanceOf(VerificationFailed.class);
        // a log shorter than the receipt's checkpoint cannot be proved consistent with it: a problem, not a proof
        HttpResponse<String> beyond = get("/api/v1/audit/receipts/consistency?from=" + (newer.size() + 1), partnerToken);
        assertThat(beyond.statusCode()).isBetween(400, 499);
        assertThat(beyond.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        // and the old receipt still verifies against its own checkpoint
        verifyIndependently(acknowledged, key);
    }

    @Test
    void theReceiptPageCanBeSavedAndOthersCannotSeeIt() throws Exception {
        String packageId = acknowledgedAndDownloadedPackage();
        JsonNode links = json.readTree(get("/api/v1/packages/" + packageId + "/receipts", partnerToken).body());
        String entryId = links.get(0).get("entryId").asString();
        // The page offers the receipt only once the entry has its place in the tree; until then it
        // says the receipt is pending. Usually the sign-in below takes longer than that, not always.
        audit.sequenceOf(UUID.fromString(entryId), Duration.ofMinutes(1));
        // And once a checkpoint covers it: the page signs one itself at most once a second, and in
        // this shared context another test may have just had one signed that ends before the entry.
        checkpoints.checkpointNow();

        // step: the package page links the partner's receipts; the receipt page offers its JSON
        Visitor browser = fixtures.signIn(mvc, partner);
        String packagePage = browser.get("/hub/packages/" + packageId).andReturn().getResponse().getContentAsString();
        assertThat(packagePage).contains("Your receipts").contains("/audit-receipts/" + entryId);
        String page = browser.get("/audit-receipts/" + entryId).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Download receipt (JSON)").contains("/audit-receipts/" + entryId + "/receipt.json")
                .contains("/.well-known/caseshare-audit-keys");
        var saved = browser.get("/audit-receipts/" + entryId + "/receipt.json").andReturn().getResponse();
        assertThat(saved.getHeader("Content-Disposition")).startsWith("attachment;");
        VerifierKey key = VerifierKey.parse(get("/.well-known/caseshare-audit-keys", null).body().lines().findFirst().orElseThrow());
        verifyIndependently(json.readTree(saved.getContentAsString()), key);

        // step: nobody else has it: the sender's staff, their data protection officer, a colleague, another organisation
        Account senderOfficer = fixtures.person(council, Role.DATA_PROTECTION_OFFICER);
        Account colleague = fixtures.person(school, Role.PARTNER);
        Account stranger = fixtures.person(fixtures.organisation("Trust"), Role.DATA_PROTECTION_OFFICER);
        for (Account other : List.of(practitioner, senderOfficer, colleague, stranger)) {
            assertThat(get("/api/v1/audit/receipts/" + entryId, fixtures.token(other)).statusCode()).as(other.email()).isEqualTo(404);
        }
        assertThat(fixtures.signIn(mvc, colleague).get("/audit-receipts/" + entryId).andReturn().getResponse().getStatus()).isEqualTo(404);
        assertThat(get("/api/v1/packages/" + packageId + "/receipts", fixtures.token(stranger)).statusCode()).isEqualTo(404);
        // the school's own data protection officer oversees their organisation's entries
        Account schoolOfficer = fixtures.person(school, Role.DATA_PROTECTION_OFFICER);
        assertThat(get("/api/v1/audit/receipts/" + entryId, fixtures.token(schoolOfficer)).statusCode()).isEqualTo(200);
        // an unknown entry is the same "not found"
        assertThat(get("/api/v1/audit/receipts/" + UUID.randomUUID(), partnerToken).statusCode()).isEqualTo(404);
    }

    private String acknowledgedAndDownloadedPackage() throws Exception {
        HubHttp.Sent sent = hub().sendPackage(practitionerToken, fixtures.hubShare(practitioner, schoolEntry, partner.email()));
        assertThat(send("POST", "/api/v1/packages/" + sent.id() + "/acknowledge", partnerToken, "").statusCode()).isEqualTo(204);
        HttpResponse<byte[]> file = hub().download(sent, partnerToken);
        assertThat(file.statusCode()).isEqualTo(200);
        assertThat(file.body()).isEqualTo(sent.content());
        return sent.id();
    }

    /** Fetches a receipt, asking again while the entry waits for its place (202 with Retry-After), as a client would. */
    private JsonNode receipt(String path) throws Exception {
        for (int attempt = 0; attempt < 100; attempt++) {
            HttpResponse<String> response = get(path, partnerToken);
            if (response.statusCode() == 200) {
                JsonNode receipt = json.readTree(response.body());
                assertThat(receipt.get("format").asString()).isEqualTo("caseshare-receipt/1");
                return receipt;
            }
            assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
            assertThat(response.headers().firstValue("Retry-After")).isPresent();
            LockSupport.parkNanos(Duration.ofMillis(100).toNanos());
        }
        throw new AssertionError("no receipt after 100 attempts: " + path);
    }

    /** The README's algorithm, step by step, with the independent verifier. */
    static void verifyIndependently(JsonNode receipt, VerifierKey key) {
        Checkpoint checkpoint = Rfc9162ReceiptVerifier.openCheckpoint(receipt.get("checkpoint").asString(), key);
        if (checkpoint.size() != receipt.get("treeSize").asLong()) {
            throw new VerificationFailed("the checkpoint is for another tree size");
        }
        byte[] leafHash = Rfc9162ReceiptVerifier.leafHash(Base64.getDecoder().decode(receipt.get("leafData").asString()));
        if (!Arrays.equals(leafHash, Base64.getDecoder().decode(receipt.get("leafHash").asString()))) {
            throw new VerificationFailed("leaf hash does not match the leaf bytes");
        }
        Rfc9162ReceiptVerifier.verifyInclusion(leafHash, receipt.get("leafIndex").asLong(), checkpoint.size(),
                Rfc9162ReceiptVerifier.decodeAll(stringsOf(receipt.get("inclusionProof"))), checkpoint.root());
    }

    /** Returns the last entry's id, to wait for its place (a bound, not a timed assertion). */
    private UUID appendEntries(int count) {
        int batch = 1_000;
        UUID last = null;
        for (int done = 0; done < count; done += batch) {
            int from = done;
            last = transactions.execute(status -> {
                UUID id = null;
                for (int i = from; i < from + batch; i++) {
                    id = audit.record(AuditEvent.success("test.filler", "test", council.id(), "filler:" + i));
                }
                return id;
            });
        }
        return last;
    }

    private static List<String> stringsOf(JsonNode array) {
        List<String> all = new ArrayList<>();
        array.values().forEach(v -> all.add(v.asString()));
        return all;
    }

    private static String flipFirstByte(String base64) {
        byte[] bytes = Base64.getDecoder().decode(base64);
        bytes[0] ^= 1;
        return Base64.getEncoder().encodeToString(bytes);
    }

    /** Exit status, a newline, then what the command printed. */
    private static String offline(String... args) {
        StringWriter out = new StringWriter();
        int status = CaseshareCommandLine.offline(new PrintWriter(out, true), new PrintWriter(out, true), args);
        return status + "\n" + out;
    }

    private String inContext(String... args) {
        StringWriter out = new StringWriter();
        int status = CaseshareCommandLine.execute(context, new PrintWriter(out, true), new PrintWriter(out, true), args);
        return status + "\n" + out;
    }

    private HubHttp hub() {
        return new HubHttp(port);
    }

    private HttpResponse<String> get(String path, String token) throws Exception {
        return hub().get(path, token);
    }

    private HttpResponse<String> send(String method, String path, String token, String body) throws Exception {
        return hub().send(method, path, token, body);
    }
}
