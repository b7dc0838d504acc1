package org.caseshare.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import org.caseshare.support.Browser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.Cookie;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * What ships is what is tested: {@code target/caseshare.jar}, started as its own process in a scratch
 * folder with the demo data as README says, walked by a real Chromium as each kind of person. Every
 * resource must be in the jar, and no page that a person can reach may answer 5xx — including a hub
 * package page, for its sender and for the partner it is addressed to (once missing from the jar
 * while every test passed from target/classes).
 */
class PackagedJarSmokeIntegrationTests {

    private static final String PASSWORD = "demo-caseshare-2026";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    static Path home;
    static PackagedJar jar;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @BeforeAll
    static void startTheJarWithTheDemoData() throws Exception {
        assertThat(PackagedJar.JAR).as("the build packages target/caseshare.jar before the integration tests").exists();
        jar = PackagedJar.start(home, "DEMO data created", "--spring.profiles.active=demo");
    }

    @AfterAll
    static void stop() throws Exception {
        if (jar != null) {
            jar.close();
        }
    }

    @Test
    void everyResourceIsInTheJar() throws Exception {
        Path resources = Path.of("src/main/resources");
        Set<String> expected;
        try (Stream<Path> files = Files.walk(resources)) {
            expected = files.filter(Files::isRegularFile)
                    .map(f -> resources.relativize(f).toString().replace('\\', '/'))
                    // Boot's repackaging keeps META-INF at the jar's root, where its launcher reads it.
                    .map(name -> name.startsWith("META-INF/") ? name : "BOOT-INF/classes/" + name)
                    .collect(Collectors.toCollection(TreeSet::new));
        }
        Set<String> shipped;
        try (ZipFile zip = new ZipFile(PackagedJar.JAR.toFile())) {
            shipped = zip.stream().map(ZipEntry::getName).collect(Collectors.toSet());
        }
        assertThat(expected).as("resources").contains("BOOT-INF/classes/templates/hub/package.html");
        assertThat(shipped).as("target/caseshare.jar").containsAll(expected);
    }

    @Test
    void everyKindOfPersonReachesEveryPageOfEveryModuleWithoutAServerError() throws Exception {
        try (Browser browser = Browser.open(jar.baseUrl())) {
            // The organisation admin (also the system admin) puts the school in the council's directory.
            browser.signInFirstTime("admin@council.demo.caseshare.org", PASSWORD);
            String adminToken = createToken(browser);
            Map<String, Integer> asAdmin = crawl(browser, "/", "/organisation/members", "/organisation/directory", "/system/outbox",
                    "/audit", "/audit/verify", "/account");
            String schoolEntry = api("POST", "/api/v1/directory", adminToken, "{\"name\":\"Demo Primary School\",\"kind\":\"SCHOOL\"}")
                    .get("id").asString();
            signOut(browser);

            // The practitioner records a share by the secure hub and sends a package under it.
            browser.signInFirstTime("practitioner@council.demo.caseshare.org", PASSWORD);
            String practitionerToken = createToken(browser);
            String recordId = hubShare(practitionerToken, schoolEntry);
            String packageId = sendPackage(practitionerToken, recordId);
            String packagePage = "/hub/packages/" + packageId;
            assertPage(browser, packagePage, "Demo Primary School");
            browser.screenshot("jar-hub-package-sender");
            Map<String, Integer> asPractitioner = crawl(browser, "/", "/decide", "/sharing", "/sharing/new", "/sharing/" + recordId,
                    "/directory", "/hub", packagePage, "/hub/requests", "/custody", "/custody/devices", "/incidents", "/policy",
                    "/account", "/accessibility");
            signOut(browser);

            // The school's partner opens the package addressed to them.
            browser.signInFirstTime("partner@school.demo.caseshare.org", PASSWORD);
            assertPage(browser, packagePage, "Transition planning");
            browser.screenshot("jar-hub-package-partner");
            Map<String, Integer> asPartner = crawl(browser, "/", "/hub", packagePage, "/hub/requests", "/decide", "/account");
            signOut(browser);

            // The data protection officer and the manager oversee.
            browser.signInFirstTime("dpo@council.demo.caseshare.org", PASSWORD);
            Map<String, Integer> asDpo = crawl(browser, "/", "/audit", "/audit/verify", "/policy", "/policy/edit", "/incidents",
                    "/sharing/authorisations", "/sharing/overdue", "/sharing/subjects", "/custody/overdue");
            signOut(browser);

            System.out.printf("Walked the jar: %d paths as the admin, %d as the practitioner, %d as the partner, %d as the DPO%n",
                    asAdmin.size(), asPractitioner.size(), asPartner.size(), asDpo.size());
            for (Map<String, Integer> seen : List.of(asAdmin, asPractitioner, asPartner, asDpo)) {
                assertThat(seen.entrySet()).as("pages answering 5xx from the jar").noneMatch(e -> e.getValue() >= 500);
            }
            assertThat(asPractitioner).containsEntry(packagePage, 200).containsEntry("/sharing/" + recordId, 200)
                    .containsEntry("/decide", 200).containsEntry("/custody", 200).containsEntry("/incidents", 200)
                    .containsEntry("/directory", 200).containsEntry("/css/caseshare.css", 200);
            assertThat(asPartner).containsEntry(packagePage, 200);
            assertThat(asAdmin).containsEntry("/organisation/members", 200).containsEntry("/system/outbox", 200).containsEntry("/audit", 200);
            assertThat(asDpo).containsEntry("/audit/verify", 200).containsEntry("/policy", 200);
        }
        assertThat(jar.log()).as("the jar's log").doesNotContain("TemplateInputException").doesNotContain(" ERROR ");
    }

    private String createToken(Browser browser) {
        browser.go("/account").type("name", "jar smoke test").click("create-token");
        return browser.text("new-token");
    }

    private static void signOut(Browser browser) {
        browser.go("/").click("sign-out");
    }

    /** Opens a page in the browser as a person would and checks it is the page, not an error page. */
    private static void assertPage(Browser browser, String path, String expected) {
        browser.go(path);
        assertThat(browser.page()).as(path).doesNotContain("Sorry, there is a problem with the service").contains(expected);
    }

    private Map<String, Integer> crawl(Browser browser, String... starts) throws Exception {
        Cookie session = browser.driver().manage().getCookieNamed("__Host-caseshare");
        assertThat(session).as("the session cookie after sign-in").isNotNull();
        return new SiteCrawl(jar.baseUrl(), session.getName() + "=" + session.getValue()).from(List.of(starts));
    }

    /** A routine share by the secure hub to the school's partner, its checklist done. */
    private String hubShare(String token, String schoolEntry) throws Exception {
        ObjectNode body = JSON.createObjectNode();
        body.put("direction", "WE_SHARE");
        ObjectNode person = body.putArray("subjects").addObject();
        person.put("name", "Robin Pupil");
        person.put("dateOfBirth", "2014-04-03");
        person.put("reference", "C-7001");
        body.put("information", "Transition plan and attendance");
        body.putArray("categories").add("PERSONAL");
        body.put("marking", "OFFICIAL");
        body.put("urgency", "ROUTINE");
        body.put("purpose", "Transition planning for the move to secondary school");
        body.put("necessity", "The school cannot plan the transition without it");
        body.put("lawfulBasis", "PUBLIC_TASK");
        body.put("consentSought", false);
        body.put("consentNotSought", "WOULD_CAUSE_DELAY");
        body.put("decision", "SHARE");
        body.put("decisionReasons", "Necessary and proportionate for the transition");
        body.put("channel", "SECURE_HUB");
        body.put("recipientEntry", schoolEntry);
        body.put("recipientName", "Parker Partner");
        body.put("recipientJobTitle", "Head of year");
        body.put("recipientDepartment", "Year 6");
        body.put("recipientEmail", "partner@school.demo.caseshare.org");
        body.put("personInformed", "YES");
        JsonNode record = api("POST", "/api/v1/sharing-records", token, body.toString());
        assertThat(record.get("status").asString()).as(record.toString()).isEqualTo("READY");
        String id = record.get("id").asString();
        int version = record.get("version").asInt();
        for (JsonNode safeguard : record.at("/policy/safeguards")) {
            version = send("POST", "/api/v1/sharing-records/" + id + "/safeguards/" + safeguard.get("id").asString() + "/confirm",
                    token, "", "\"" + version + "\"").get("version").asInt();
        }
        return id;
    }

    private String sendPackage(String token, String recordId) throws Exception {
        String id = api("POST", "/api/v1/packages", token, """
                {"sharingRecordId":"%s","furtherHandling":"Keep it on the school's secure drive","expiresInDays":7,"downloadLimit":2}"""
                .formatted(recordId)).get("id").asString();
        HttpResponse<String> uploaded = http.send(HttpRequest.newBuilder(URI.create(jar.baseUrl() + "/api/v1/packages/" + id
                + "/files?name=transition-plan.txt")).header("Authorization", "Bearer " + token)
                .PUT(HttpRequest.BodyPublishers.ofString("Transition plan")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(201);
        api("POST", "/api/v1/packages/" + id + "/send", token, "{}");
        return id;
    }

    private JsonNode api(String method, String path, String token, String body) throws Exception {
        return send(method, path, token, body, null);
    }

    private JsonNode send(String method, String path, String token, String body, String ifMatch) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(jar.baseUrl() + path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(body));
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(method + " " + path + ": " + response.body()).isBetween(200, 299);
        return JSON.readTree(response.body());
    }
}
