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
import org.caseshare.support.Browser;
import org.caseshare.support.Fixtures;
import org.caseshare.support.IntegrationTest;
import org.caseshare.system.Actor;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The register in a real headless Chromium: a routine telephone disclosure from a blank screen in
 * one form page and one checklist page; a telephone request from a mobile number, verified by
 * calling the directory's switchboard back; and a share a manager authorises in their own session.
 * Screenshots go to target/screenshots for a person to look at.
 */
class SharingBrowserIntegrationTests extends IntegrationTest {

    @LocalServerPort
    int port;
    @Autowired
    Fixtures fixtures;
    @Autowired
    Directory directory;

    record Council(Account practitioner, Account manager, DirectoryEntry health, DirectoryEntry charity) {
    }

    Council council() {
        Organisation council = fixtures.organisation("Council");
        Account admin = fixtures.person(council, Role.ORGANISATION_ADMIN);
        Actor caller = new Actor(admin.id(), council.id(), admin.displayName(), Set.of(Actor.ORGANISATION_ADMIN));
        DirectoryEntry health = directory.addEntry(caller, "Wessex Health Trust", OrganisationKind.HEALTH,
                List.of(new Switchboard(TelephoneNumber.parse("0118 974 6000"), null)));
        directory.markVerified(caller, health.id(), health.switchboards().get(0).id());
        DirectoryEntry charity = directory.addEntry(caller, "Helping Hands Charity", OrganisationKind.VOLUNTARY,
                List.of(new Switchboard(TelephoneNumber.parse("0118 900 1000"), null)));
        return new Council(fixtures.person(council, Role.PRACTITIONER), fixtures.person(council, Role.MANAGER), health, charity);
    }

    @Test
    void aRoutineTelephoneDisclosureTakesOneFormPageAndOneChecklistPage() throws Exception {
        Council c = council();
        try (Browser browser = Browser.open("http://localhost:" + port)) {
            signIn(browser, c.practitioner());
            browser.click("nav-record-share");
            assertThat(browser.path()).isEqualTo("/sharing/new");
            screenshots(browser, "sharing-01-blank-form", 3);

            fillRoutineShare(browser, c.health());
            browser.click("save");
            assertThat(browser.path()).endsWith("/checklist");
            assertThat(browser.page()).contains("Before you share", "Wessex Health Trust");
            screenshots(browser, "sharing-02-checklist", 2);

            tickEverySafeguard(browser);
            browser.click("share");
            assertThat(browser.path()).doesNotEndWith("/checklist");
            assertThat(browser.text("status")).isEqualTo("Shared");
            assertThat(browser.text("recipient")).contains("Sam Nurse", "Wessex Health Trust", "0118 974 6000");
            assertThat(browser.text("timeline")).contains("Recorded", "safeguards confirmed", "Shared").doesNotContain("safeguard-confirmed");
            screenshots(browser, "sharing-03-shared", 3);

            // The register finds it by the recipient organisation's name, typed in any case.
            browser.go("/sharing").type("recipient", "wessex health trust").click("search");
            assertThat(browser.text("count")).isEqualTo("1 record");
            assertThat(browser.text("recipient-match")).contains("named exactly ‘wessex health trust’");
            assertThat(browser.text("records")).contains("Sam Nurse, Wessex Health Trust");
            browser.screenshot("sharing-03-register-search");
        }
    }

    @Test
    void aTelephoneRequestFromAMobileIsVerifiedByCallingTheSwitchboardBack() throws Exception {
        Council c = council();
        try (Browser browser = Browser.open("http://localhost:" + port)) {
            signIn(browser, c.practitioner());
            browser.go("/sharing/new");
            browser.click("direction-REQUEST_RECEIVED");
            fillRoutineShare(browser, c.health());
            browser.type("numberGiven", "07700 900123");
            browser.click("save");
            assertThat(browser.path()).endsWith("/checklist");
            assertThat(browser.text("call-back")).contains("07700 900123", "Mobile – call the switchboard instead");
            assertThat(browser.text("switchboard")).contains("0118 974 6000", "Verified");
            screenshots(browser, "sharing-04-call-back", 2);

            browser.click("callBackOutcome");
            tickEverySafeguard(browser);
            browser.click("share");
            assertThat(browser.text("status")).isEqualTo("Shared");
            assertThat(browser.text("call-back")).contains("Identity confirmed by calling back on 0118 974 6000");
            assertThat(browser.text("timeline")).contains("Actor verified by calling back");
            screenshots(browser, "sharing-05-request-shared", 3);
        }
    }

    @Test
    void aManagerAuthorisesASensitiveShareInTheirOwnSession() throws Exception {
        Council c = council();
        try (Browser practitioner = Browser.open("http://localhost:" + port); Browser manager = Browser.open("http://localhost:" + port)) {
            signIn(practitioner, c.practitioner());
            practitioner.go("/sharing/new");
            fillRoutineShare(practitioner, c.charity());
            practitioner.select("marking", "OFFICIAL_SENSITIVE:PERSONAL").type("recipientName", "Pat Worker")
                    .type("recipientJobTitle", "Family support worker").type("recipientDepartment", "Family support");
            practitioner.click("save");
            assertThat(practitioner.text("awaiting")).contains("A manager must authorise this before it is shared");
            tickEverySafeguard(practitioner);
            practitioner.click("save-checklist");
            assertThat(practitioner.text("status")).isEqualTo("Awaiting authorisation");
            String record = practitioner.path();
            screenshots(practitioner, "sharing-06-awaiting", 2);

            signIn(manager, c.manager());
            manager.click("nav-authorisations");
            assertThat(manager.page()).contains("Helping Hands Charity");
            manager.screenshot("sharing-07-authorisations");
            manager.go(record);
            manager.screenshot("sharing-08-to-authorise");
            manager.click("authorise");
            assertThat(manager.text("status")).isEqualTo("Authorised");

            practitioner.go(record);
            practitioner.click("go-checklist");
            practitioner.click("share");
            assertThat(practitioner.text("status")).isEqualTo("Shared");
            assertThat(practitioner.text("timeline")).contains("Authorised by " + c.manager().displayName());
            screenshots(practitioner, "sharing-09-authorised-and-shared", 3);
        }
    }

    /** A routine telephone share as a practitioner types it; the page's defaults do the rest, but never the marking or the basis. */
    static void fillRoutineShare(Browser browser, DirectoryEntry recipient) {
        browser.type("subjectName", "Alex Example").type("subjectDateOfBirth-0", "27/3/2015").type("subjectReference-0", "C-1001")
                .type("information", "School attendance summary for this term").select("marking", "OFFICIAL").click("lawfulBasis")
                .type("purpose", "Health visitor assessment of the child's needs")
                .type("necessity", "The assessment cannot be done without attendance information")
                .click("consentSought-WOULD_CAUSE_DELAY")
                .type("decisionReasons", "Proportionate and necessary for the assessment")
                .select("recipientEntry", recipient.id().toString()).type("recipientName", "Sam Nurse")
                .type("recipientJobTitle", "Health visitor").type("recipientDepartment", "Children's community health")
                .click("personInformed");
    }

    static void tickEverySafeguard(Browser browser) {
        List<WebElement> boxes = browser.driver().findElements(By.name("safeguard"));
        assertThat(boxes).isNotEmpty();
        for (WebElement box : boxes) {
            if (!box.isSelected() && box.isEnabled()) {
                ((JavascriptExecutor) browser.driver()).executeScript("arguments[0].scrollIntoView({block: 'center'})", box);
                box.click();
            }
        }
    }

    private static void signIn(Browser browser, Account account) {
        browser.signInFirstTime(account.email(), Fixtures.PASSWORD);
    }

    private static void screenshots(Browser browser, String name, int screens) throws Exception {
        browser.screenshots(name, screens);
    }
}
