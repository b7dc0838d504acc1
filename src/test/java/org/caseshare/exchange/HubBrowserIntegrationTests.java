package org.caseshare.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import org.caseshare.directory.Directory;
import org.caseshare.directory.DirectoryEntry;
import org.caseshare.directory.Organisation;
import org.caseshare.directory.OrganisationKind;
import org.caseshare.identity.Account;
import org.caseshare.identity.Role;
import org.caseshare.support.Browser;
import org.caseshare.support.Fixtures;
import org.caseshare.support.IntegrationTest;
import org.caseshare.support.SettledOutbox;
import org.caseshare.support.TestClock;
import org.caseshare.support.Totp;
import org.caseshare.support.Visitor;
import org.caseshare.system.Actor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chromium.HasCdp;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The secure hub in two real headless Chromiums (the practitioner's and the partner's), with email
 * through a real SMTP server (GreenMail): a practitioner records a share by the secure hub, chooses it
 * on "Send a new package", sends a password-protected package under it to a teacher with no login → the teacher accepts the
 * emailed invitation, sets a password, enrols an authenticator, reads who sent it, the purpose, the
 * limits of consent and the handling conditions, acknowledges them, types the package password and
 * downloads the file (the bytes on disk are compared) → the practitioner sees receipt confirmed on
 * the package and on the record. And a request for files: from a "request made" record the
 * practitioner asks a teacher with no login → the teacher accepts the invitation, enrols, reads who
 * asks, for what, why and by when, uploads a file (streamed by hub-upload.js as a PUT) and sends it →
 * the practitioner downloads it (bytes compared) and finds receipt confirmed on the record.
 * Screenshots go to target/screenshots.
 */
class HubBrowserIntegrationTests extends IntegrationTest {

    static final GreenMail smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());

    static {
        smtp.start();
    }

    @AfterAll
    static void stopSmtp() {
        smtp.stop();
    }

    @DynamicPropertySource
    static void mail(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> smtp.getSmtp().getPort());
    }

    @LocalServerPort
    int port;
    @Autowired
    Fixtures fixtures;
    @Autowired
    Directory directory;
    @Autowired
    MockMvc mvc;
    @Autowired
    FileRequests requests;
    @Autowired
    FileRequestReminders reminders;
    @Autowired
    TestClock clock;
    @Autowired
    JdbcClient jdbc;

    Organisation council;
    Organisation school;
    DirectoryEntry schoolEntry;
    Account practitioner;
    String teacher;

    /** A council practitioner, and a school in the council's directory whose teacher has no login yet. */
    @BeforeEach
    void people() {
        council = fixtures.organisation("Council");
        school = fixtures.organisation("Oakfield Primary");
        Account admin = fixtures.person(council, Role.ORGANISATION_ADMIN);
        schoolEntry = directory.addEntry(new Actor(admin.id(), council.id(), admin.displayName(),
                Set.of(Actor.ORGANISATION_ADMIN)), school.name(), OrganisationKind.SCHOOL);
        practitioner = fixtures.person(council, Role.PRACTITIONER);
        teacher = Fixtures.unique("jo.teacher") + "@oakfield.example.org";
    }

    @Test
    void aPractitionerSendsFromARecordAndANewPartnerUserAcknowledgesAndDownloads() throws Exception {
        Path upload = Files.createTempFile("transition-plan", ".txt");
        // 1.5 MB: above the 1 MB multipart limit, so only the streaming PUT of hub-upload.js can add it
        byte[] content = "Transition plan for the move to secondary school\n".repeat(30_000).getBytes(StandardCharsets.UTF_8);
        Files.write(upload, content);
        Path downloads = Files.createTempDirectory("hub-downloads");

        try (Browser sender = Browser.open("http://localhost:" + port); Browser partner = Browser.open("http://localhost:" + port)) {
            // Step 1: the practitioner records a share by the secure hub and completes its checklist without sharing yet.
            // "Send a new package" with no share recorded yet sends the practitioner to record one.
            sender.signInFirstTime(practitioner.email(), Fixtures.PASSWORD).go("/hub").click("new-package");
            assertThat(sender.text("no-records")).contains("no share by the secure hub that can be sent now");
            sender.screenshot("hub-00-no-record");
            sender.click("record-share");
            assertThat(sender.path()).isEqualTo("/sharing/new");
            sender.type("subjectName", "Robin Pupil").type("subjectDateOfBirth-0", "3/4/2014").type("subjectReference-0", "C-7001")
                    .type("information", "Transition plan and attendance").select("marking", "OFFICIAL_SENSITIVE:PERSONAL")
                    .click("lawfulBasis").type("purpose", "Plan the move to secondary school")
                    .type("necessity", "The school cannot plan support without it");
            scrollClick(sender, "channel-SECURE_HUB");
            scrollClick(sender, "consentSought");
            sender.clickText("Consent given, its limits, or another reason");
            sender.type("consentGivenBy", "Parent").type("consentLimits", "Only the head of year and the SENCo may see it")
                    .type("decisionReasons", "Necessary and proportionate for the transition")
                    .select("recipientEntry", schoolEntry.id().toString()).type("recipientName", "Jo Teacher")
                    .type("recipientJobTitle", "Head of year").type("recipientDepartment", "Year 6")
                    .type("recipientTelephone", "0118 974 1000").type("recipientEmail", teacher);
            scrollClick(sender, "personInformed");
            sender.click("save");
            assertThat(sender.path()).as(sender.page()).endsWith("/checklist");
            for (WebElement box : sender.driver().findElements(By.name("safeguard"))) {
                if (!box.isSelected() && box.isEnabled()) {
                    ((JavascriptExecutor) sender.driver()).executeScript("arguments[0].scrollIntoView({block: 'center'})", box);
                    box.click();
                }
            }
            sender.click("save-checklist");
            assertThat(sender.text("status")).isEqualTo("Ready to share");
            sender.screenshot("hub-01-record");

            // Step 2: "Send a new package" on the hub asks which record it is for, offering the one just made; the
            // package carries the record's purpose and consent limits. ("Send by the secure hub" on the record goes straight there.)
            assertThat(sender.driver().findElements(By.id("send-by-hub"))).isNotEmpty();
            sender.go("/hub").click("new-package");
            assertThat(sender.text("record-choices")).contains("Robin Pupil (C-7001) to Jo Teacher, " + school.name(),
                    "Plan the move to secondary school", "by you");
            sender.click("choose-record");
            assertThat(sender.text("sharingRecordId-error")).contains("Choose the sharing record this package belongs to");
            sender.screenshots("hub-02a-choose-record", 2);
            scrollClick(sender, "sharingRecordId");
            sender.click("choose-record");
            assertThat(sender.text("record-terms")).contains("Plan the move to secondary school", "Only the head of year and the SENCo");
            sender.screenshots("hub-02-new-package", 2);
            sender.click("create-package");
            assertThat(sender.path()).startsWith("/hub/packages/");
            String packagePath = sender.path();
            sender.driver().findElement(By.id("file")).sendKeys(upload.toString());
            sender.click("add-file");
            assertThat(sender.page()).contains(upload.getFileName().toString());
            sender.screenshot("hub-03-draft");
            sender.click("send-package");
            String password = sender.text("package-password");
            assertThat(password).matches("[a-z]+(-[a-z]+){6}");
            assertThat(sender.page()).contains("Not yet downloaded");
            sender.screenshot("hub-04-sent");

            // Step 3: the teacher has two emails, neither with personal data: the invitation and the notice.
            MimeMessage invitation = waitForMail(teacher, "You have been invited to Caseshare");
            MimeMessage notice = waitForMail(teacher, "Private and Confidential");
            assertThat(GreenMailUtil.getBody(notice)).contains(packagePath).doesNotContain("Robin", "Plan the move", "Transition");
            String body = GreenMailUtil.getBody(invitation);
            String accept = body.substring(body.indexOf("/invitations/")).lines().findFirst().orElseThrow().strip();

            // Step 4: the teacher accepts, sets a password and enrols an authenticator.
            partner.go(accept).screenshot("hub-05-accept");
            becomeJoTeacher(partner, teacher);

            // Step 5: the package shows who sent it and the record's terms; nothing downloads before acknowledging.
            partner.go(packagePath);
            assertThat(partner.page()).contains("Test Practitioner", "Plan the move to secondary school",
                    "Consent was given by Parent. Limits: Only the head of year and the SENCo may see it",
                    "Marked OFFICIAL-SENSITIVE [PERSONAL]");
            assertThat(partner.driver().findElements(By.xpath("//button[normalize-space(text())='Download']"))).as("before acknowledging").isEmpty();
            partner.screenshots("hub-06-partner-package", 2);
            partner.click("acknowledge");
            assertThat(partner.page()).contains("Confirm that you have read");
            scrollClick(partner, "confirm");
            partner.click("acknowledge");
            partner.screenshot("hub-07-acknowledged");

            // Step 6: the package password, then the download lands in Chromium's download folder.
            ((HasCdp) partner.driver()).executeCdpCommand("Browser.setDownloadBehavior",
                    Map.of("behavior", "allow", "downloadPath", downloads.toString()));
            WebElement passwordField = partner.driver().findElement(By.cssSelector("input[name=password]"));
            passwordField.sendKeys(password);
            partner.driver().findElement(By.xpath("//button[normalize-space(text())='Download']")).click();
            Path downloaded = waitForDownload(downloads);
            assertThat(downloaded.getFileName().toString()).isEqualTo(upload.getFileName().toString());
            assertThat(Files.readAllBytes(downloaded)).isEqualTo(content);

            // Step 7: the practitioner sees receipt confirmed on the package and on the sharing record
            // (which the register confirms just after the download commits: ADR 0014).
            SettledOutbox.awaitDeliveries(jdbc);
            sender.go(packagePath);
            assertThat(sender.text("receipt")).startsWith("Confirmed");
            sender.screenshot("hub-08-receipt-confirmed");
            sender.click("record-link");
            assertThat(sender.text("status")).isEqualTo("Receipt confirmed");
            assertThat(sender.text("timeline")).contains("Shared", "Receipt confirmed", "Jo Teacher");
            sender.screenshots("hub-09-record-receipt", 2);
        } finally {
            Files.deleteIfExists(upload);
        }
    }

    @Test
    void aPractitionerAsksUnderARecordAndANewPartnerUserUploadsTheFiles() throws Exception {
        Visitor office = fixtures.signIn(mvc, practitioner);
        MockHttpServletResponse made = office.post("/sharing/new", HubFromRecordTests.share(schoolEntry, teacher, "direction", "REQUEST_MADE",
                "information", "Attendance and behaviour records for this term", "purpose", "Child protection conference on Friday"))
                .andReturn().getResponse();
        assertThat(made.getStatus()).as(made.getContentAsString()).isEqualTo(302);
        String recordPath = made.getRedirectedUrl().substring(0, "/sharing/".length() + 36);
        Path upload = Files.createTempFile("attendance", ".txt");
        byte[] content = "Attendance: 94% this term, two late marks\n".repeat(40_000).getBytes(StandardCharsets.UTF_8);
        Files.write(upload, content);
        Path downloads = Files.createTempDirectory("request-downloads");
        LocalDate due = LocalDate.now().plusDays(7);

        try (Browser sender = Browser.open("http://localhost:" + port); Browser partner = Browser.open("http://localhost:" + port)) {
            // Step 1: the record of the request made tells the practitioner what to do; its checklist is completed.
            fixtures.signIn(sender, mvc, practitioner);
            sender.go(recordPath);
            assertThat(sender.text("hub-request-hint")).contains("ask for the files through the secure hub");
            sender.screenshot("request-01-record");
            sender.click("go-checklist");
            for (WebElement box : sender.driver().findElements(By.name("safeguard"))) {
                if (!box.isSelected() && box.isEnabled()) {
                    ((JavascriptExecutor) sender.driver()).executeScript("arguments[0].scrollIntoView({block: 'center'})", box);
                    box.click();
                }
            }
            sender.click("save-checklist");
            assertThat(sender.path()).isEqualTo(recordPath);

            // Step 2: the request form starts from the record; only the date is the practitioner's to give.
            sender.click("request-by-hub");
            assertThat(sender.driver().findElement(By.id("recipient")).getDomProperty("value")).isEqualTo(teacher);
            assertThat(sender.driver().findElement(By.id("what")).getDomProperty("value")).isEqualTo("Attendance and behaviour records for this term");
            sender.type("dueOn", due.getDayOfMonth() + "/" + due.getMonthValue() + "/" + due.getYear());
            sender.screenshots("request-02-new", 2);
            sender.click("create-request");
            assertThat(sender.path()).as(sender.page()).matches("/hub/requests/[0-9a-f-]{36}");
            String requestPath = sender.path();
            assertThat(sender.text("notice")).startsWith("Request sent");
            assertThat(sender.text("request-status")).contains("Waiting for files");
            sender.screenshot("request-03-made");

            // Step 3: the teacher has two emails, neither with personal data: the invitation and the notice.
            MimeMessage invitation = waitForMail(teacher, "You have been invited to Caseshare");
            MimeMessage notice = waitForMail(teacher, "Private and Confidential");
            assertThat(GreenMailUtil.getBody(notice)).contains(requestPath).doesNotContain("Attendance", "Child protection", "Robin",
                    practitioner.displayName());
            String body = GreenMailUtil.getBody(invitation);
            String accept = body.substring(body.indexOf("/invitations/")).lines().findFirst().orElseThrow().strip();

            // Step 4: the teacher accepts, sets a password and enrols an authenticator.
            partner.go(accept);
            becomeJoTeacher(partner, teacher);

            // Step 5: the hub lists the request; its page says who asks, for what, why and by when.
            partner.go("/hub");
            assertThat(partner.text("requests-received")).contains(practitioner.displayName(), "Attendance and behaviour records for this term",
                    "Waiting for files");
            partner.screenshot("request-04-partner-hub");
            partner.go(requestPath);
            assertThat(partner.page()).contains(practitioner.displayName(), "Attendance and behaviour records for this term",
                    "Child protection conference on Friday", due.getDayOfMonth() + " ");
            partner.screenshot("request-05-partner-request");

            // Step 6: "Upload the files" opens a draft package back to the practitioner; the file is streamed as a PUT.
            partner.click("fulfil");
            assertThat(partner.path()).startsWith("/hub/packages/");
            String packagePath = partner.path();
            assertThat(partner.driver().findElement(By.id("request-link")).getDomAttribute("href")).isEqualTo(requestPath);
            ((JavascriptExecutor) partner.driver()).executeScript("""
                    const open = XMLHttpRequest.prototype.open;
                    XMLHttpRequest.prototype.open = function (method, url) {
                      sessionStorage.setItem('hub-upload', method + ' ' + url);
                      return open.apply(this, arguments);
                    };""");
            partner.driver().findElement(By.id("file")).sendKeys(upload.toString());
            partner.click("add-file");
            assertThat(partner.page()).contains(upload.getFileName().toString());
            assertThat((String) ((JavascriptExecutor) partner.driver()).executeScript("return sessionStorage.getItem('hub-upload')"))
                    .startsWith("PUT " + packagePath + "/files?name=");
            partner.screenshots("request-06-partner-draft", 2);
            scrollClick(partner, "password"); // no package password: the practitioner asked for these
            partner.click("send-package");
            assertThat(partner.page()).contains("Not yet downloaded");
            partner.go(requestPath);
            assertThat(partner.text("request-status")).contains("Files sent");
            partner.screenshot("request-07-partner-sent");

            // Step 7: the practitioner is told (no personal data), sees the request answered and downloads after acknowledging.
            // (two notices: the package's, and the request's answered)
            assertThat(waitForMailWith(practitioner.email(), requestPath)).doesNotContain("Attendance", "Jo Teacher");
            sender.go("/hub");
            assertThat(sender.text("requests-made")).contains("Files sent");
            sender.go(requestPath);
            assertThat(sender.text("request-status")).contains("Files sent");
            sender.screenshot("request-08-answered");
            sender.click("answer-link");
            assertThat(sender.page()).contains("Jo Teacher", "Files you asked for: Attendance and behaviour records for this term");
            sender.screenshots("request-09-acknowledge", 2);
            scrollClick(sender, "confirm");
            sender.click("acknowledge");
            ((HasCdp) sender.driver()).executeCdpCommand("Browser.setDownloadBehavior",
                    Map.of("behavior", "allow", "downloadPath", downloads.toString()));
            sender.driver().findElement(By.xpath("//button[normalize-space(text())='Download']")).click();
            Path downloaded = waitForDownload(downloads);
            assertThat(downloaded.getFileName().toString()).isEqualTo(upload.getFileName().toString());
            assertThat(Files.readAllBytes(downloaded)).isEqualTo(content);

            // Step 8: the record of the request made shows the information received, and links back to the request.
            SettledOutbox.awaitDeliveries(jdbc);
            sender.go(recordPath);
            assertThat(sender.text("status")).isEqualTo("Receipt confirmed");
            assertThat(sender.text("timeline")).contains("Shared", "Receipt confirmed", "The files asked for were received through the secure hub");
            sender.screenshots("request-10-record-received", 2);
            sender.click("hub-requests");
            assertThat(sender.page()).contains("Attendance and behaviour records for this term", "Files sent");
            sender.screenshot("request-11-record-requests");
        } finally {
            Files.deleteIfExists(upload);
        }
    }

    @Test
    void anOverdueRequestShowsOverdueToTheRequesterAfterTheReminder() throws Exception {
        Actor asking = new Actor(practitioner.id(), council.id(), practitioner.displayName(), Set.of(Role.PRACTITIONER.name()));
        String requestPath = "/hub/requests/" + requests.create(asking, new NewFileRequest(schoolEntry.id(), teacher, "Care plan",
                "Review meeting", FileRequests.today(clock).plusDays(1).toString(), null));
        try (Browser sender = Browser.open("http://localhost:" + port)) {
            clock.advance(java.time.Duration.ofDays(3));
            reminders.sweep();
            assertThat(waitForMailWith(teacher, "passed the date")).contains(requestPath).doesNotContain("Care plan", "Review meeting");
            fixtures.signIn(sender, mvc, practitioner);
            sender.go("/hub");
            assertThat(sender.text("requests-made")).contains("Care plan", "Waiting for files", "Overdue");
            sender.screenshot("request-12-overdue-list");
            sender.go(requestPath);
            assertThat(sender.text("overdue-warning")).contains("have not arrived by the date you gave");
            sender.screenshot("request-13-overdue-request");
            sender.click("cancel-request");
            assertThat(sender.text("request-status")).contains("Cancelled").doesNotContain("Overdue");
        } finally {
            clock.reset();
        }
    }

    /** The body of the first 'Private and Confidential' email to this address that contains the text. */
    private static String waitForMailWith(String to, String text) throws Exception {
        for (int attempt = 0; attempt < 100; attempt++) {
            for (MimeMessage message : smtp.getReceivedMessagesForDomain(to)) {
                if ("Private and Confidential".equals(message.getSubject()) && GreenMailUtil.getBody(message).contains(text)) {
                    return GreenMailUtil.getBody(message);
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("No email with the link to " + to);
    }

    /** On the invitation's page: Jo Teacher sets a password, signs in and enrols an authenticator from the manual key. */
    private static void becomeJoTeacher(Browser partner, String email) {
        partner.type("name", "Jo Teacher").type("password", "jo's own long passphrase").type("confirmPassword", "jo's own long passphrase")
                .click("create-account");
        partner.signInWithPassword(email, "jo's own long passphrase");
        assertThat(partner.path()).isEqualTo("/mfa/enrol");
        partner.clickText("I cannot scan the QR code");
        String seed = partner.text("manual-key");
        partner.type("code", Totp.code(seed, Totp.step(Instant.now()))).click("confirm");
        partner.click("saved-codes"); // the recovery codes, shown once after enrolment
        assertThat(partner.path()).isEqualTo("/");
    }

    static void scrollClick(Browser browser, String id) {
        WebElement element = browser.driver().findElement(By.id(id));
        ((JavascriptExecutor) browser.driver()).executeScript("arguments[0].scrollIntoView({block: 'center'})", element);
        element.click();
    }

    private static MimeMessage waitForMail(String to, String subject) throws Exception {
        for (int attempt = 0; attempt < 100; attempt++) {
            for (MimeMessage message : smtp.getReceivedMessagesForDomain(to)) {
                if (subject.equals(message.getSubject())) {
                    return message;
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("No email '" + subject + "' to the recipient");
    }

    static Path waitForDownload(Path folder) throws Exception {
        for (int attempt = 0; attempt < 300; attempt++) {
            try (Stream<Path> files = Files.list(folder)) {
                List<Path> done = files.filter(f -> !f.getFileName().toString().endsWith(".crdownload")).toList();
                if (!done.isEmpty()) {
                    return done.get(0);
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("Nothing was downloaded within 30 s");
    }
}
