package org.caseshare.channels;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.caseshare.directory.Directory;
import org.caseshare.mail.Outbox;
import org.caseshare.sharing.SharingRegister;
import org.caseshare.sharing.Status;
import org.caseshare.support.Browser;
import org.caseshare.support.Fixtures;
import org.caseshare.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The channels in a real headless Chromium, from the sharing record: an email attachment whose
 * password the recipient gets by email after confirming receipt by the link; envelope labels and the
 * posting reference; a fax's pre-send checks, cover sheet and transmission report. Screenshots go to
 * target/screenshots for a person to look at.
 */
class ChannelsBrowserIntegrationTests extends IntegrationTest {

    private static final Pattern RECEIPT_LINK = Pattern.compile("(/receipts/[A-Za-z0-9_-]+)");

    @LocalServerPort
    int port;
    @Autowired
    Fixtures fixtures;
    @Autowired
    Directory directory;
    @Autowired
    SharingRegister register;
    @Autowired
    Outbox outbox;

    @Test
    void anEmailAttachmentWithThePasswordReleasedAfterTheRecipientConfirmsReceipt() throws Exception {
        ChannelsFixtures c = ChannelsFixtures.council(fixtures, directory);
        UUID id = c.share(register, "EMAIL");
        Path file = Files.createTempFile("Alex Example attendance", ".txt");
        Files.writeString(file, "Attendance this term: 92%");
        try (Browser browser = Browser.open("http://localhost:" + port)) {
            browser.signInFirstTime(c.practitioner().email(), Fixtures.PASSWORD);
            browser.go("/sharing/" + id).click("carry-out-email");
            assertThat(browser.text("email-check")).contains("Secure domain in your directory");
            browser.screenshots("channels-01-email", 2);

            browser.click("make-attachment");
            assertThat(browser.page()).contains("There is a problem", "Choose the files to attach", "Choose how the recipient will get the password");
            browser.screenshot("channels-02-email-errors");

            browser.driver().findElement(By.id("files")).sendKeys(file.toString());
            browser.click("summary").click("passwordRoute-email").click("make-attachment");
            String password = browser.text("password");
            assertThat(password).matches("[A-Z][a-z]+(-[a-z]+){6}-[0-9]{4}");
            assertThat(browser.text("download")).startsWith("Download documents-");
            assertThat(browser.driver().findElement(By.id("mailto")).getDomAttribute("href"))
                    .startsWith("mailto:?subject=Private%20and%20Confidential").doesNotContain("Alex");
            browser.screenshots("channels-03-email-attachment-ready", 3);

            tickEverySafeguard(browser);
            browser.click("record-sent");
            assertThat(browser.text("receipt-status")).contains("Waiting: a confirmation link was emailed");
            assertThat(browser.text("password-status")).contains("Held sealed");
            assertThat(browser.page()).doesNotContain(password);
            browser.screenshot("channels-04-email-sent");

            // The recipient, without an account, opens the link from their email and confirms.
            String link = outbox.list().stream().filter(m -> m.to().equals("sam.nurse@wessex.nhs.uk") && m.body().contains("/receipts/"))
                    .map(Outbox.OutboxMessage::body).findFirst().orElseThrow();
            Matcher receipt = RECEIPT_LINK.matcher(link);
            assertThat(receipt.find()).isTrue();
            try (Browser recipient = Browser.open("http://localhost:" + port)) {
                recipient.go(receipt.group(1));
                assertThat(recipient.page()).contains("Confirm that you received the attachment", "documents-").doesNotContain("Alex", "Sam Nurse");
                recipient.screenshot("channels-05-recipient-confirms");
                recipient.click("confirm-receipt");
                assertThat(recipient.text("receipt-confirmed")).contains("The password has been sent to you in a separate email");
                recipient.screenshot("channels-06-recipient-confirmed");
            }
            assertThat(outbox.list().stream().filter(m -> m.to().equals("sam.nurse@wessex.nhs.uk")).map(Outbox.OutboxMessage::body)
                    .filter(body -> body.contains(password)).count()).isEqualTo(1);

            browser.go("/sharing/" + id + "/email");
            assertThat(browser.text("receipt-status")).contains("Confirmed by the recipient by link");
            assertThat(browser.text("password-status")).contains("Sent in a separate email");
            browser.screenshot("channels-07-email-released");
            browser.go("/sharing/" + id);
            assertThat(browser.text("status")).isEqualTo("Receipt confirmed");
            assertThat(browser.text("timeline")).contains("The recipient, by confirmation link");
        } finally {
            Files.deleteIfExists(file);
        }
    }

    @Test
    void envelopeLabelsAndThePostingReference() throws Exception {
        ChannelsFixtures c = ChannelsFixtures.council(fixtures, directory);
        UUID id = c.share(register, "POST");
        try (Browser browser = Browser.open("http://localhost:" + port)) {
            browser.signInFirstTime(c.practitioner().email(), Fixtures.PASSWORD);
            browser.go("/sharing/" + id).click("carry-out-post");
            assertThat(browser.driver().findElement(By.id("address")).getDomProperty("value")).contains("Trust Headquarters", "RG1 5AN");
            browser.screenshots("channels-08-post", 2);

            browser.type("department", "").click("save-labels");
            assertThat(browser.page()).contains("There is a problem", "Enter the recipient's department", "Enter the return address");
            browser.screenshot("channels-09-post-errors");

            browser.type("department", "Children's community health").type("returnAddress", "Shute End\nWokingham\nRG40 1BN").click("save-labels");
            assertThat(browser.text("label-downloads")).contains("Plain A4", "Avery L7165", "Avery L7163");
            assertThat(browser.driver().findElement(By.id("labels-AVERY_L7163")).getDomAttribute("href")).endsWith("labels.pdf?format=AVERY_L7163");
            browser.type("trackingReference", "AB123456789GB");
            tickEverySafeguard(browser);
            browser.screenshots("channels-10-post-labels", 2);
            browser.click("record-sent");
            assertThat(browser.text("tracking")).isEqualTo("AB123456789GB");
            browser.click("confirm-receipt");
            assertThat(browser.text("status")).isEqualTo("Receipt confirmed");
            browser.screenshot("channels-11-post-received");
        }
        assertThat(register.get(c.organisation().id(), id).status()).isEqualTo(Status.RECEIPT_CONFIRMED);
    }

    @Test
    void aFaxAfterThePreSendChecksWithItsCoverSheetAndTransmissionReport() throws Exception {
        ChannelsFixtures c = ChannelsFixtures.council(fixtures, directory);
        UUID id = c.share(register, "FAX");
        try (Browser browser = Browser.open("http://localhost:" + port)) {
            browser.signInFirstTime(c.practitioner().email(), Fixtures.PASSWORD);
            browser.go("/sharing/" + id).click("carry-out-fax");
            browser.screenshots("channels-12-fax", 2);
            browser.click("number-typed").type("typedNumber", "0118 974 6099").type("typedNumberAgain", "0118 974 6089").click("make-cover-sheet");
            assertThat(browser.page()).contains("There is a problem", "The two fax numbers do not match", "Telephone the recipient");
            browser.screenshots("channels-13-fax-errors", 2);

            browser.click("recipientTelephoned").click("recipientWaiting").click("number-0").click("numberChecked")
                    .type("pages", "4").type("originatorTelephone", "0118 974 1000").click("make-cover-sheet");
            assertThat(browser.text("fax-number")).isEqualTo("0118 974 6099");
            assertThat(browser.text("fax-reference")).isEqualTo("CS-" + id.toString().substring(0, 8).toUpperCase());
            browser.click("reportConfirmed");
            tickEverySafeguard(browser);
            browser.screenshots("channels-14-fax-cover-sheet", 2);
            browser.click("record-sent");
            assertThat(browser.text("fax-status")).startsWith("Transmission report confirmed");
            browser.screenshot("channels-15-fax-sent");
            browser.go("/sharing/receiving-fax");
            assertThat(browser.text("receiving-safeguards")).contains("consider the location of your fax machine");
            browser.screenshot("channels-16-receiving-fax");
        }
        assertThat(register.get(c.organisation().id(), id).status()).isEqualTo(Status.SHARED);
    }

    private static void tickEverySafeguard(Browser browser) {
        List<WebElement> boxes = browser.driver().findElements(By.cssSelector("input[name=safeguard]"));
        assertThat(boxes).isNotEmpty();
        for (WebElement box : boxes) {
            ((JavascriptExecutor) browser.driver()).executeScript("arguments[0].scrollIntoView({block: 'center'})", box);
            if (!box.isSelected()) {
                box.click();
            }
        }
    }
}
