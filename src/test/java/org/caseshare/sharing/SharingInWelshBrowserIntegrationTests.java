package org.caseshare.sharing;

import java.util.List;
import java.util.Set;

import org.caseshare.directory.Directory;
import org.caseshare.directory.DirectoryEntry;
import org.caseshare.directory.Organisation;
import org.caseshare.directory.OrganisationKind;
import org.caseshare.directory.Switchboard;
import org.caseshare.directory.TelephoneNumber;
import org.caseshare.identity.Account;
import org.caseshare.identity.Role;
import org.caseshare.support.Accessibility;
import org.caseshare.support.Browser;
import org.caseshare.support.Fixtures;
import org.caseshare.support.IntegrationTest;
import org.caseshare.support.NoEnglishLeft;
import org.caseshare.system.Actor;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A practitioner who works in Welsh, in a real headless Chromium: they switch to Cymraeg, record a
 * routine telephone share through the form (an empty form first, for the error messages), complete
 * the checklist and find the record in the register. Every page is in Welsh ({@code lang="cy"}, no
 * catalogue English left) and axe-core finds no violation on any of them. The safeguards' own
 * wording comes from the policy and is quoted in English for now.
 */
class SharingInWelshBrowserIntegrationTests extends IntegrationTest {

    @LocalServerPort
    int port;
    @Autowired
    Fixtures fixtures;
    @Autowired
    Directory directory;

    @Test
    void aTelephoneShareRecordedAndCheckedInWelsh() throws Exception {
        Organisation council = fixtures.organisation("Cyngor");
        Account admin = fixtures.person(council, Role.ORGANISATION_ADMIN);
        DirectoryEntry health = directory.addEntry(new Actor(admin.id(), council.id(), admin.displayName(), Set.of(Actor.ORGANISATION_ADMIN)),
                "Ymddiriedolaeth Iechyd Gwent", OrganisationKind.HEALTH, List.of(new Switchboard(TelephoneNumber.parse("01633 436700"), null)));
        Account practitioner = fixtures.person(council, Role.PRACTITIONER);

        try (Browser browser = Browser.open("http://localhost:" + port)) {
            browser.signInFirstTime(practitioner.email(), Fixtures.PASSWORD);
            browser.click("language-cy");
            assertThat(language(browser)).isEqualTo("cy");

            browser.click("nav-record-share");
            assertThat(browser.path()).isEqualTo("/sharing/new");
            inWelsh(browser, "the blank form");
            assertThat(browser.page()).contains("Cofnodi rhannu", "Pwy sy’n ei dderbyn (neu pwy ofynnodd)", "Cadw a pharhau");
            assertThat(browser.driver().findElement(By.id("recipientEntry__assistiveHint")).getAttribute("textContent"))
                    .as("the directory type-ahead's hint for screen readers").startsWith("Pan fydd canlyniadau awtogwblhau ar gael");
            browser.screenshots("sharing-cy-01-blank-form", 3);

            browser.click("save");
            inWelsh(browser, "the form with its errors");
            assertThat(browser.page()).contains("Mae problem wedi codi", "Disgrifiwch pa wybodaeth sy’n cael ei rhannu",
                    "Rhowch y diben: pam mae angen yr wybodaeth ar y derbynnydd");

            SharingBrowserIntegrationTests.fillRoutineShare(browser, health);
            browser.click("save");
            assertThat(browser.path()).endsWith("/checklist");
            inWelsh(browser, "the checklist");
            assertThat(browser.page()).contains("Cyn i chi rannu", "Cadarnhewch beth wnaethoch chi", "Ymddiriedolaeth Iechyd Gwent");
            browser.screenshots("sharing-cy-02-checklist", 2);

            SharingBrowserIntegrationTests.tickEverySafeguard(browser);
            browser.click("share");
            assertThat(browser.path()).doesNotEndWith("/checklist");
            inWelsh(browser, "the record, just shared");
            assertThat(browser.text("status")).isEqualTo("Wedi’i rannu");
            assertThat(browser.text("shared-panel")).contains("Wedi’i gofnodi fel wedi’i rannu");
            assertThat(browser.text("timeline")).contains("Wedi’i gofnodi", "mesur diogelu wedi’u cadarnhau", "Wedi’i rannu");
            browser.screenshots("sharing-cy-03-shared", 3);

            browser.go("/sharing").type("recipient", "ymddiriedolaeth iechyd gwent").click("search");
            inWelsh(browser, "the register, searched");
            assertThat(browser.text("count")).isEqualTo("1 cofnod");
            assertThat(browser.text("records")).contains("Sam Nurse, Ymddiriedolaeth Iechyd Gwent", "Ffôn", "Wedi’i rannu");
            browser.screenshot("sharing-cy-04-register");
        }
    }

    private static void inWelsh(Browser browser, String state) {
        assertThat(language(browser)).as("lang on " + state).isEqualTo("cy");
        NoEnglishLeft.assertNone(browser.page(), state);
        Accessibility.assertNoViolations(browser, state + " in Welsh");
    }

    private static String language(Browser browser) {
        return browser.driver().findElement(By.tagName("html")).getAttribute("lang");
    }
}
