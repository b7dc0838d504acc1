package org.caseshare.incident;

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
 * An incident in a real headless Chromium: a practitioner reports a lost file, the data protection
 * officer is emailed, sees the 72-hour clock on their list, and records the decision within it.
 * Screenshots go to target/screenshots for a person to look at.
 */
class IncidentBrowserIntegrationTests extends IntegrationTest {

    @LocalServerPort
    int port;
    @Autowired
    Fixtures fixtures;
    @Autowired
    MockMvc mvc;
    @Autowired
    TestClock clock;
    @Autowired
    Outbox outbox;

    /** The clock is shared by every test in the context: put it back for the next one. */
    @org.junit.jupiter.api.AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void anIncidentIsReportedAndDecidedWithinTheClock() throws Exception {
        Organisation council = fixtures.organisation("Council");
        Account practitioner = fixtures.person(council, Role.PRACTITIONER);
        Account dpo = fixtures.person(council, Role.DATA_PROTECTION_OFFICER);
        try (Browser browser = Browser.open("http://localhost:" + port)) {
            fixtures.signIn(browser, mvc, practitioner);
            browser.click("home-report-loss");
            browser.type("whatHappened", "").click("submit-report");
            assertThat(browser.page()).contains("There is a problem", "Enter what happened", "Enter how many people are affected");
            browser.screenshots("incident-01-errors", 2);
            browser.type("whatHappened", "Paper file for one family left on the bus; not handed in to lost property")
                    .type("peopleAffected", "4").type("recordsAffected", "1")
                    .type("consequences", "Addresses and health details could be read by a stranger")
                    .type("actionsTaken", "Called the bus company; manager told").click("submit-report");
            assertThat(browser.text("status")).isEqualTo("Awaiting decision");
            assertThat(browser.text("clock-text")).contains("left to decide whether to report to the ICO");
            browser.screenshot("incident-02-reported");
            assertThat(outbox.list()).anyMatch(m -> m.to().equals(dpo.email()) && m.subject().contains("loss or suspected loss"));

            // A day later the officer sees the clock on their list and decides.
            clock.advance(Duration.ofHours(24));
            fixtures.signIn(browser, mvc, dpo);
            browser.click("home-incidents-dpo");
            assertThat(browser.text("awaiting")).contains("Paper file for one family", "1 day 23 hours left");
            browser.screenshot("incident-03-dpo-list");
            browser.driver().findElement(org.openqa.selenium.By.cssSelector("#awaiting a")).click();
            browser.screenshots("incident-04-decision-form", 3);
            browser.driver().findElement(org.openqa.selenium.By.cssSelector("label[for='notifyIco-yes']")).click();
            browser.type("icoReasons", "Health details of a family: a risk to them is likely");
            browser.type("icoNotifiedOn", org.caseshare.custody.UkTime.formDate(clock.instant())).type("icoReference", "IC-998877");
            browser.driver().findElement(org.openqa.selenium.By.cssSelector("label[for='notifyPeople-yes']")).click();
            browser.type("peopleReasons", "High risk: the family must be told so they can protect themselves");
            browser.click("record-decision");
            assertThat(browser.text("status")).isEqualTo("Reported to the ICO");
            assertThat(browser.text("clock-text")).contains("Reported to the ICO on", "within 72 hours");
            assertThat(browser.text("decision")).contains("IC-998877", "High risk");
            browser.screenshots("incident-05-decided", 2);

            // The same incident in Welsh, from the switcher on the page.
            browser.click("language-cy");
            assertThat(browser.driver().findElement(org.openqa.selenium.By.tagName("html")).getAttribute("lang")).isEqualTo("cy");
            assertThat(browser.text("status")).isEqualTo("Rhoddwyd gwybod i’r ICO");
            assertThat(browser.text("clock-text")).contains("Rhoddwyd gwybod i’r ICO ar", "o fewn 72 awr");
            NoEnglishLeft.assertNone(browser.driver().findElement(org.openqa.selenium.By.tagName("body")).getText(), "the decided incident in Welsh");
            browser.screenshot("incident-06-welsh");
        }
    }
}
