package org.caseshare.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;

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
import org.caseshare.support.Totp;
import org.caseshare.support.Visitor;
import org.caseshare.system.Caller;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chromium.HasCdp;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A request for files in two real headless Chromiums, with email through a real SMTP server
 * (GreenMail): a practitioner's "request made" record (recorded through the pages by the fixtures,
 * its checklist completed in the browser) → "Ask for the files through the secure hub", to a teacher
 * with no login → the teacher accepts the invitation, sets a password, enrols an authenticator, reads
 * who asks, for what, why and by when, uploads a file (streamed by hub-upload.js as a PUT) and sends
 * it → the practitioner sees the request answered, acknowledges, downloads (the bytes on disk are
 * compared) and finds receipt confirmed on the record. Screenshots go to target/screenshots.
 */
class FileRequestsBrowserIntegrationTests extends IntegrationTest {

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
    MockMvc mvc;
    @Autowired
    Fixtures fixtures;
    @Autowired
    Directory directory;

    @Test
    void aPractitionerAsksUnderARecordAndANewPartnerUserUploadsTheFiles() throws Exception {
        Organisation council = fixtures.organisation("Council");
        Organisation school = fixtures.organisation("Oakfield Primary");
        Account admin = fixtures.person(council, Role.ORGANISATION_ADMIN);
        DirectoryEntry schoolEntry = directory.addEntry(new Caller(admin.id(), council.id(), admin.displayName(),
                Set.of(Caller.ORGANISATION_ADMIN)), school.name(), OrganisationKind.SCHOOL);
        Account practitioner = fixtures.person(council, Role.PRACTITIONER);
        String teacher = Fixtures.unique("jo.teacher") + "@oakfield.example.org";
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
            MimeMessage invitation = HubBrowserIntegrationTests.waitForMail(smtp, teacher, "You have been invited to Caseshare");
            MimeMessage notice = HubBrowserIntegrationTests.waitForMail(smtp, teacher, "Private and Confidential");
            assertThat(GreenMailUtil.getBody(notice)).contains(requestPath).doesNotContain("Attendance", "Child protection", "Robin",
                    practitioner.displayName());
            String body = GreenMailUtil.getBody(invitation);
            String accept = body.substring(body.indexOf("/invitations/")).lines().findFirst().orElseThrow().strip();

            // Step 4: the teacher accepts, sets a password and enrols an authenticator.
            partner.go(accept);
            partner.type("name", "Jo Teacher").type("password", "jo's own long passphrase").type("confirmPassword", "jo's own long passphrase")
                    .click("create-account");
            partner.type("email", teacher).type("password", "jo's own long passphrase").click("sign-in");
            assertThat(partner.path()).isEqualTo("/mfa/enrol");
            partner.clickText("I cannot scan the QR code");
            String seed = partner.text("manual-key");
            partner.type("code", Totp.code(seed, Totp.step(Instant.now()))).click("confirm");
            assertThat(partner.path()).isEqualTo("/");

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
            HubBrowserIntegrationTests.scrollClick(partner, "password"); // no package password: the practitioner asked for these
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
            HubBrowserIntegrationTests.scrollClick(sender, "confirm");
            sender.click("acknowledge");
            ((HasCdp) sender.driver()).executeCdpCommand("Browser.setDownloadBehavior",
                    Map.of("behavior", "allow", "downloadPath", downloads.toString()));
            sender.driver().findElement(By.xpath("//button[normalize-space(text())='Download']")).click();
            Path downloaded = HubBrowserIntegrationTests.waitForDownload(downloads);
            assertThat(downloaded.getFileName().toString()).isEqualTo(upload.getFileName().toString());
            assertThat(Files.readAllBytes(downloaded)).isEqualTo(content);

            // Step 8: the record of the request made shows the information received, and links back to the request.
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
}
