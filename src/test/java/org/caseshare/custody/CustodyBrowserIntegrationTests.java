package org.caseshare.custody;

import java.time.Duration;

import org.caseshare.directory.Organisation;
import org.caseshare.identity.Account;
import org.caseshare.identity.Role;
import org.caseshare.mail.Outbox;
import org.caseshare.support.Browser;
import org.caseshare.support.Fixtures;
import org.caseshare.support.NoEnglishLeft;
import org.caseshare.support.IntegrationTest;
import org.caseshare.support.TestClock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A device custody item in a real headless Chromium: the admin approves a memory stick and verifies
 * its encryption, a practitioner puts information on it, it goes overdue and escalates to the data
 * protection officer, and the practitioner records its secure deletion. Screenshots go to
 * target/screenshots for a person to look at.
 */
class CustodyBrowserIntegrationTests extends IntegrationTest {

    @LocalServerPort
    int port;
    @Autowired
    Fixtures fixtures;
    @Autowired
    MockMvc mvc;
    @Autowired
    TestClock clock;
    @Autowired
    OverdueReminders reminders;
    @Autowired
    Outbox outbox;

    /** The clock is shared by every test in the context: put it back for the next one. */
    @org.junit.jupiter.api.AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void aDeviceCustodyItemIsTakenGoesOverdueEscalatesAndIsSecurelyDeleted() throws Exception {
        Organisation council = fixtures.organisation("Council");
        Account admin = fixtures.person(council, Role.ORGANISATION_ADMIN);
        Account practitioner = fixtures.person(council, Role.PRACTITIONER);
        Account dpo = fixtures.person(council, Role.DATA_PROTECTION_OFFICER);
        String tag = Fixtures.unique("USB");
        try (Browser browser = Browser.open("http://localhost:" + port)) {
            // The admin registers a memory stick and records who verified its encryption.
            fixtures.signIn(browser, mvc, admin);
            browser.click("home-devices");
            browser.click("register-device");
            assertThat(browser.page()).contains("There is a problem", "Select the type of device");
            browser.screenshot("custody-01-device-errors");
            browser.select("type", "USB_STICK").type("assetTag", tag).type("description", "Hardware-encrypted 32 GB stick").click("register-device");
            assertThat(browser.text("status")).isEqualTo("Encryption not verified");
            browser.type("method", "Hardware encryption and PIN checked by IT").click("verify");
            assertThat(browser.text("status")).isEqualTo("Approved");
            assertThat(browser.text("verified")).contains(admin.displayName(), "Hardware encryption and PIN checked by IT");
            browser.screenshot("custody-02-device-approved");

            // A practitioner puts information on it, due to be deleted by tomorrow.
            fixtures.signIn(browser, mvc, practitioner);
            browser.click("nav-custody");
            browser.click("take-device");
            browser.select("deviceId", browser.driver().findElement(org.openqa.selenium.By.cssSelector("#deviceId option:nth-child(2)"))
                    .getDomAttribute("value"));
            browser.type("description", "Assessment report, case C-3001").type("reason", "Case conference at the health centre")
                    .type("dueDate", CustodyJourneyTests.tomorrow(clock)).type("dueTime", "12:00");
            browser.click("take");
            assertThat(browser.page()).contains("Confirm the information on the device is encrypted");
            browser.screenshots("custody-03-placement-errors", 2);
            browser.driver().findElement(org.openqa.selenium.By.cssSelector("label[for='safeguard-device.encrypted']")).click();
            browser.driver().findElement(org.openqa.selenium.By.cssSelector("label[for='safeguard-device.key-separately']")).click();
            browser.click("take");
            assertThat(browser.text("status")).isEqualTo("Off site");
            assertThat(browser.text("due")).contains("left");
            String item = browser.path();
            browser.screenshot("custody-04-on-device");

            // Two days on, it is overdue: the sweep escalates it to the data protection officer.
            clock.advance(Duration.ofDays(2));
            reminders.sweep();
            assertThat(outbox.list()).anyMatch(m -> m.to().equals(dpo.email())
                    && m.subject().equals("Caseshare: information left on a device beyond its time"));
            fixtures.signIn(browser, mvc, dpo);
            browser.click("home-custody-overdue");
            assertThat(browser.text("items")).contains("Assessment report, case C-3001", "Escalated", "overdue by");
            browser.screenshot("custody-05-dpo-overdue");

            // The practitioner securely deletes it; the item closes.
            fixtures.signIn(browser, mvc, practitioner);
            browser.go(item);
            assertThat(browser.text("overdue")).contains("Overdue by", "Escalated");
            browser.screenshots("custody-06-overdue-item", 2);

            // The stick cannot be found: a loss is reported from the item, and the item shows it with the ICO clock.
            browser.click("report-loss");
            browser.type("whatHappened", "USB stick not found in the bag after the case conference")
                    .type("peopleAffected", "1").type("recordsAffected", "1")
                    .type("consequences", "The report is encrypted; the risk is low").type("actionsTaken", "Searched the venue").click("submit-report");
            assertThat(browser.text("status")).isEqualTo("Awaiting decision");
            browser.go(item);
            assertThat(browser.text("related-notices")).contains("Loss reported", "left to decide whether to report to the ICO");
            browser.screenshot("custody-06-item-with-incident");
            browser.type("how", "Secure erase with the IT service desk tool").click("record-deleted");
            assertThat(browser.text("status")).isEqualTo("Securely deleted");
            assertThat(browser.text("closed")).contains(practitioner.displayName(), "Secure erase with the IT service desk tool");
            browser.screenshot("custody-07-deleted");

            // The same item in Welsh, from the switcher on the page.
            browser.click("language-cy");
            assertThat(browser.driver().findElement(org.openqa.selenium.By.tagName("html")).getAttribute("lang")).isEqualTo("cy");
            assertThat(browser.text("status")).isEqualTo("Wedi’i dileu’n ddiogel");
            NoEnglishLeft.assertNone(browser.driver().findElement(org.openqa.selenium.By.tagName("body")).getText(), "the deleted item in Welsh");
            browser.screenshot("custody-08-welsh");
        }
    }
}
